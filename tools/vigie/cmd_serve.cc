// vigie serve: the HTTP API and the dashboard over one database, read-only, on loopback
// by default. Stops cleanly on SIGTERM or SIGINT (requests in progress are answered).
#include <fmt/core.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "commands.h"
#include "core/langpack.h"
#include "geo/resolver.h"
#include "segment/segment.h"
#include "serve/server.h"

namespace vigie::cli {

namespace {

// $VIGIE_WEB, then <exe>/../share/vigie/web (installed), then the build tree's copy.
std::string DefaultWebRoot() {
  if (const char* env = std::getenv("VIGIE_WEB"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = exe.parent_path().parent_path() / "share" / "vigie" / "web";
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
#ifdef VIGIE_WEB_DIR
  return VIGIE_WEB_DIR;
#else
  return "web";
#endif
}

// Place names for `near`, resolved with the gazetteer the way `vigie query --near` does;
// the packs, gazetteer and resolver are loaded once and shared by every request (they are
// immutable and thread-safe). Null, with a warning, when there is no gazetteer.
serve::PlaceLookup PlaceLookupOrNull() {
  struct Geo {
    std::shared_ptr<const core::PackSet> packs;
    std::unique_ptr<geo::Resolver> resolver;
    std::optional<segment::Segmenter> segmenter;
  };
  auto g = std::make_shared<Geo>();
  auto packs = core::PackSet::Load(core::DefaultPackRoot());
  auto gaz = geo::Gazetteer::Open(geo::DefaultGazetteerPath());
  if (!packs.ok() || !gaz.ok()) {
    fmt::print(stderr, "vigie: warning: {}; near= takes coordinates only\n",
               !packs.ok() ? packs.status().message() : gaz.status().message());
    return nullptr;
  }
  g->packs = std::move(packs).value();
  auto resolver = geo::Resolver::Create(*gaz, *g->packs);
  auto seg = segment::Segmenter::Create(*g->packs);
  if (!resolver.ok() || !seg.ok()) return nullptr;
  g->resolver = std::move(resolver).value();
  g->segmenter.emplace(std::move(seg).value());
  return [g](const std::string& name) -> StatusOr<std::pair<double, double>> {
    segment::Segmentation s = g->segmenter->Segment(name, "");
    for (const auto& m : g->resolver->Resolve(name, s, ""))
      if (m.has_coordinates) return std::make_pair(m.lat, m.lon);
    return Status::NotFound("no place called '" + name + "' in the gazetteer");
  };
}

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

Runner RegisterServe(CLI::App& app) {
  struct Args {
    std::string db, host = "127.0.0.1", web;
    int port = 8080, threads = 32;
    bool access_log = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand(
      "serve", "HTTP API (JSON, GeoJSON; docs/api.md) and web dashboard over a database, read-only.");
  sub->add_option("--db", args->db, "SQLite database file")->required();
  sub->add_option("--host", args->host, "Address to listen on (default 127.0.0.1: this machine only)");
  sub->add_option("--port", args->port, "Port (default 8080; 0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535));
  sub->add_option("--threads", args->threads, "Worker threads (default 32)")->check(CLI::Range(1, 1024));
  sub->add_option("--web", args->web, "Dashboard folder (default: the built web/ of this build or installation)");
  sub->add_flag("--access-log", args->access_log, "Print one line per request on standard error");
  return [args]() {
    // SIGTERM and SIGINT are taken by sigwait below, in this thread only: block them
    // before any other thread starts so that every thread inherits the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    // Requests hold a store connection only while they query it: a few serve many threads.
    auto pool = serve::StorePool::OpenSqlite(args->db, static_cast<size_t>(std::min(args->threads, 16)));
    if (!pool.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", pool.status().message());
      return 1;
    }
    std::string web_root = args->web.empty() ? DefaultWebRoot() : args->web;
    auto web = serve::StaticFiles::Load(web_root);
    std::unique_ptr<serve::StaticFiles> files;
    if (web.ok() && (*web)->Find("/") != nullptr) {
      files = std::move(web).value();
    } else if (!args->web.empty()) {
      fmt::print(stderr, "vigie: error: {}\n",
                 web.ok() ? web_root + ": no index.html (is it the built dashboard?)" : web.status().message());
      return 1;
    } else {
      fmt::print(stderr, "vigie: warning: no dashboard at {} (build the vigie_web target); serving the API only\n",
                 web_root);
    }
    serve::ServerOptions options;
    options.host = args->host, options.port = args->port, options.threads = args->threads;
    options.access_log = args->access_log;
    options.places = PlaceLookupOrNull();
    auto server = serve::Server::Create(std::move(pool).value(), std::move(files), options);
    if (!server.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", server.status().message());
      return 2;
    }
    auto port = (*server)->Bind();
    if (!port.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", port.status().message());
      return 1;
    }
    if (!IsLoopback(args->host))
      fmt::print(stderr, "vigie: warning: listening on {}: the API has no authentication\n", args->host);
    std::string host = args->host.find(':') != std::string::npos ? "[" + args->host + "]" : args->host;
    fmt::print("vigie: serving {} at http://{}:{}/\n", args->db, host, *port);
    std::fflush(stdout);

    Status run_status;
    std::thread runner([&] { run_status = (*server)->Run(); });
    int sig = 0;
    sigwait(&signals, &sig);
    fmt::print(stderr, "vigie: {}: stopping\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
    (*server)->Stop();
    runner.join();
    if (!run_status.ok()) {
      fmt::print(stderr, "vigie: error: {}\n", run_status.message());
      return 1;
    }
    return 0;
  };
}

}  // namespace vigie::cli
