#include "html/eval.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>

#include "core/gzip.h"
#include "core/langpack.h"
#include "html/html.h"

namespace vigie::html {

std::string CollapseSpace(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

StatusOr<EvalReport> EvaluateTrafilatura(const std::string& dir, bool details,
                                         const MonthNames* months) {
  auto text = core::ReadFile(dir + "/evaldata.json");
  if (!text.ok()) return text.status();
  nlohmann::json gold = nlohmann::json::parse(*text, nullptr, false);
  if (gold.is_discarded() || !gold.is_object())
    return Status::Corruption(dir + "/evaldata.json: not a JSON object");
  EvalReport report;
  std::chrono::duration<double> spent{0};
  for (const auto& [url, item] : gold.items()) {
    if (!item.is_object() || !item.contains("file") || !item["file"].is_string()) continue;
    std::string file = item["file"].get<std::string>();
    std::string path = dir + "/html/" + file;
    if (!std::filesystem::exists(path)) path += ".gz";
    auto bytes = core::ReadFile(path);
    if (!bytes.ok()) {
      ++report.segments.missing_pages;
      continue;
    }
    std::string page_bytes = std::move(bytes).value();
    if (core::LooksGzip(page_bytes)) {
      auto plain = core::Gunzip(page_bytes, uint64_t{1} << 30);
      if (!plain.ok()) {
        ++report.segments.missing_pages;
        continue;
      }
      page_bytes = std::move(plain).value();
    }
    report.html_bytes += page_bytes.size();
    auto t0 = std::chrono::steady_clock::now();
    ExtractOptions options;
    options.months = months;
    Page page = ExtractPage(page_bytes, "", url, options);
    spent += std::chrono::steady_clock::now() - t0;
    const std::string extracted = CollapseSpace(page.text);
    ++report.segments.pages;
    uint64_t fp = 0, fn = 0;
    auto scan = [&](const char* key, bool want) {
      if (!item.contains(key) || !item[key].is_array()) return;
      for (const auto& seg : item[key]) {
        if (!seg.is_string()) continue;
        const std::string wanted = CollapseSpace(seg.get<std::string>());
        bool found = extracted.find(wanted) != std::string::npos;
        if (details && found != want)
          report.segments_wrong.push_back(std::string(want ? "FN\t" : "FP\t") + file + "\t" +
                                          wanted);
        if (want) {
          found ? ++report.segments.tp : (++report.segments.fn, ++fn);
        } else {
          found ? (++report.segments.fp, ++fp) : ++report.segments.tn;
        }
      }
    };
    scan("with", true);
    scan("without", false);
    if (details && fp + fn > 0)
      report.worst.push_back(url + "\t" + file + "\tfp=" + std::to_string(fp) + "\tfn=" + std::to_string(fn));
    // Dates.
    std::string gold_date;
    if (item.contains("date") && item["date"].is_string()) gold_date = item["date"].get<std::string>();
    if (!gold_date.empty()) {
      ++report.dates.gold;
      if (!page.meta.date.empty()) {
        ++report.dates.found;
        if (gold_date.substr(0, 10) == page.meta.date) ++report.dates.correct;
        else if (details)
          report.worst.push_back("DATE " + url + "\tgold=" + gold_date + "\tgot=" + page.meta.date +
                                 "\t" + page.meta.date_source);
      } else if (details) {
        report.worst.push_back("DATE " + url + "\tgold=" + gold_date + "\tgot=none\t" + file);
      }
    } else {
      ++report.dates.no_gold;
      if (!page.meta.date.empty()) ++report.dates.spurious;
    }
  }
  report.seconds = spent.count();
  return report;
}

}  // namespace vigie::html
