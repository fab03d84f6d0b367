// hearsay serve: HTTP wiring (cpp-httplib) around Api, the embedded assets and ingest.
// Status codes are mapped here, in one place (HttpStatusOf).
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "serve/api.h"
#include "serve/assets.h"
#include "serve/ingest_api.h"
#include "serve/rate_limit.h"
#include "serve/serve.h"
#include "store/store.h"

namespace hearsay::serve {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kOutOfRange: return 413;
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

void SendJson(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, const Status& s) {
  SendJson(res, HttpStatusOf(s.code()), Json{{"error", s.message()}, {"code", StatusCodeName(s.code())}});
}

ApiRequest ToApiRequest(const httplib::Request& req) {
  ApiRequest r;
  for (const auto& [k, v] : req.params) r.query[k] = v;
  if (req.matches.size() > 1) r.id = req.matches[1].str();
  return r;
}

using ApiMethod = Result<Json> (Api::*)(const ApiRequest&);

void Route(httplib::Server& svr, Api& api, const std::string& pattern, ApiMethod method) {
  svr.Get(pattern, [&api, method](const httplib::Request& req, httplib::Response& res) {
    Result<Json> out = (api.*method)(ToApiRequest(req));
    if (!out.ok()) return SendError(res, out.status());
    SendJson(res, 200, *out);
  });
}

void AddApiRoutes(httplib::Server& svr, Api& api) {
  const std::pair<const char*, ApiMethod> routes[] = {
      {"/api/stats", &Api::Stats},
      {"/api/documents", &Api::Documents},
      {R"(/api/documents/([^/]+))", &Api::Document},
      {"/api/search", &Api::Search},
      {"/api/entities", &Api::Entities},
      {R"(/api/entities/([^/]+))", &Api::Entity},
      {"/api/claims", &Api::Claims},
      {"/api/clusters", &Api::Clusters},
      {R"(/api/clusters/([^/]+))", &Api::Cluster},
      {"/api/contradictions", &Api::Contradictions},
      {"/api/outlets", &Api::Outlets},
      {R"(/api/outlets/([^/]+))", &Api::Outlet},
      {"/api/changes", &Api::Changes},
  };
  for (const auto& [pattern, method] : routes) Route(svr, api, pattern, method);
}

// Static files: exact lookup in the embedded table; nothing else is reachable.
void AddStaticRoutes(httplib::Server& svr) {
  svr.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) return SendError(res, NotFoundError("no API route " + req.path));
    const Asset* a = FindAsset(req.path == "/index.html" ? "/" : req.path);
    if (!a) return SendError(res, NotFoundError("no such page: " + req.path));
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Accept-Encoding");
    // The build's gzip when there is one and the browser takes it (cpp-httplib compresses
    // only text/* itself, and its brotli took seconds for the 460 KB bundle).
    if (!a->gzip.empty() && req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(std::string(a->gzip), std::string(a->content_type).c_str());
    } else {
      res.set_content(std::string(a->bytes), std::string(a->content_type).c_str());
    }
  });
}

void AddIngestRoute(httplib::Server& svr, Ingester* ingester) {
  svr.Post("/api/documents", [ingester](const httplib::Request& req, httplib::Response& res) {
    if (!ingester)
      return SendError(res, PermissionDeniedError("this server is read-only; start it with --allow-ingest --token T to add articles"));
    Result<Json> out = ingester->Ingest(req.get_header_value("Authorization"), req.body);
    if (!out.ok()) {
      SendError(res, out.status());
      if (out.status().code() == StatusCode::kPermissionDenied) {
        res.status = 401;  // no or wrong token
        res.set_header("WWW-Authenticate", "Bearer");
      }
      return;
    }
    SendJson(res, 200, *out);
  });
}

void ConfigureLimits(httplib::Server& svr, const ServeLimits& limits, RateLimiter& limiter) {
  const size_t threads = limits.threads;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_payload_max_length(limits.max_body_bytes);
  svr.set_read_timeout(limits.socket_timeout_seconds, 0);
  svr.set_write_timeout(limits.socket_timeout_seconds, 0);
  svr.set_keep_alive_timeout(2);
  svr.set_tcp_nodelay(true);  // no Nagle delay on keep-alive connections
  svr.set_keep_alive_max_count(1000);
  // Every answer: no sniffing, no framing, scripts only from this server, no referrer
  // sent along when a reader follows a link to the original article.
  svr.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                           {"X-Frame-Options", "DENY"},
                           {"Referrer-Policy", "no-referrer"},
                           {"Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                            "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"}});
  svr.set_pre_routing_handler([&limiter](const httplib::Request& req, httplib::Response& res) {
    if (limiter.Allow(req.remote_addr, NowMs())) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Retry-After", "1");
    SendError(res, UnavailableError("too many requests from " + req.remote_addr));
    res.status = 429;
    return httplib::Server::HandlerResponse::Handled;
  });
  svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string why = res.status == 413 ? "request body over the size limit" : "HTTP " + std::to_string(res.status);
    SendJson(res, res.status, Json{{"error", why + " (" + req.method + " " + req.path + ")"}});
  });
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SendError(res, InternalError("internal error: " + what));
  });
}

// SIGINT and SIGTERM stop the server: they are blocked in every thread and one thread
// waits for them (no signal handler, no global state). SIGUSR2 ends that thread when the
// server stops for another reason.
class SignalStopper {
 public:
  explicit SignalStopper(httplib::Server& svr) {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
    thread_ = std::thread([this, &svr] {
      int sig = 0;
      sigwait(&set_, &sig);
      if (sig != SIGUSR2) svr.stop();
    });
  }
  ~SignalStopper() {
    pthread_kill(thread_.native_handle(), SIGUSR2);
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SignalStopper(const SignalStopper&) = delete;
  SignalStopper& operator=(const SignalStopper&) = delete;

 private:
  sigset_t set_, old_;
  std::thread thread_;
};

}  // namespace

Status Serve(const ServeOptions& o) {
  if (o.allow_ingest && o.token.size() < 8)
    return InvalidArgumentError("--allow-ingest needs --token with at least 8 characters");
  {
    auto check = store::Store::Open(o.db_path, store::OpenMode::kReadOnly);
    if (!check.ok()) return check.status().WithContext("hearsay serve");
  }
  auto db = Db::Open(o.db_path, DbOptions{o.limits.threads, o.limits.query_millis});
  if (!db.ok()) return db.status();
  std::unique_ptr<Ingester> ingester;
  if (o.allow_ingest) {
    auto made = Ingester::Create(o, **db);
    if (!made.ok()) return made.status();
    ingester = std::move(*made);
  }
  Api api(**db, o.limits);
  HEARSAY_RETURN_IF_ERROR(api.Warm());
  RateLimiter limiter(o.limits.requests_per_second);
  httplib::Server svr;
  ConfigureLimits(svr, o.limits, limiter);
  AddApiRoutes(svr, api);
  AddIngestRoute(svr, ingester.get());
  AddStaticRoutes(svr);
  int port = o.port;
  if (port == 0) {
    port = svr.bind_to_any_port(o.host);
    if (port <= 0) return UnavailableError("cannot listen on " + o.host + " (any port)");
  } else if (!svr.bind_to_port(o.host, port)) {
    return UnavailableError("cannot listen on " + o.host + ":" + std::to_string(port) + " (in use, or not an address of this machine)");
  }
  SignalStopper stopper(svr);
  std::cerr << "hearsay: serving " << o.db_path << " at http://" << o.host << ":" << port << "/"
            << (o.allow_ingest ? " (ingest enabled)" : " (read-only)") << std::endl;
  if (!svr.listen_after_bind()) return UnavailableError("the server stopped unexpectedly");
  return Status();
}

}  // namespace hearsay::serve
