// Web inputs through ingest: HTML files in any charset, .html.gz, JSON Lines "html", and
// WARC / .warc.gz with deliberately broken records generated here.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "core/langpack.h"
#include "ingest/ingest.h"

namespace vigie::ingest {
namespace {

struct Collected {
  std::vector<Document> docs;
  std::vector<Problem> problems;
  void Read(std::string_view bytes, const std::string& name) {
    ReadBytes(bytes, name, {}, [this](Document&& d) { docs.push_back(std::move(d)); },
              [this](const Problem& p) { problems.push_back(p); });
  }
};

std::string Gzip(std::string_view in) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, in.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"en\"><head><title>" + title +
         "</title><meta property=\"og:site_name\" content=\"Gazette\"></head><body>"
         "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><p>" + body +
         "</p><p>Officials said the convoy would try again on Thursday if the shelling stopped "
         "overnight.</p></article><footer>Contact us</footer></body></html>";
}

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type, long length_delta = 0) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2016-12-08T00:00:00Z\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(long(block.size()) + length_delta) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

std::string Response(const std::string& uri, const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  return Record("response", uri, http, "application/http; msgtype=response");
}

const std::string kBody1 =
    "The United Nations said on Wednesday that about 30,000 people had fled eastern Aleppo in "
    "the past week as government forces advanced.";
const std::string kBody2 =
    "Aid agencies reported that two hospitals in the north of the province had been damaged by "
    "air strikes overnight.";

TEST(WebDetectTest, ByContent) {
  EXPECT_EQ(DetectFormat("<!doctype html><p>x", "a.txt"), Format::kHtml);
  EXPECT_EQ(DetectFormat("<div>x</div>", "page.htm"), Format::kHtml);
  EXPECT_EQ(DetectFormat("WARC/1.1\r\n", "x"), Format::kWarc);
  EXPECT_EQ(DetectFormat(Gzip("hello"), "x.txt"), Format::kGzip);
  EXPECT_EQ(DetectFormat("<b>Alep</b> tombe", "x.txt"), Format::kText);
}

TEST(HtmlReaderTest, HtmlFileBecomesMainTextWithPageKept) {
  Collected c;
  std::string html = Page("Aleppo", kBody1);
  c.Read(html, "a.html");
  ASSERT_EQ(c.docs.size(), 1u) << (c.problems.empty() ? "" : c.problems[0].message);
  const Document& d = c.docs[0];
  EXPECT_EQ(d.raw.substr(0, 20), kBody1.substr(0, 20));
  EXPECT_NE(d.raw.find("\n\nOfficials said"), std::string::npos);
  EXPECT_EQ(d.raw.find("Home"), std::string::npos);
  EXPECT_EQ(d.page, html);
  EXPECT_EQ(d.page_content_type, "text/html; charset=utf-8");
  EXPECT_EQ(d.outlet, "Gazette");
  EXPECT_EQ(d.title, "Aleppo");
  EXPECT_EQ(d.lang_hint, "en");
  EXPECT_TRUE(d.lang.empty());
  // Offsets into raw are offsets into the extracted text.
  size_t at = d.raw.find("30,000");
  EXPECT_EQ(d.raw.substr(at, 6), "30,000");
}

TEST(HtmlReaderTest, GzipAndLatin1) {
  Collected c;
  std::string latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le convoi "
                       "humanitaire est arriv\xE9 \xE0 Alep mercredi apr\xE8s trois jours "
                       "d'attente au point de passage.</p></body></html>";
  c.Read(Gzip(latin1), "b.html.gz");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_NE(c.docs[0].raw.find("arrivé à Alep mercredi après"), std::string::npos);
  EXPECT_EQ(c.docs[0].page_content_type, "text/html; charset=windows-1252");
  Collected bad;
  std::string gz = Gzip(latin1);
  bad.Read(gz.substr(0, gz.size() / 2), "c.html.gz");
  EXPECT_TRUE(bad.docs.empty());
  ASSERT_EQ(bad.problems.size(), 1u);
  EXPECT_NE(bad.problems[0].message.find("truncated"), std::string::npos);
}

TEST(HtmlReaderTest, JsonLinesHtmlField) {
  Collected c;
  std::string line = "{\"id\":\"p1\",\"url\":\"https://n.example/2016/12/07/alep\",\"html\":"
                     "\"<html><body><nav><a href='/'>Home</a></nav><p>" + kBody1 +
                     "</p></body></html>\",\"title\":\"Given title\"}\n";
  c.Read(line, "in.jsonl");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "p1");
  EXPECT_EQ(c.docs[0].raw, kBody1);
  EXPECT_EQ(c.docs[0].title, "Given title");
  EXPECT_EQ(c.docs[0].date, "2016-12-07");
  EXPECT_EQ(c.docs[0].outlet, "n.example");
  EXPECT_FALSE(c.docs[0].page.empty());
}

TEST(WarcReaderTest, CharsetFromHttpHeaderAndDateInWords) {
  // Latin-1 bytes, no <meta charset>: only the HTTP header of the response names the charset.
  const std::string html =
      "<html><body><article><p>Alep, le 7 d\xE9"
      "cembre 2016. Le convoi humanitaire est arriv\xE9 "
      "\xE0 Alep mercredi apr\xE8s trois jours d'attente au point de passage.</p></article>"
      "</body></html>";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n" + html;
  const std::string warc =
      Record("response", "https://n.example/convoi", http, "application/http; msgtype=response");
  auto packs = core::PackSet::Load(std::string(VIGIE_SOURCE_DIR) + "/langpacks");
  ASSERT_TRUE(packs.ok());
  ReadOptions with_months;
  with_months.months = std::make_shared<const html::MonthNames>(html::MonthNamesFromPacks(**packs));
  std::vector<Document> docs;
  ReadBytes(
      warc, "c.warc", with_months, [&](Document&& d) { docs.push_back(std::move(d)); },
      [](const Problem& p) { ADD_FAILURE() << p.message; });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].raw.find("arrivé à Alep mercredi après"), std::string::npos) << docs[0].raw;
  EXPECT_EQ(docs[0].page_content_type, "text/html; charset=windows-1252");
  EXPECT_EQ(docs[0].date, "2016-12-07");
  // Without month names the date in words is not read.
  Collected c;
  c.Read(warc, "c.warc");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].date, "");
}

// A WARC with good responses among skipped and broken records.
std::vector<std::string> Records() {
  return {
      Record("warcinfo", "", "software: vigie-test\r\n", "application/warc-fields"),
      Record("request", "https://n.example/a", "GET /a HTTP/1.1\r\nHost: n.example\r\n\r\n",
             "application/http; msgtype=request"),
      Response("https://n.example/a", Page("A", kBody1)),
      Record("metadata", "https://n.example/a", "fetchTimeMs: 12\r\n", "application/warc-fields"),
      // Content-Length 40 bytes short: the record end is not where it says.
      Record("response", "https://n.example/wrong",
             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + Page("W", "wrong length"),
             "application/http; msgtype=response", -40),
      Response("https://n.example/b", Page("B", kBody2)),
      Response("https://n.example/img", ""),  // empty page: no text, reported
  };
}

TEST(WarcReaderTest, PlainWarcReadsGoodRecordsReportsBroken) {
  std::string warc;
  for (const auto& r : Records()) warc += r;
  // Finally a record truncated by the end of the file.
  std::string last = Response("https://n.example/cut", Page("C", kBody1));
  warc += last.substr(0, last.size() / 2);
  Collected c;
  c.Read(warc, "crawl.warc");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].url, "https://n.example/a");
  EXPECT_EQ(c.docs[0].raw.substr(0, 30), kBody1.substr(0, 30));
  EXPECT_EQ(c.docs[1].url, "https://n.example/b");
  EXPECT_EQ(c.docs[1].origin.ToString(), "crawl.warc:6");
  std::vector<std::string> msgs;
  for (const auto& p : c.problems) msgs.push_back(p.origin.ToString() + " " + p.message);
  ASSERT_EQ(c.problems.size(), 3u) << ::testing::PrintToString(msgs);
  EXPECT_EQ(c.problems[0].origin.ToString(), "crawl.warc:5");
  EXPECT_NE(c.problems[0].message.find("wrong length"), std::string::npos);
  EXPECT_EQ(c.problems[1].origin.ToString(), "crawl.warc:7");
  EXPECT_NE(c.problems[1].message.find("no main text"), std::string::npos);
  EXPECT_EQ(c.problems[2].origin.ToString(), "crawl.warc:8");
  EXPECT_NE(c.problems[2].message.find("truncated"), std::string::npos);
}

TEST(WarcReaderTest, GzipMembersBadMemberSkipped) {
  std::vector<std::string> recs = Records();
  std::string file;
  for (size_t i = 0; i < recs.size(); ++i) {
    std::string member = Gzip(recs[i]);
    if (i == 3) member[member.size() / 2] ^= 0x55;        // corrupt the metadata member
    if (i == 1) member = member.substr(0, member.size() - 9);  // cut the request member
    file += member;
  }
  Collected c;
  c.Read(file, "crawl.warc.gz");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].url, "https://n.example/a");
  EXPECT_EQ(c.docs[1].url, "https://n.example/b");
  std::vector<std::string> msgs;
  for (const auto& p : c.problems) msgs.push_back(p.origin.ToString() + " " + p.message);
  // Bad members (cut, corrupt), wrong length, empty page.
  EXPECT_EQ(c.problems.size(), 4u) << ::testing::PrintToString(msgs);
  bool saw_gzip = false;
  for (const auto& m : msgs) saw_gzip = saw_gzip || m.find("gzip member") != std::string::npos;
  EXPECT_TRUE(saw_gzip) << ::testing::PrintToString(msgs);
}

}  // namespace
}  // namespace vigie::ingest
