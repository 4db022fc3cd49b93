// vigie geo: the place mentions of each document as JSON lines (raw byte offsets).
#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "geo/resolver.h"
#include "pipeline/pipeline.h"

namespace vigie::cli {

nlohmann::ordered_json PlaceJson(const geo::PlaceMention& m, uint32_t start, uint32_t end) {
  using Json = nlohmann::ordered_json;
  auto round5 = [](double v) { return std::round(v * 100000.0) / 100000.0; };
  Json j;
  j["text"] = m.text;
  j["start"] = start;
  j["end"] = end;
  j["geonameid"] = m.geonameid ? Json(m.geonameid) : Json();
  j["name"] = m.name.empty() ? Json() : Json(m.name);
  j["lat"] = m.has_coordinates ? Json(round5(m.lat)) : Json();
  j["lon"] = m.has_coordinates ? Json(round5(m.lon)) : Json();
  j["admin1"] = m.admin1.empty() ? Json() : Json(m.admin1);
  j["country"] = m.country.empty() ? Json() : Json(m.country);
  j["feature_code"] = m.feature_code.empty() ? Json() : Json(m.feature_code);
  j["part"] = geo::PartName(m.part) ? Json(geo::PartName(m.part)) : Json();
  j["precision"] = geo::PrecisionName(m.precision);
  j["score"] = m.score;
  if (!m.named) j["reference"] = true;
  if (!m.in_gazetteer) j["unknown_name"] = true;
  return j;
}

Runner RegisterGeo(CLI::App& app) {
  struct Args {
    std::vector<std::string> paths;
    std::string lang, packs, gazetteer;
    bool quiet = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand(
      "geo",
      "Print the place mentions of each document as JSON lines: span (raw byte offsets), GeoNames id, "
      "name, coordinates, admin1, country, feature code, part of place, precision, score. "
      "Place data: GeoNames (CC BY 4.0).");
  sub->add_option("inputs", args->paths, "Files, folders, or - for standard input")->required();
  sub->add_option("--lang", args->lang, "Language of inputs that do not state one (default: detect)");
  sub->add_option("--packs", args->packs, "Language pack folder (default: $VIGIE_PACKS or the installed packs)");
  sub->add_option("--gazetteer", args->gazetteer, "Compiled gazetteer (default: $VIGIE_GAZETTEER or data/gazetteer.vgz)");
  sub->add_flag("-q,--quiet", args->quiet, "Do not print per-record problems, only the summary");
  return [args]() {
    auto pipe = pipeline::Pipeline::Create({args->packs});
    if (!pipe.ok()) {
      std::cerr << "vigie: error: " << pipe.status().message() << "\n";
      return 1;
    }
    auto gaz = geo::Gazetteer::Open(args->gazetteer.empty() ? geo::DefaultGazetteerPath() : args->gazetteer);
    if (!gaz.ok()) {
      std::cerr << "vigie: error: " << gaz.status().message() << "\n";
      return 1;
    }
    auto res = geo::Resolver::Create(*gaz, (*pipe)->packs());
    if (!res.ok()) {
      std::cerr << "vigie: error: " << res.status().message() << "\n";
      return 1;
    }
    ingest::ReadOptions ro{args->lang, "", ""};
    ProblemReporter reporter;
    reporter.quiet = args->quiet;
    uint64_t docs = 0;
    bool ok = ReadAll(args->paths, ro, [&](Document&& d) {
      auto a = (*pipe)->Analyze(std::move(d));
      nlohmann::ordered_json j;
      j["id"] = a.doc.id;
      j["lang"] = a.language.code;
      auto places = nlohmann::ordered_json::array();
      for (const auto& m : (*res)->Resolve(a.clean.text, a.segments, a.language.code))
        places.push_back(PlaceJson(m, a.RawStart(m.start), a.RawEnd(m.end)));
      j["places"] = places;
      std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
      ++docs;
    }, &reporter);
    reporter.Summary(docs);
    return ok ? 0 : 1;
  };
}

}  // namespace vigie::cli
