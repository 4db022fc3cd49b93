#include "geo/eval.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/langpack.h"

namespace vigie::geo {

namespace {

std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    static const std::pair<const char*, char> ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
                                                        {"&quot;", '"'}, {"&apos;", '\''}};
    bool done = false;
    for (const auto& [e, c] : ents) {
      size_t n = std::strlen(e);
      if (s.substr(i, n) == e) {
        out.push_back(c);
        i += n - 1;
        done = true;
        break;
      }
    }
    if (!done) out.push_back('&');
  }
  return out;
}

// Content of the first <tag>...</tag> in [from, to) of s, or npos-signalling false.
bool Element(std::string_view s, std::string_view tag, std::string_view* out) {
  std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
  size_t a = s.find(open);
  if (a == std::string_view::npos) return false;
  size_t b = s.find(close, a);
  if (b == std::string_view::npos) return false;
  *out = s.substr(a + open.size(), b - a - open.size());
  return true;
}

bool Number(std::string_view s, double* v) {
  std::string t(s);
  char* end = nullptr;
  *v = std::strtod(t.c_str(), &end);
  return !t.empty() && end != t.c_str();
}

// Byte offset of code point `chars` in UTF-8 text.
uint32_t ByteOffset(const std::string& text, uint32_t chars) {
  uint32_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (n == chars) return uint32_t(i);
      ++n;
    }
  }
  return uint32_t(text.size());
}

}  // namespace

double GreatCircleKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double r = M_PI / 180.0;
  double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * r) * std::cos(lat2 * r) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

StatusOr<std::vector<GoldArticle>> ReadGeoparsingXml(const std::string& path) {
  auto data = core::ReadFile(path);
  if (!data.ok()) return data.status();
  std::string_view s = *data;
  std::vector<GoldArticle> out;
  size_t pos = 0;
  while (true) {
    size_t a = s.find("<article", pos);
    if (a == std::string_view::npos) break;
    size_t b = s.find("</article>", a);
    if (b == std::string_view::npos) return Status::Corruption(path + ": unterminated <article>");
    std::string_view art = s.substr(a, b - a);
    pos = b + 10;
    std::string_view text;
    if (!Element(art, "text", &text)) continue;
    GoldArticle g;
    if (text.substr(0, 9) == "<![CDATA[" && text.size() >= 12) g.text = std::string(text.substr(9, text.size() - 12));
    else g.text = Unescape(text);
    bool lgl = art.find("<toponym>") != std::string_view::npos;
    std::string_view tag = lgl ? "toponym" : "location";
    size_t p = 0;
    std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
    while (true) {
      size_t x = art.find(open, p);
      if (x == std::string_view::npos) break;
      size_t y = art.find(close, x);
      if (y == std::string_view::npos) break;
      std::string_view t = art.substr(x, y - x);
      p = y + close.size();
      std::string_view st, en, la, lo;
      double sv, ev;
      if (!Element(t, "start", &st) || !Element(t, "end", &en) || !Number(st, &sv) || !Number(en, &ev)) continue;
      GoldToponym gt;
      gt.start = ByteOffset(g.text, uint32_t(sv));
      gt.end = ByteOffset(g.text, uint32_t(ev));
      double lat, lon;
      if (Element(t, "lat", &la) && Element(t, "lon", &lo) && Number(la, &lat) && Number(lo, &lon)) {
        gt.has_coordinates = true;
        gt.lat = lat, gt.lon = lon;
      }
      if (gt.end > gt.start) g.toponyms.push_back(gt);
    }
    out.push_back(std::move(g));
  }
  if (out.empty()) return Status::InvalidArgument(path + ": no <article> with <text> found");
  return out;
}

GeoparsingScores ScoreGeoparsing(
    const std::vector<GoldArticle>& articles,
    const std::function<std::vector<PredictedToponym>(const std::string& text)>& geoparse) {
  GeoparsingScores sc;
  double err_sum = 0;
  for (const auto& art : articles) {
    auto pred = geoparse(art.text);
    sc.gold += art.toponyms.size();
    sc.predicted += pred.size();
    std::vector<bool> taken(pred.size(), false);
    for (const auto& g : art.toponyms) {
      for (size_t k = 0; k < pred.size(); ++k) {
        if (taken[k] || pred[k].end <= g.start || pred[k].start >= g.end) continue;
        taken[k] = true;
        ++sc.matched;
        if (g.has_coordinates && pred[k].has_coordinates) {
          ++sc.located;
          double d = GreatCircleKm(g.lat, g.lon, pred[k].lat, pred[k].lon);
          err_sum += d;
          if (d <= 161.0) ++sc.within_161km;
        }
        break;
      }
    }
  }
  sc.precision = sc.predicted ? double(sc.matched) / sc.predicted : 0;
  sc.recall = sc.gold ? double(sc.matched) / sc.gold : 0;
  sc.f1 = sc.precision + sc.recall > 0 ? 2 * sc.precision * sc.recall / (sc.precision + sc.recall) : 0;
  sc.accuracy_161km = sc.located ? double(sc.within_161km) / sc.located : 0;
  sc.mean_error_km = sc.located ? err_sum / sc.located : 0;
  return sc;
}

}  // namespace vigie::geo
