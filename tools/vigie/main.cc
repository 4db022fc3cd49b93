// vigie: the command line. Sub-commands are registered from commands.h.
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Vigie: turns news articles and communiqués into source-attributed, geocoded conflict "
      "event records.\nGeoNames data (CC BY 4.0) powers place resolution."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vigie 0.1.0");
  std::map<CLI::App*, vigie::cli::Runner> runners;
  auto add = [&](vigie::cli::Runner r) { runners[app.get_subcommands({}).back()] = std::move(r); };
  add(vigie::cli::RegisterInspect(app));
  add(vigie::cli::RegisterExtract(app));
  add(vigie::cli::RegisterPack(app));
  add(vigie::cli::RegisterTag(app));
  add(vigie::cli::RegisterGazetteer(app));
  add(vigie::cli::RegisterGeo(app));
  add(vigie::cli::RegisterEval(app));
  add(vigie::cli::RegisterIngest(app));
  add(vigie::cli::RegisterErrors(app));
  add(vigie::cli::RegisterQuery(app));
  add(vigie::cli::RegisterExport(app));
  add(vigie::cli::RegisterClusters(app));
  add(vigie::cli::RegisterTimeline(app));
  add(vigie::cli::RegisterServe(app));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  for (auto& [sub, run] : runners)
    if (sub->parsed()) return run();
  return 2;
}
