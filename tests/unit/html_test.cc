// Main-text extraction, charset handling and metadata on pages written for these tests.
#include <gtest/gtest.h>

#include <string>

#include "core/langpack.h"
#include "html/charset.h"
#include "html/eval.h"
#include "html/html.h"
#include "html/html_internal.h"

namespace vigie::html {
namespace {

std::string ReadTestPage(const std::string& name) {
  auto bytes = core::ReadFile(std::string(VIGIE_SOURCE_DIR) + "/tests/data/web/" + name);
  EXPECT_TRUE(bytes.ok()) << name;
  return bytes.ok() ? *bytes : std::string();
}

TEST(ExtractTest, KeepsArticleDropsFurniture) {
  Page p = ExtractPage(ReadTestPage("alep_fr.html"), "", "https://veilleur.example/monde/alep");
  const std::string& t = p.text;
  // Article parts, in order.
  size_t a = t.find("Les forces gouvernementales syriennes ont repris mercredi");
  size_t b = t.find("« Les combats se poursuivent rue par rue »");
  size_t c = t.find("Des milliers de déplacés");
  size_t d = t.find("Quartiers repris : Cheikh Saïd");
  size_t e = t.find("« Nous n'avons plus ni eau ni électricité");
  size_t f = t.find("Le Conseil de sécurité doit se réunir jeudi");
  ASSERT_NE(a, std::string::npos) << t;
  ASSERT_NE(b, std::string::npos) << t;
  ASSERT_NE(c, std::string::npos) << t;
  ASSERT_NE(d, std::string::npos) << t;
  ASSERT_NE(e, std::string::npos) << t;
  ASSERT_NE(f, std::string::npos) << t;
  EXPECT_TRUE(a < b && b < c && c < d && d < e && e < f);
  // Blocks separated by blank lines.
  EXPECT_NE(t.find("lundi.\n\n« Les combats"), std::string::npos);
  // Furniture removed.
  for (const char* junk : {"cookies", "Politique", "Publicité", "Partager", "À lire aussi",
                           "cinq ans de guerre", "Premier commentaire", "Les plus lus",
                           "Mentions légales", "color:red", "datePublished"})
    EXPECT_EQ(t.find(junk), std::string::npos) << junk;
}

TEST(ExtractTest, DeclaredCharsetIsConverted) {
  Page p = ExtractPage(ReadTestPage("alep_fr.html"), "", "");
  EXPECT_EQ(p.charset, "windows-1252");
  EXPECT_EQ(p.invalid_bytes, 0u);
  EXPECT_NE(p.text.find("état"), std::string::npos);
  EXPECT_NE(p.html.find("Mentions légales"), std::string::npos);
}

TEST(ExtractTest, Metadata) {
  Page p = ExtractPage(ReadTestPage("alep_fr.html"), "", "https://www.veilleur.example/monde/alep");
  EXPECT_EQ(p.meta.title, "Alep : les forces gouvernementales avancent dans l'est de la ville");
  EXPECT_EQ(p.meta.date, "2016-12-07");
  EXPECT_EQ(p.meta.date_source, "json-ld");
  EXPECT_EQ(p.meta.author, "Claire Martin");
  EXPECT_EQ(p.meta.site_name, "Le Veilleur");
  EXPECT_EQ(p.meta.lang, "fr");
}

TEST(CharsetTest, Sniffing) {
  using internal::SniffCharset;
  EXPECT_EQ(SniffCharset("\xEF\xBB\xBF<p>x</p>", "text/html; charset=iso-8859-1"), "utf-8");
  EXPECT_EQ(SniffCharset("<p>caf\xE9</p>", "text/html; charset=ISO-8859-1"), "windows-1252");
  EXPECT_EQ(SniffCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", ""),
            "koi8-r");
  EXPECT_EQ(SniffCharset("<meta charset='UTF-8'><p>caf\xC3\xA9</p>", ""), "utf-8");
  // Declared Latin-1 but the bytes are UTF-8: a frequent mislabel.
  EXPECT_EQ(SniffCharset("<meta charset=iso-8859-1><p>caf\xC3\xA9</p>", ""), "utf-8");
  // Undeclared and not UTF-8.
  EXPECT_EQ(SniffCharset("<p>caf\xE9</p>", ""), "windows-1252");
  // Unknown label: decided from the bytes.
  EXPECT_EQ(SniffCharset("<meta charset=no-such-thing><p>x</p>", ""), "utf-8");
}

TEST(CharsetTest, Conversion) {
  uint32_t bad = 0;
  EXPECT_EQ(internal::ToUtf8("caf\xE9 \x80", "windows-1252", &bad), "café €");
  EXPECT_EQ(bad, 0u);
  std::string utf16("\xFF\xFE<\0p\0>\0\xE9\0", 10);
  Page p = ExtractPage(utf16, "", "");
  EXPECT_EQ(p.charset, "utf-16le");
  EXPECT_EQ(p.html.substr(0, 5), "<p>é");
  EXPECT_EQ(internal::ToUtf8("ok\xFF", "utf-8", &bad), "ok\xEF\xBF\xBD");
  EXPECT_EQ(bad, 1u);
}

TEST(MetaTest, DateSources) {
  auto date_of = [](const std::string& html, const std::string& url) {
    Page p = ExtractPage(html, "", url);
    return p.meta.date + "/" + p.meta.date_source;
  };
  EXPECT_EQ(date_of("<html><head><meta property=\"article:published_time\" "
                    "content=\"2019-03-04T10:00:00Z\"></head><body><p>x</p></body></html>", ""),
            "2019-03-04/meta");
  EXPECT_EQ(date_of("<html><body><p>x <time datetime=\"2020-01-31\">31 janvier</time></p></body></html>", ""),
            "2020-01-31/time");
  EXPECT_EQ(date_of("<html><body><p>x</p></body></html>", "https://n.example/2018/05/06/titre"),
            "2018-05-06/url");
  EXPECT_EQ(date_of("<html><body><p>x</p></body></html>", "https://n.example/titre"), "/");
  // A visible dateline just above the article.
  EXPECT_EQ(date_of("<html><body><div class=\"top\"><span>Mis à jour le 8.12.2016, 10h</span></div>"
                    "<div><p>Les forces gouvernementales syriennes ont repris mercredi plusieurs "
                    "quartiers de l'est d'Alep, selon une ONG.</p></div></body></html>", ""),
            "2016-12-08/text");
  // JSON-LD: the article's date, not the web site's or an image's.
  EXPECT_EQ(date_of("<html><head><script type=\"application/ld+json\">{\"@graph\":["
                    "{\"@type\":\"ImageObject\",\"datePublished\":\"2015-01-01\"},"
                    "{\"@type\":[\"NewsArticle\"],\"datePublished\":\"2016-12-07\"}]}</script>"
                    "</head><body></body></html>", ""),
            "2016-12-07/json-ld");
  // Malformed JSON-LD is ignored, the meta date still found.
  EXPECT_EQ(date_of("<html><head><script type=\"application/ld+json\">{\"datePublished\":</script>"
                    "<meta name=\"date\" content=\"2017-11-02\"></head><body></body></html>", ""),
            "2017-11-02/meta");
}

TEST(MetaTest, NormalizeDate) {
  using internal::NormalizeDate;
  EXPECT_EQ(NormalizeDate("2016-12-07T09:30:00+01:00"), "2016-12-07");
  EXPECT_EQ(NormalizeDate("2016/12/07"), "2016-12-07");
  EXPECT_EQ(NormalizeDate("07.12.2016"), "2016-12-07");
  EXPECT_EQ(NormalizeDate("20161207"), "2016-12-07");
  EXPECT_EQ(NormalizeDate("7.12.2016"), "2016-12-07");
  EXPECT_EQ(NormalizeDate("7.12.20161"), "");
  EXPECT_EQ(NormalizeDate("2016-13-07"), "");
  EXPECT_EQ(NormalizeDate("2015-02-29"), "");
  EXPECT_EQ(NormalizeDate("Wed, 7 Dec 2016"), "");
  EXPECT_EQ(internal::DateFromUrl("https://x.example/news/20161207/a"), "2016-12-07");
  EXPECT_EQ(internal::DateFromUrl("https://x.example/id/12345678901"), "");
  EXPECT_EQ(internal::HostOf("https://WWW.Example.org:8080/a"), "example.org");
}

TEST(LooksLikeHtmlTest, Starts) {
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<!-- c --><html lang=fr>"));
  EXPECT_TRUE(LooksLikeHtml("<?xml version=\"1.0\"?>\n<HTML>"));
  EXPECT_FALSE(LooksLikeHtml("Le 7 décembre <b>Alep</b>"));
  EXPECT_FALSE(LooksLikeHtml("<p>fragment"));
}

TEST(ExtractTest, HostileInputDoesNotCrash) {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "texte profond";
  Page p = ExtractPage(deep, "", "");
  EXPECT_TRUE(p.text.empty() || p.text.find("texte") != std::string::npos);
  // A million nested elements: cut, not minutes of parsing.
  std::string million;
  for (int i = 0; i < 1000000; ++i) million += "<div>";
  million += "texte";
  EXPECT_EQ(ExtractPage(million, "", "").text.find("texte"), std::string::npos);
  std::string formatting;
  for (int i = 0; i < 1000000; ++i) formatting += "<b>";
  ExtractPage(formatting, "", "");
  EXPECT_EQ(ExtractPage("", "", "").text, "");
  EXPECT_EQ(ExtractPage(std::string("\0\0\0", 3), "", "").text.find("<"), std::string::npos);
}

TEST(EvalTest, CollapseSpace) {
  EXPECT_EQ(CollapseSpace("  a \n\n b\xC2\xA0 c "), "a b c");
}

}  // namespace
}  // namespace vigie::html
