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

// Month names as the packs give them (the test loads the project's packs).
const MonthNames& Months() {
  static const MonthNames months = [] {
    auto packs = core::PackSet::Load(std::string(VIGIE_SOURCE_DIR) + "/langpacks");
    EXPECT_TRUE(packs.ok());
    return packs.ok() ? MonthNamesFromPacks(**packs) : MonthNames();
  }();
  return months;
}

TEST(MetaTest, MoreDateSources) {
  auto date_of = [](const std::string& html) {
    ExtractOptions o;
    o.months = &Months();
    Page p = ExtractPage(html, "", "", o);
    return p.meta.date + "/" + p.meta.date_source;
  };
  // RDFa / microdata on a visible element.
  EXPECT_EQ(date_of("<html><body><p>x <span property=\"schema:dateCreated\" "
                    "content=\"2020-04-21T14:40:07+00:00\"></span></p></body></html>"),
            "2020-04-21/meta");
  // hAtom.
  EXPECT_EQ(date_of("<html><body><abbr class=\"published\" title=\"2017-07-23T17:06:45+0000\">"
                    "17:06</abbr><p>x</p></body></html>"),
            "2017-07-23/meta");
  // Other publication metas.
  EXPECT_EQ(date_of("<html><head><meta name=\"publication_date\" content=\"2022-02-08T14:00:00\">"
                    "</head><body></body></html>"),
            "2022-02-08/meta");
  // A date shown in a date-named element, written with a month name.
  EXPECT_EQ(date_of("<html><body><div class=\"post-info\">Posted Jan 18, 2019 by Ann</div>"
                    "<ul><li>a</li></ul></body></html>"),
            "2019-01-18/text");
  // A dateline inside the article, below its first paragraphs.
  const std::string para =
      "<p>Les forces gouvernementales syriennes ont repris mercredi plusieurs quartiers de l'est "
      "d'Alep, selon une organisation non gouvernementale.</p>";
  EXPECT_EQ(date_of("<html><body><div>" + para + para + para + para + para + para +
                    "<p>Publié le 1er décembre 2016</p></div></body></html>"),
            "2016-12-01/text");
  // Modification dates are not publication dates.
  EXPECT_EQ(date_of("<html><head><meta property=\"og:updated_time\" content=\"2017-04-05\">"
                    "</head><body><p>x</p></body></html>"),
            "/");
}

TEST(MetaTest, DateInText) {
  using internal::DateInText;
  const MonthNames* m = &Months();
  EXPECT_EQ(DateInText("Mis à jour le 7 décembre 2016 à 10h", m), "2016-12-07");
  EXPECT_EQ(DateInText("Publié le 1er Décembre 2016", m), "2016-12-01");
  EXPECT_EQ(DateInText("December 7, 2016", m), "2016-12-07");
  EXPECT_EQ(DateInText("Dec. 7th 2016, 10:00", m), "2016-12-07");
  EXPECT_EQ(DateInText("Wed, 7 Dec 2016", m), "2016-12-07");
  EXPECT_EQ(DateInText("le 08.12.2016 puis le 9 décembre 2016", m), "2016-12-08");
  EXPECT_EQ(DateInText("le 9 décembre 2016 puis le 08.12.2016", m), "2016-12-09");
  // Without month names only numeric dates; impossible days and bare months are no dates.
  EXPECT_EQ(DateInText("7 décembre 2016", nullptr), "");
  EXPECT_EQ(DateInText("31 février 2016", m), "");
  EXPECT_EQ(DateInText("en décembre 2016", m), "");
  EXPECT_EQ(DateInText("you may 12 times 2016", m), "");
  EXPECT_EQ(DateInText("", m), "");
}

// A paragraph long enough to count as article text.
std::string Para(const std::string& opening) {
  return "<p>" + opening +
         " : les forces gouvernementales ont repris mercredi plusieurs quartiers de l'est "
         "d'Alep, selon une organisation non gouvernementale basée à Londres.</p>";
}

TEST(ExtractTest, DropsTextPoorSectionsAfterTheArticle) {
  const std::string page =
      "<html><body><div><div>" + Para("Un") + Para("Deux") +
      "<h3>À lire aussi</h3><ul><li>"
      "<a href=\"/a\">Un autre article sur la Syrie et sur Alep</a></li></ul>" +
      Para("Trois") +
      "<p>Voir aussi :</p><ul><li><a href=\"/v\">Une vidéo des combats dans "
      "Alep-Est</a></li></ul>" +
      Para("Quatre") + Para("Cinq") +
      "</div><div><p>Notre journal vit de ses lecteurs : "
      "abonnez-vous pour soutenir un journalisme indépendant.</p></div><ul><li><a href=\"/b\">"
      "Encore un autre article</a></li><li><a href=\"/c\">Et un autre</a></li></ul></div>"
      "</body></html>";
  Page p = ExtractPage(page, "", "");
  for (const char* kept : {"Un :", "Deux :", "Trois :", "Quatre :", "Cinq :"})
    EXPECT_NE(p.text.find(kept), std::string::npos) << kept << "\n" << p.text;
  EXPECT_EQ(p.text.find("abonnez-vous"), std::string::npos) << p.text;
  EXPECT_EQ(p.text.find("À lire aussi"), std::string::npos) << p.text;
  EXPECT_EQ(p.text.find("Voir aussi"), std::string::npos) << p.text;
}

TEST(ExtractTest, KeepsLeadBesideTheBody) {
  const std::string page =
      "<html><body><div><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/monde\">Monde"
      "</a></li><li><a href=\"/france\">France</a></li><li><a href=\"/eco\">Économie</a></li>"
      "<li><a href=\"/culture\">Culture</a></li><li><a href=\"/sport\">Sport et loisirs"
      "</a></li><li><a href=\"/sciences\">Sciences et techniques</a></li><li><a "
      "href=\"/idees\">Idées et débats</a></li><li><a href=\"/archives\">Archives du journal"
      "</a></li><li><a href=\"/podcasts\">Podcasts et émissions</a></li><li><a href=\"/videos\">"
      "Vidéos et reportages</a></li><li><a href=\"/abo\">Abonnements et offres</a></li></ul>"
      "<div><p>Le régime syrien affirme contrôler désormais la moitié des "
      "quartiers tenus par les rebelles depuis quatre ans.</p></div><div>" +
      Para("Un") + Para("Deux") + Para("Trois") + Para("Quatre") + "</div></div></body></html>";
  Page p = ExtractPage(page, "", "");
  size_t lead = p.text.find("Le régime syrien affirme");
  size_t body = p.text.find("Un :");
  ASSERT_NE(lead, std::string::npos) << p.text;
  ASSERT_NE(body, std::string::npos) << p.text;
  EXPECT_LT(lead, body);
  EXPECT_EQ(p.text.find("Accueil"), std::string::npos) << p.text;
}

TEST(ExtractTest, CommentaryIsAnArticleNotComments) {
  Page p = ExtractPage("<html><body><div class=\"commentary\">" + Para("Un") + Para("Deux") +
                           Para("Trois") + Para("Quatre") + "</div><div>" + Para("Cinq") +
                           Para("Six") + Para("Sept") + "</div></body></html>",
                       "", "");
  EXPECT_NE(p.text.find("Un :"), std::string::npos) << p.text;
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
