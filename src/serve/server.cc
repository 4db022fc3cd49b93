#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <exception>

#include "serve/api.h"

namespace vigie::serve {

namespace {

// Requests are GETs: a body is refused past this size (413).
constexpr size_t kMaxBodyBytes = 4096;
// One request per connection. cpp-httplib gives each open connection a worker thread, so
// kept-alive connections (idle browsers, busy clients) would hold workers while others
// queue: with 200 clients and 32 workers, p99 latency measured 300-560 ms with up to 10
// requests per connection, 80-100 ms with one (scripts/loadtest.sh, docs/api.md).
constexpr size_t kKeepAliveMaxCount = 1;

// API answers at least this long are gzipped for clients that accept it, at this level.
constexpr size_t kCompressFrom = 2048;
constexpr int kApiGzipLevel = 4;

// Pending connections the kernel queues before the server accepts them.
constexpr int kListenBacklog = 1024;

// The dashboard loads only its own files and calls only this server.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

// True when an Accept-Encoding header lists gzip (without q=0).
bool AcceptsGzip(const std::string& accept) {
  size_t at = 0;
  while ((at = accept.find("gzip", at)) != std::string::npos) {
    size_t end = accept.find(',', at);
    std::string item = accept.substr(at, end == std::string::npos ? std::string::npos : end - at);
    item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
    if (item != "gzip;q=0" && item != "gzip;q=0.0" && item != "gzip;q=0.00" && item != "gzip;q=0.000") return true;
    at += 4;
  }
  return false;
}

void SetJson(httplib::Response& res, const Response& r) {
  res.status = r.status;
  for (const auto& [k, v] : r.headers) res.set_header(k, v);
  res.set_header("Cache-Control", "no-store");
  res.set_content(r.body, r.content_type.c_str());
}

}  // namespace

struct Server::Impl {
  std::atomic<bool> running{false}, stop_requested{false};
  int listen_fd = -1;  // the listening socket, seen by the socket options hook
  std::unique_ptr<StorePool> pool;
  std::unique_ptr<StaticFiles> web;
  ServerOptions options;
  Api api{nullptr};
  httplib::Server http;
  int port = -1;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

StatusOr<std::unique_ptr<Server>> Server::Create(std::unique_ptr<StorePool> pool, std::unique_ptr<StaticFiles> web,
                                                 const ServerOptions& options) {
  if (options.threads < 1 || options.threads > 1024) return Status::InvalidArgument("--threads: 1 to 1024");
  auto impl = std::make_unique<Impl>();
  impl->pool = std::move(pool);
  impl->web = std::move(web);
  impl->options = options;
  impl->api = Api(impl->pool.get(), options.places);
  Impl* s = impl.get();
  httplib::Server& http = s->http;
  size_t threads = static_cast<size_t>(options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(kMaxBodyBytes);
  http.set_keep_alive_max_count(kKeepAliveMaxCount);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_tcp_nodelay(true);
  http.set_socket_options([s](socket_t sock) {
    httplib::default_socket_options(sock);
    s->listen_fd = static_cast<int>(sock);
  });
  http.set_default_headers({
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Permissions-Policy", "geolocation=(), camera=(), microphone=()"},
  });

  http.Get(".*", [s](const httplib::Request& req, httplib::Response& res) {
    // Compression is ours: Debian's cpp-httplib compresses every text answer a client
    // accepts compressed, with brotli at its slowest setting when offered (1.8 s for the
    // 740 KB basemap, on every load). The header is taken out of the request (a non-const
    // object httplib hands over as const) so that it does not; static files are gzipped
    // once at start, API answers with a fast zlib level.
    const bool gzip_ok = AcceptsGzip(req.get_header_value("Accept-Encoding"));
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    if (req.path == "/api" || req.path.rfind("/api/", 0) == 0) {
      Request r;
      r.path = req.path;
      for (const auto& [k, v] : req.params) r.params.emplace_back(k, v);
      Response answer = s->api.Get(r);
      if (gzip_ok && answer.body.size() >= kCompressFrom) {
        if (auto gz = Gzip(answer.body, kApiGzipLevel); gz.ok()) {
          answer.body = std::move(gz).value();
          answer.headers.push_back({"Content-Encoding", "gzip"});
        }
      }
      answer.headers.push_back({"Vary", "Accept-Encoding"});
      SetJson(res, answer);
      return;
    }
    if (!s->web) {
      SetJson(res, ErrorResponse(404, "the dashboard is not built here (build the vigie_web target); the API is at /api/"));
      return;
    }
    const StaticFile* f = s->web->Find(req.path);
    if (f == nullptr) {
      SetJson(res, ErrorResponse(404, "not found"));
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Accept-Encoding");
    if (!f->gzipped.empty() && gzip_ok) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(f->gzipped, f->content_type.c_str());
    } else {
      res.set_content(f->body, f->content_type.c_str());
    }
  });
  auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    SetJson(res, ErrorResponse(405, "read-only server: only GET and HEAD"));
    res.set_header("Allow", "GET, HEAD");
  };
  http.Post(".*", not_allowed);
  http.Put(".*", not_allowed);
  http.Patch(".*", not_allowed);
  http.Delete(".*", not_allowed);
  http.Options(".*", not_allowed);
  // Answers httplib makes itself (400 malformed request, 413 too large, 414 URI too long)
  // get a JSON body too.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const char* what = res.status == 413   ? "request too large"
                       : res.status == 414 ? "request URI too long"
                       : res.status == 404 ? "not found"
                                           : "bad request";
    SetJson(res, ErrorResponse(res.status, what));
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "vigie serve: error: %s: %s\n", req.path.c_str(), what.c_str());
    SetJson(res, ErrorResponse(500, "internal error"));
  });
  if (options.access_log) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %d %zu\n", req.method.c_str(), req.target.c_str(), res.status, res.body.size());
    });
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

StatusOr<int> Server::Bind() {
  const ServerOptions& o = impl_->options;
  if (o.port < 0 || o.port > 65535) return Status::InvalidArgument("--port: 0 to 65535");
  if (o.port == 0) {
    int port = impl_->http.bind_to_any_port(o.host);
    if (port <= 0) return Status::IoError("cannot listen on " + o.host + " (any port)");
    impl_->port = port;
  } else {
    if (!impl_->http.bind_to_port(o.host, o.port))
      return Status::IoError("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                             " (in use, or not an address of this machine)");
    impl_->port = o.port;
  }
  // Debian's cpp-httplib listens with a backlog of 5 (compiled in): a burst of clients
  // would see dropped connections and one-second retries. Linux lets listen() be called
  // again on a listening socket to enlarge it.
  if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, kListenBacklog);
  return impl_->port;
}

Status Server::Run() {
  if (impl_->port < 0) return Status::InvalidArgument("Server::Run before Bind");
  impl_->running = true;
  if (impl_->stop_requested) {
    impl_->running = false;
    return Status::Ok();
  }
  bool ok = impl_->http.listen_after_bind();
  impl_->running = false;
  if (!ok && !impl_->stop_requested) return Status::IoError("the server stopped on an error");
  return Status::Ok();
}

void Server::Stop() {
  impl_->stop_requested = true;
  // httplib ignores stop() until its accept loop has started: repeat until Run returns.
  while (impl_->running) {
    impl_->http.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace vigie::serve
