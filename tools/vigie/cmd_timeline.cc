// vigie timeline: the dated sequence of event clusters at a place, with the tallies a
// reader wants (places taken by whom, displaced, evacuated, killed), each figure as the
// range its sources give.
#include <fmt/core.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cluster_print.h"
#include "commands.h"
#include "filter_args.h"
#include "fuse/timeline.h"
#include "store/cluster_json.h"
#include "store/store.h"

namespace vigie::cli {

Runner RegisterTimeline(CLI::App& app) {
  struct Args {
    std::string db, place, from, to, type, format;
    double km = 25;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("timeline",
                                     "The dated sequence of event clusters at a place, then "
                                     "tallies: places taken by whom, people displaced and "
                                     "evacuated, people killed. Every figure is the range its "
                                     "sources give (lowest to highest claim), and tallies "
                                     "add those ranges up.");
  sub->add_option("--db", args->db, "SQLite database file")->required();
  sub->add_option("--place", args->place, "A place name (resolved with the gazetteer) or LAT,LON")
      ->required();
  sub->add_option("--km", args->km, "Radius around the place in km (default 25)");
  sub->add_option("--from", args->from, "Clusters on or after this date");
  sub->add_option("--to", args->to, "Clusters on or before this date");
  sub->add_option("--type", args->type, "Only this event type");
  sub->add_option("--format", args->format, "table (default on a terminal) or jsonl")
      ->check(CLI::IsMember({"table", "jsonl"}));
  return [args]() {
    FilterArgs fa;
    fa.near = args->place, fa.km = args->km, fa.from = args->from, fa.to = args->to,
    fa.type = args->type;
    auto filter = MakeClusterFilter(fa);
    if (!filter.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", filter.status().message());
      return 2;
    }
    filter->with_sources = true;
    auto store = store::Store::OpenSqlite(args->db, {true});
    if (!store.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", store.status().message());
      return 1;
    }
    auto clusters = (*store)->QueryClusters(*filter);
    if (!clusters.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", clusters.status().message());
      return 1;
    }
    const bool table = args->format.empty() ? isatty(STDOUT_FILENO) != 0 : args->format == "table";
    auto tallies = fuse::Tallies(*clusters);
    if (!table) {
      for (const auto& c : *clusters) std::cout << store::ClusterToJson(c) << "\n";
      nlohmann::ordered_json t = nlohmann::ordered_json::array();
      for (const auto& x : tallies) {
        t.push_back({{"what", x.what},
                     {"who", x.who},
                     {"unit", x.unit},
                     {"clusters", x.clusters},
                     {"with_figure", x.with_figure},
                     {"min", x.lo},
                     {"max", x.hi},
                     {"open_above", x.open_above}});
      }
      std::cout << nlohmann::ordered_json{{"tallies", t}}.dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    } else {
      for (const auto& c : *clusters) {
        std::string date = c.date ? c.date->start : "(no date)";
        std::string place =
            c.location ? (!c.location->name.empty() ? c.location->name : c.location->text) : "";
        if (c.location && !c.location->part.empty()) place += " (" + c.location->part + ")";
        std::string figures;
        for (const auto& [kind, r] : fuse::FigureRanges(c))
          figures += fmt::format("  {} {}{}", kind, RangeText(r.lo, r.hi), r.open_above ? "+" : "");
        std::cout << fmt::format(
            "{}  {}{}  {}  [{} outlet{}]{}{}\n", date, c.type,
            c.subtype.empty() ? "" : "/" + c.subtype, place, c.outlets, c.outlets == 1 ? "" : "s",
            figures,
            c.contradictions.empty()
                ? ""
                : "  (contradictions: " + std::to_string(c.contradictions.size()) + ")");
      }
      if (!tallies.empty()) std::cout << "\ntallies:\n";
      for (const auto& x : tallies) {
        std::string head = x.what == "taken" ? "taken by " + x.who : x.what;
        std::string fig = x.with_figure ? RangeText(x.lo, x.hi) + (x.open_above ? "+" : "") +
                                              (x.unit.empty() ? "" : " " + x.unit)
                                        : "no figure";
        std::cout << fmt::format("  {}: {} ({} cluster{}, {} with a figure)\n", head, fig,
                                 x.clusters, x.clusters == 1 ? "" : "s", x.with_figure);
      }
    }
    fmt::print(stderr, "vigie: {} cluster{} within {} km of {}\n", clusters->size(),
               clusters->size() == 1 ? "" : "s", args->km, args->place);
    return 0;
  };
}

}  // namespace vigie::cli
