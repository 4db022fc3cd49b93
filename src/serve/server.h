// serve: the HTTP server (cpp-httplib with a thread pool) in front of the Api and the
// dashboard's files. Read-only: GET and HEAD only, other methods get 405; request size
// and page size are bounded; every answer carries security headers. Create, Bind, then
// Run on one thread; Stop from any other thread (not from a signal handler) makes Run
// return after the requests in progress are answered.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "serve/params.h"
#include "serve/static_files.h"
#include "serve/store_pool.h"
#include "vigie/status.h"

namespace vigie::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;     // 0: any free port (see Bind)
  int threads = 32;    // worker threads (each holds one connection while it is open)
  bool access_log = false;  // one line per request on stderr
  PlaceLookup places;       // place names for `near`; null: coordinates only
};

class Server {
 public:
  // `web` may be null: then only the API is served and "/" says the dashboard is absent.
  static StatusOr<std::unique_ptr<Server>> Create(std::unique_ptr<StorePool> pool, std::unique_ptr<StaticFiles> web,
                                                  const ServerOptions& options);
  ~Server();

  // Binds the listening socket; returns the port (the chosen one when options.port is 0).
  StatusOr<int> Bind();
  // Serves until Stop(). Returns an error if it could not serve.
  Status Run();
  // Makes Run return (at once if it has not started listening yet); waits for it.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::serve
