// vigie eval geo lgl|geovirus PATH: toponym recognition and resolution scores against the
// geoparsing suites (../shared/ext/geoparsing): span P/R/F1, share within 161 km, mean error.
#include <cmath>
#include <iostream>

#include "commands.h"
#include "geo/eval.h"
#include "geo/resolver.h"
#include "pipeline/pipeline.h"

namespace vigie::cli {

void RegisterEvalGeo(CLI::App& eval_parent, EvalRunners& runners) {
  struct Args {
    std::string suite, path, packs, gazetteer;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = eval_parent.add_subcommand(
      "geo", "Score toponym recognition (span precision/recall/F1, spans matching when they overlap) and "
             "resolution (share of matched places within 161 km of gold, mean error) on LGL (lgl.xml) or "
             "GeoVirus (GeoVirus.xml). Place data: GeoNames (CC BY 4.0).");
  sub->add_option("suite", args->suite, "lgl or geovirus")->required()->check(CLI::IsMember({"lgl", "geovirus"}));
  sub->add_option("path", args->path, "The suite's XML file, or the folder holding it")->required();
  sub->add_option("--packs", args->packs, "Language pack folder");
  sub->add_option("--gazetteer", args->gazetteer, "Compiled gazetteer (default: $VIGIE_GAZETTEER or data/gazetteer.vgz)");
  runners[sub] = [args]() -> int {
    std::string path = args->path;
    if (!path.ends_with(".xml")) path += args->suite == "lgl" ? "/lgl.xml" : "/GeoVirus.xml";
    auto articles = geo::ReadGeoparsingXml(path);
    auto pipe = pipeline::Pipeline::Create({args->packs});
    auto gaz = geo::Gazetteer::Open(args->gazetteer.empty() ? geo::DefaultGazetteerPath() : args->gazetteer);
    for (const Status* s : {&articles.status(), &pipe.status(), &gaz.status()})
      if (!s->ok()) {
        std::cerr << "vigie: error: " << s->message() << "\n";
        return 1;
      }
    auto res = geo::Resolver::Create(*gaz, (*pipe)->packs());
    if (!res.ok()) {
      std::cerr << "vigie: error: " << res.status().message() << "\n";
      return 1;
    }
    auto sc = geo::ScoreGeoparsing(*articles, [&](const std::string& text) {
      Document d;
      d.raw = text;
      d.lang = "en";
      auto a = (*pipe)->Analyze(std::move(d));
      std::vector<geo::PredictedToponym> out;
      for (const auto& m : (*res)->Resolve(a.clean.text, a.segments, "en")) {
        if (!m.named) continue;
        out.push_back({a.RawStart(m.name_start), a.RawEnd(m.name_end), m.has_coordinates, m.lat, m.lon});
      }
      return out;
    });
    std::cout << "suite: " << args->suite << " (" << articles->size() << " articles)\n"
              << "gold toponyms: " << sc.gold << ", predicted: " << sc.predicted << ", matched: " << sc.matched << "\n"
              << "span precision: " << sc.precision << "\nspan recall: " << sc.recall << "\nspan F1: " << sc.f1
              << "\nresolved with gold coordinates: " << sc.located << "\naccuracy@161km: " << sc.accuracy_161km
              << "\nmean error km: " << sc.mean_error_km << "\n";
    return 0;
  };
}

}  // namespace vigie::cli
