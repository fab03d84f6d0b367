// serve_load: a bounded load run against a running `hearsay serve` on loopback. For each
// endpoint in turn it sends requests at a fixed rate (open loop: request i is due at
// t0 + i/rate, and its latency is counted from when it was due, so a slow server cannot
// hide its queueing), then reports requests/s, p50, p99, max latency and errors.
// Ids for the routes (people, clusters, documents, outlets) are read from the API first.
//
//   serve_load --port P [--pid SERVER_PID] [--rate 200] [--seconds 10] [--threads 8]
//
// Bounded: at most rate * seconds requests per endpoint, each with a 5 s timeout, and it
// only ever connects to 127.0.0.1.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

struct Options {
  int port = 0;
  int pid = 0;  // the server's process id: its CPU time per request is reported too
  double rate = 200;
  double seconds = 10;
  int threads = 8;
};

struct Endpoint {
  std::string name;                // what the report calls it
  std::vector<std::string> paths;  // sent in turn
};

struct Stats {
  std::vector<double> latency_ms;
  int errors = 0;
  double wall_s = 0;
};

Json Fetch(httplib::Client& c, const std::string& path) {
  auto r = c.Get(path.c_str());
  if (!r || r->status != 200) {
    std::fprintf(stderr, "serve_load: GET %s failed (%d)\n", path.c_str(), r ? r->status : -1);
    std::exit(1);
  }
  return Json::parse(r->body);
}

std::string Enc(const std::string& s) { return httplib::detail::encode_query_param(s); }

// The routes a reader's session uses, with real ids from the store.
std::vector<Endpoint> Endpoints(int port) {
  httplib::Client c("127.0.0.1", port);
  Json people = Fetch(c, "/api/entities?type=PERSON&per_page=50")["items"];
  Json clusters = Fetch(c, "/api/clusters?per_page=50")["items"];
  Json docs = Fetch(c, "/api/documents?per_page=50")["items"];
  Json outlets = Fetch(c, "/api/outlets?per_page=20")["items"];
  const char* names[] = {"GET /api/stats", "GET /api/documents?page=N", "GET /api/documents?outlet=O", "GET /api/search?q=NAME",
                         "GET /api/entities?q=PREFIX", "GET /api/entities/ID", "GET /api/claims?entity=ID",
                         "GET /api/clusters?entity=ID", "GET /api/clusters/ID", "GET /api/contradictions?page=N",
                         "GET /api/outlets", "GET /api/outlets/NAME", "GET /api/documents/SEQ", "GET / and /app.js"};
  std::vector<Endpoint> out;
  for (const char* n : names) out.push_back(Endpoint{n, {}});
  out[0].paths = {"/api/stats"};
  for (int page = 1; page <= 50; ++page) {
    out[1].paths.push_back("/api/documents?page=" + std::to_string(page));
    out[9].paths.push_back("/api/contradictions?page=" + std::to_string(page % 10 + 1));
  }
  for (const Json& p : people) {
    std::string name = p["name"], id = p["id"];
    out[3].paths.push_back("/api/search?q=" + Enc(name));
    out[4].paths.push_back("/api/entities?q=" + Enc(name.substr(0, std::max<size_t>(3, name.size() - 2))));
    out[5].paths.push_back("/api/entities/" + Enc(id));
    out[6].paths.push_back("/api/claims?entity=" + Enc(id));
    out[7].paths.push_back("/api/clusters?entity=" + Enc(id));
  }
  for (const Json& k : clusters) out[8].paths.push_back("/api/clusters/" + Enc(k["id"].get<std::string>()));
  for (const Json& d : docs) out[12].paths.push_back("/api/documents/" + std::to_string(d["seq"].get<int64_t>()));
  for (const Json& o : outlets) {
    out[2].paths.push_back("/api/documents?outlet=" + Enc(o["name"].get<std::string>()));
    out[11].paths.push_back("/api/outlets/" + Enc(o["name"].get<std::string>()));
  }
  out[10].paths = {"/api/outlets", "/api/outlets?page=2", "/api/outlets?q=a"};
  out[13].paths = {"/", "/app.js"};
  out.erase(std::remove_if(out.begin(), out.end(), [](const Endpoint& e) { return e.paths.empty(); }), out.end());
  return out;
}

Stats Run(const Options& o, const Endpoint& e) {
  const int64_t total = static_cast<int64_t>(o.rate * o.seconds);
  std::atomic<int64_t> next{0};
  std::mutex mu;
  Stats s;
  const Clock::time_point t0 = Clock::now() + std::chrono::milliseconds(50);
  auto worker = [&] {
    httplib::Client c("127.0.0.1", o.port);
    c.set_keep_alive(true);
    c.set_tcp_nodelay(true);
    c.set_connection_timeout(5, 0);
    c.set_read_timeout(5, 0);
    std::vector<double> mine;
    int errors = 0;
    for (int64_t i; (i = next.fetch_add(1)) < total;) {
      const Clock::time_point due = t0 + std::chrono::microseconds(static_cast<int64_t>(i * 1e6 / o.rate));
      std::this_thread::sleep_until(due);
      auto r = c.Get(e.paths[static_cast<size_t>(i) % e.paths.size()].c_str());
      mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - due).count());
      if (!r || r->status != 200) ++errors;
    }
    std::lock_guard<std::mutex> lock(mu);
    s.latency_ms.insert(s.latency_ms.end(), mine.begin(), mine.end());
    s.errors += errors;
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < o.threads; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  s.wall_s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::sort(s.latency_ms.begin(), s.latency_ms.end());
  return s;
}

// User + system CPU time of a process in milliseconds (/proc/PID/stat), -1 when unknown.
double CpuMs(int pid) {
  if (pid <= 0) return -1;
  FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
  if (!f) return -1;
  char buf[1024];
  size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  buf[n] = 0;
  const char* p = std::strrchr(buf, ')');  // the command name may hold spaces
  unsigned long utime = 0, stime = 0;
  if (!p || std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) return -1;
  return 1000.0 * static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<size_t>(q * static_cast<double>(sorted.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    double v = std::atof(argv[i + 1]);
    if (k == "--port") o.port = static_cast<int>(v);
    else if (k == "--pid") o.pid = static_cast<int>(v);
    else if (k == "--rate") o.rate = v;
    else if (k == "--seconds") o.seconds = v;
    else if (k == "--threads") o.threads = static_cast<int>(v);
    else {
      std::fprintf(stderr, "usage: serve_load --port P [--pid N] [--rate 200] [--seconds 10] [--threads 8]\n");
      return 2;
    }
  }
  if (o.port <= 0 || o.rate <= 0 || o.seconds <= 0 || o.seconds > 600 || o.threads < 1) {
    std::fprintf(stderr, "serve_load: need --port, a positive rate, 0 < seconds <= 600\n");
    return 2;
  }
  std::printf("| endpoint | requests | req/s | p50 ms | p99 ms | max ms | errors | server CPU ms/request |\n"
              "|---|---|---|---|---|---|---|---|\n");
  int failures = 0;
  for (const Endpoint& e : Endpoints(o.port)) {
    const double cpu0 = CpuMs(o.pid);
    Stats s = Run(o, e);
    const double cpu = cpu0 < 0 ? -1 : (CpuMs(o.pid) - cpu0) / static_cast<double>(std::max<size_t>(1, s.latency_ms.size()));
    const double p99 = Quantile(s.latency_ms, 0.99);
    failures += (p99 >= 50 || s.errors > 0) ? 1 : 0;
    std::printf("| %s | %zu | %.0f | %.1f | %.1f | %.1f | %d | %.2f |\n", e.name.c_str(), s.latency_ms.size(),
                static_cast<double>(s.latency_ms.size()) / s.wall_s, Quantile(s.latency_ms, 0.5), p99,
                s.latency_ms.empty() ? 0.0 : s.latency_ms.back(), s.errors, cpu);
    std::fflush(stdout);
  }
  std::printf("\n%s: every endpoint p99 < 50 ms with zero errors at %.0f requests/s\n", failures ? "FAIL" : "PASS", o.rate);
  return failures ? 1 : 0;
}
