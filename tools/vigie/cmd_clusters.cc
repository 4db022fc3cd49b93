// vigie clusters: event clusters (one happening, many reports) with their sources,
// corroboration counts and contradictions; --update / --rebuild run fusion first.
#include <fmt/core.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cluster_print.h"
#include "commands.h"
#include "filter_args.h"
#include "fuse/update.h"
#include "store/cluster_json.h"
#include "store/store.h"

namespace vigie::cli {

StatusOr<store::ClusterFilter> MakeClusterFilter(const FilterArgs& a) {
  if (!a.modality.empty())
    return Status::InvalidArgument("--modality filters events, not clusters");
  auto f = MakeFilter(a);
  if (!f.ok()) return f.status();
  store::ClusterFilter c;
  c.from = f->from, c.to = f->to, c.bbox = f->bbox, c.near = f->near;
  c.type = f->type, c.subtype = f->subtype, c.actor = f->actor, c.claimant = f->claimant;
  c.outlet = f->outlet, c.lang = f->lang, c.text = f->text, c.limit = f->limit;
  return c;
}

Runner RegisterClusters(CLI::App& app) {
  struct Args {
    std::string db, format;
    FilterArgs filter;
    int64_t min_outlets = 0;
    bool contradicted = false, by_outlets = false, update = false, rebuild = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand(
      "clusters",
      "Event clusters: the reports of one happening from many documents fused into one, with the "
      "number of "
      "independent outlets and claimants, every figure with who claimed it, and contradictions "
      "(figures that differ "
      "beyond rounding, actor roles reversed, a claim denied). Takes the filters of vigie query; "
      "time and place test "
      "the cluster's best date and place, the others match when some report matches.");
  sub->add_option("--db", args->db, "SQLite database file")->required();
  AddFilterOptions(sub, args->filter);
  sub->add_option("--min-outlets", args->min_outlets,
                  "Only clusters told by at least this many independent outlets");
  sub->add_flag("--contradicted", args->contradicted, "Only clusters with a contradiction");
  sub->add_flag("--by-outlets", args->by_outlets, "Most corroborated first (default: by date)");
  sub->add_option("--format", args->format,
                  "table (default on a terminal) or jsonl (default otherwise)")
      ->check(CLI::IsMember({"table", "jsonl"}));
  sub->add_flag("--update", args->update,
                "Bring the clusters up to date first (vigie ingest does it too)");
  sub->add_flag("--rebuild", args->rebuild, "Recompute every cluster from scratch first");
  return [args]() {
    auto filter = MakeClusterFilter(args->filter);
    if (!filter.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", filter.status().message());
      return 2;
    }
    filter->min_outlets = args->min_outlets;
    filter->contradicted = args->contradicted;
    filter->sort = args->by_outlets ? store::ClusterSortBy::kOutlets : store::ClusterSortBy::kDate;
    filter->with_sources = true;
    const bool write = args->update || args->rebuild;
    auto store = store::Store::OpenSqlite(args->db, {!write});
    if (!store.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", store.status().message());
      return 1;
    }
    if (write) {
      fuse::UpdateOptions o;
      o.rebuild = args->rebuild;
      auto stats = fuse::UpdateClusters(**store, o);
      if (!stats.ok()) {
        fmt::print(stderr, "vigie: error: {}\n", stats.status().message());
        return 1;
      }
      fmt::print(stderr,
                 "vigie: clusters: {} new events, {} events regrouped into {} clusters, {} copies, "
                 "in {:.2f} s\n",
                 stats->new_events, stats->events_regrouped, stats->clusters_written, stats->copies,
                 stats->seconds);
    }
    const bool table = args->format.empty() ? isatty(STDOUT_FILENO) != 0 : args->format == "table";
    int64_t n = 0;
    Status st = (*store)->QueryClusters(*filter, [&](const store::Cluster& c) {
      if (table) {
        PrintCluster(std::cout, c);
      } else {
        std::cout << store::ClusterToJson(c) << "\n";
      }
      ++n;
      return true;
    });
    if (!st.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", st.message());
      return 1;
    }
    fmt::print(stderr, "vigie: {} cluster{}\n", n, n == 1 ? "" : "s");
    return 0;
  };
}

}  // namespace vigie::cli
