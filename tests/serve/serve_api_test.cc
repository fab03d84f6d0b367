// The JSON API of `hearsay serve` against the real binary on a random loopback port, over
// a store built by `hearsay analyze` from the seed articles (read in place from
// ../shared/seeds) and the project's examples/.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "../support/shared.h"
#include "server_process.h"

namespace hearsay::testing {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

// Sends `request` bytes as they are (no client normalising the path) and returns the answer.
std::string RawRequest(int port, const std::string& request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    ::send(fd, request.data(), request.size(), 0);
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("hearsay_serve_api_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const std::string seeds = SharedDir() + "/seeds";
    if (!fs::exists(seeds)) return;
    std::string cmd = std::string(HEARSAY_BINARY) + " analyze " + seeds + " " + SourceDir() + "/examples --out " +
                      (dir_ / "out").string() + " --quiet 2>" + (dir_ / "analyze.log").string();
    int rc = std::system(cmd.c_str());
    if (!WIFEXITED(rc) || (WEXITSTATUS(rc) != 0 && WEXITSTATUS(rc) != 3)) return;
    db_ = (dir_ / "out" / "hearsay.db").string();
    server_ = new ServerProcess(db_, {}, (dir_ / "serve.log").string());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    fs::remove_all(dir_);
  }
  void SetUp() override {
    HEARSAY_REQUIRE_SHARED("seeds");
    ASSERT_FALSE(db_.empty()) << "hearsay analyze of the seeds failed: " << ReadFileOrEmpty((dir_ / "analyze.log").string());
    ASSERT_TRUE(server_ && server_->ok()) << "hearsay serve did not start: " << (server_ ? server_->Log() : "");
  }
  static httplib::Result Get(const std::string& path) {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(10, 0);
    return c.Get(path.c_str());
  }
  // GET `path`, expecting 200 and a JSON body.
  static Json GetJson(const std::string& path) {
    auto r = Get(path);
    EXPECT_TRUE(r) << path << ": no answer";
    if (!r) return Json();
    EXPECT_EQ(r->status, 200) << path << ": " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos) << path;
    return Json::parse(r->body, nullptr, false);
  }
  static std::string Sql(const std::string& query) {
    std::string cmd = "sqlite3 -readonly '" + db_ + "' \"" + query + "\"";
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
      char buf[256];
      while (fgets(buf, sizeof buf, p)) out += buf;
      ::pclose(p);
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }
  // The id of the person with the most documents: the page every test below looks at.
  static std::string TopPerson() { return GetJson("/api/entities?type=PERSON&per_page=1")["items"][0]["id"]; }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline ServerProcess* server_ = nullptr;
};

TEST_F(ServeApiTest, ListensOnLoopbackAndSaysSo) {
  EXPECT_NE(server_->Log().find("http://127.0.0.1:"), std::string::npos);
  EXPECT_NE(server_->Log().find("read-only"), std::string::npos);
}

TEST_F(ServeApiTest, StatsCountTheStore) {
  Json s = GetJson("/api/stats");
  EXPECT_EQ(std::to_string(s["documents"].get<int64_t>()), Sql("SELECT COUNT(*) FROM documents"));
  EXPECT_EQ(std::to_string(s["claims"].get<int64_t>()), Sql("SELECT COUNT(*) FROM claims"));
  EXPECT_GT(s["entities"].get<int64_t>(), 0);
  EXPECT_GT(s["contradictions"].get<int64_t>(), 0);
}

TEST_F(ServeApiTest, DocumentsArePagedAndFilteredByOutletAndDate) {
  Json all = GetJson("/api/documents?per_page=3");
  int64_t total = all["total"];
  ASSERT_GE(total, 10);
  EXPECT_EQ(all["items"].size(), 3u);
  std::set<int64_t> seen;
  for (int page = 1; page <= (total + 2) / 3; ++page) {
    Json one = GetJson("/api/documents?per_page=3&page=" + std::to_string(page));
    for (const Json& d : one["items"]) seen.insert(d["seq"].get<int64_t>());
  }
  EXPECT_EQ(static_cast<int64_t>(seen.size()), total) << "pages cover every document once";
  EXPECT_TRUE(GetJson("/api/documents?page=999")["items"].empty());

  std::string outlet = Sql("SELECT outlet FROM document_results WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 1");
  ASSERT_FALSE(outlet.empty());
  Json by_outlet = GetJson("/api/documents?outlet=" + httplib::detail::encode_query_param(outlet));
  EXPECT_EQ(std::to_string(by_outlet["total"].get<int64_t>()), Sql("SELECT COUNT(*) FROM document_results WHERE outlet = '" + outlet + "'"));
  for (const Json& d : by_outlet["items"]) EXPECT_EQ(d["outlet"], outlet);

  Json dated = GetJson("/api/documents?from=2025-01-01&to=2025-12-31&per_page=200");
  EXPECT_EQ(std::to_string(dated["total"].get<int64_t>()),
            Sql("SELECT COUNT(*) FROM documents WHERE published BETWEEN '2025-01-01' AND '2025-12-31'"));
  for (const Json& d : dated["items"]) {
    EXPECT_GE(d["published"].get<std::string>(), "2025-01-01");
    EXPECT_LE(d["published"].get<std::string>(), "2025-12-31");
  }
  auto bad = Get("/api/documents?from=yesterday");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("YYYY-MM-DD"), std::string::npos);
}

TEST_F(ServeApiTest, PageSizeIsClampedAndPageZeroRefused) {
  EXPECT_EQ(GetJson("/api/documents?per_page=100000")["per_page"], 200);
  auto r = Get("/api/documents?page=0");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  r = Get("/api/claims?per_page=-5");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(ServeApiTest, FullTextSearchFindsWordsWithMarkedSnippets) {
  std::string person = TopPerson();
  std::string name = GetJson("/api/entities/" + person)["name"];
  std::string last = name.substr(name.rfind(' ') + 1);
  Json r = GetJson("/api/search?q=" + httplib::detail::encode_query_param(last));
  ASSERT_GT(r["total"].get<int64_t>(), 0) << last;
  std::string snippet = r["items"][0]["snippet"];
  EXPECT_NE(snippet.find('\x02'), std::string::npos) << "the match is marked: " << snippet;
  // FTS5 syntax typed by a user is taken as words, never as an operator or an error.
  for (const char* q : {"%22%20OR%20(", "NEAR(a%20b)", "*", "a%22b", "-x:y"}) {
    auto res = Get(std::string("/api/search?q=") + q);
    ASSERT_TRUE(res);
    EXPECT_TRUE(res->status == 200 || res->status == 400) << q << ": " << res->status << " " << res->body;
  }
}

TEST_F(ServeApiTest, EveryPersonIsFoundByNameAndByAlias) {
  Json people = GetJson("/api/entities?type=PERSON&per_page=200");
  ASSERT_GT(people["items"].size(), 5u);
  for (const Json& p : people["items"]) {
    std::string name = p["name"];
    Json found = GetJson("/api/entities?per_page=200&q=" + httplib::detail::encode_query_param(name));
    bool hit = false;
    for (const Json& e : found["items"]) hit = hit || e["id"] == p["id"];
    EXPECT_TRUE(hit) << name << " not found by its name";
  }
  std::string alias = Sql("SELECT alias FROM entity_aliases a JOIN entities e ON e.entity_id = a.entity_id WHERE e.type = 'PERSON' LIMIT 1");
  ASSERT_FALSE(alias.empty());
  EXPECT_GT(GetJson("/api/entities?q=" + httplib::detail::encode_query_param(alias))["total"].get<int64_t>(), 0);
  // A prefix of the name finds it too (typing in the search box).
  std::string first = people["items"][0]["name"];
  EXPECT_GT(GetJson("/api/entities?q=" + httplib::detail::encode_query_param(first.substr(0, first.size() - 2)))["total"].get<int64_t>(), 0);
}

TEST_F(ServeApiTest, EntityPageHasRelationsWithTheirSources) {
  Json e = GetJson("/api/entities/" + TopPerson());
  ASSERT_GT(e["relations"].size(), 0u);
  EXPECT_GT(e["contradictions_total"].get<int64_t>(), 0) << "the seeds' most reported person has contradictions";
  for (const Json& k : e["relations"]) {
    EXPECT_TRUE(k["subject"] == e["id"] || k["object"] == e["id"]);
    EXPECT_FALSE(k["grade"].get<std::string>().empty());
    ASSERT_GT(k["sources"].size(), 0u) << k["id"] << " has no source";
    for (const Json& c : k["sources"]) {
      EXPECT_EQ(c["cluster_id"], k["id"]);
      EXPECT_FALSE(c["doc_title"].get<std::string>().empty());
      EXPECT_FALSE(c["source_kind"].get<std::string>().empty());
      EXPECT_FALSE(c["evidence_text"].get<std::string>().empty());
    }
  }
  auto missing = Get("/api/entities/no-such-entity");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(ServeApiTest, TimelineIsInTimeOrderAndEachClaimHasItsReasons) {
  std::string id = TopPerson();
  Json t = GetJson("/api/claims?per_page=200&entity=" + id);
  EXPECT_EQ(std::to_string(t["total"].get<int64_t>()),
            Sql("SELECT COUNT(*) FROM claims WHERE subject = '" + id + "' OR object_entity = '" + id + "'"));
  std::string last;
  for (const Json& c : t["items"]) {
    std::string when = c["time_from"].is_string() ? c["time_from"] : c["published"].is_string() ? c["published"] : Json("~");
    EXPECT_GE(when, last) << "timeline order";
    last = when;
    if (c["cluster_id"].is_string()) EXPECT_GT(c["reasons"].size(), 0u) << c["id"];
  }
}

TEST_F(ServeApiTest, ClusterChainIsInReportOrderWithOriginsAndReasons) {
  std::string k = Sql("SELECT cluster_id FROM clusters ORDER BY document_count DESC, ord LIMIT 1");
  Json c = GetJson("/api/clusters/" + k);
  ASSERT_GT(c["chain"].size(), 0u);
  EXPECT_GT(c["reasons"].size(), 0u);
  EXPECT_EQ(c["chain"].size(), static_cast<size_t>(c["document_count"].get<int64_t>()));
  EXPECT_TRUE(c["chain"][0]["rereport_of_seq"].is_null()) << "the first report is an origin";
  for (size_t i = 0; i < c["chain"].size(); ++i) EXPECT_EQ(c["chain"][i]["idx"], static_cast<int64_t>(i));
  for (const Json& claim : c["claims"]) EXPECT_EQ(claim["cluster_id"], k);
}

TEST_F(ServeApiTest, ContradictionsHaveConfidenceAndBothSides) {
  Json all = GetJson("/api/contradictions?per_page=200");
  ASSERT_GT(all["total"].get<int64_t>(), 0);
  double last = 2;
  for (const Json& x : all["items"]) {
    double conf = x["confidence"];
    EXPECT_GE(conf, 0.0);
    EXPECT_LE(conf, 1.0);
    EXPECT_LE(conf, last) << "most confident first";
    last = conf;
    EXPECT_TRUE(x["a_detail"].is_object() && x["b_detail"].is_object()) << x.dump();
  }
  Json strong = GetJson("/api/contradictions?min_confidence=0.99");
  for (const Json& x : strong["items"]) EXPECT_GE(x["confidence"].get<double>(), 0.99);
  auto bad = Get("/api/contradictions?min_confidence=2");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServeApiTest, OutletsSayWhoCitesWhomAndWhoReportedFirst) {
  Json o = GetJson("/api/outlets?per_page=200");
  ASSERT_GT(o["total"].get<int64_t>(), 0);
  int64_t first_reports = 0, cites = 0;
  for (const Json& x : o["items"]) {
    first_reports += x["first_reports"].get<int64_t>();
    cites += x["cites_total"].get<int64_t>();
  }
  EXPECT_EQ(std::to_string(first_reports),
            Sql("SELECT COUNT(*) FROM clusters c JOIN document_results r ON r.doc_seq = c.first_doc_seq WHERE r.outlet IS NOT NULL"));
  EXPECT_GT(cites, 0) << "the examples cite each other";
  std::string name = o["items"][0]["name"];
  Json one = GetJson("/api/outlets/" + httplib::detail::encode_query_param(name));
  EXPECT_EQ(one["name"], name);
  EXPECT_TRUE(one["first_reported"].is_array());
}

TEST_F(ServeApiTest, DocumentCarriesTextSpansAndOnlyHttpLinks) {
  Json d = GetJson("/api/documents/1");
  ASSERT_TRUE(d["text"].is_string());
  const size_t bytes = d["text"].get<std::string>().size();
  ASSERT_GT(d["mentions"].size(), 0u);
  for (const char* list : {"mentions", "quotes"})
    for (const Json& m : d[list]) {
      EXPECT_LE(m["start"].get<int64_t>(), m["end"].get<int64_t>());
      EXPECT_LE(m["end"].get<size_t>(), bytes);
    }
  EXPECT_TRUE(d["url"].is_null() || d["url"].get<std::string>().rfind("http", 0) == 0);
  for (const char* bad : {"/api/documents/0", "/api/documents/99999", "/api/documents/abc"}) {
    auto r = Get(bad);
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->status == 404 || r->status == 400) << bad;
  }
}

TEST_F(ServeApiTest, ChangesListTheRunsAndWhatTheyAdded) {
  Json c = GetJson("/api/changes");
  ASSERT_GT(c["runs"].size(), 0u);
  int64_t run = c["runs"][0]["id"];
  Json docs = GetJson("/api/changes?kind=document&run=" + std::to_string(run));
  EXPECT_EQ(std::to_string(docs["total"].get<int64_t>()), Sql("SELECT COUNT(*) FROM documents"));
}

TEST_F(ServeApiTest, ServesTheEmbeddedUiWithSecurityHeaders) {
  auto r = Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("/app.js"), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  auto js = Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_GT(js->body.size(), 100000u) << "the bundle holds cytoscape";
}

TEST_F(ServeApiTest, PathsCannotEscapeTheEmbeddedFiles) {
  for (const char* path : {"/../CMakeLists.txt", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                           "/app.js/../../src/serve/server.cc", "//etc/passwd", "/.%2e/.%2e/etc/hostname", "/static/../../etc/passwd"}) {
    std::string answer = RawRequest(server_->port(), std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(answer.rfind("HTTP/1.1 404", 0) == 0 || answer.rfind("HTTP/1.1 400", 0) == 0) << path << ": " << answer.substr(0, 80);
    EXPECT_EQ(answer.find("root:"), std::string::npos) << path;
    EXPECT_EQ(answer.find("cmake_minimum_required"), std::string::npos) << path;
  }
}

TEST_F(ServeApiTest, ReadOnlyServerRefusesPostsAndLeavesTheStoreAlone) {
  std::string before = Sql("SELECT COUNT(*) FROM documents") + Sql("SELECT MAX(run_id) FROM runs");
  httplib::Client c("127.0.0.1", server_->port());
  auto r = c.Post("/api/documents", R"({"title":"t","text":"x"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(r->body.find("--allow-ingest"), std::string::npos);
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM documents") + Sql("SELECT MAX(run_id) FROM runs"), before);
}

TEST_F(ServeApiTest, UnknownRoutesAreJson404) {
  auto r = Get("/api/nothing-here");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_TRUE(Json::parse(r->body, nullptr, false).contains("error"));
}

// Servers of their own: rate limit, ingest with a token, body size limit.
TEST_F(ServeApiTest, RateLimitAnswers429PastTheRate) {
  ServerProcess slow(db_, {"--rate", "5"}, (dir_ / "rate.log").string());
  ASSERT_TRUE(slow.ok()) << slow.Log();
  httplib::Client c("127.0.0.1", slow.port());
  int ok = 0, limited = 0;
  for (int i = 0; i < 40; ++i) {
    auto r = c.Get("/api/stats");
    ASSERT_TRUE(r);
    (r->status == 429 ? limited : ok) += 1;
    if (r->status == 429) EXPECT_EQ(r->get_header_value("Retry-After"), "1");
  }
  EXPECT_GE(ok, 10);  // the burst of two seconds' worth
  EXPECT_GT(limited, 0);
}

TEST_F(ServeApiTest, IngestNeedsTheTokenAddsArticlesAndLimitsTheBody) {
  fs::copy_file(db_, dir_ / "ingest.db", fs::copy_options::overwrite_existing);
  const std::string db = (dir_ / "ingest.db").string();
  ServerProcess w(db, {"--allow-ingest", "--token", "test-token-123", "--jobs", "1"}, (dir_ / "ingest.log").string());
  ASSERT_TRUE(w.ok()) << w.Log();
  httplib::Client c("127.0.0.1", w.port());
  c.set_read_timeout(120, 0);
  const std::string article =
      R"({"id":"posted-1","title":"Brannoch Filey signs with Tidewell Studios","outlet":"Harbor Ledger","published":"2026-02-03",)"
      R"("url":"https://harbor-ledger.invalid/filey","text":"Brannoch Filey, 44, signed a three-film deal with Tidewell Studios, his agent Marla Quist said on Monday."})";
  auto none = c.Post("/api/documents", article, "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  httplib::Headers wrong{{"Authorization", "Bearer test-token-124"}};
  auto bad = c.Post("/api/documents", wrong, article, "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
  httplib::Headers auth{{"Authorization", "Bearer test-token-123"}};
  auto good = c.Post("/api/documents", auth, article, "application/json");
  ASSERT_TRUE(good);
  ASSERT_EQ(good->status, 200) << good->body;
  Json run = Json::parse(good->body);
  EXPECT_EQ(run["documents_added"], 1);
  httplib::Client reader("127.0.0.1", w.port());
  auto found = reader.Get("/api/search?q=Tidewell");
  ASSERT_TRUE(found);
  EXPECT_EQ(Json::parse(found->body)["total"], 1);
  auto people = reader.Get("/api/entities?q=Filey");
  ASSERT_TRUE(people);
  EXPECT_GT(Json::parse(people->body)["total"].get<int64_t>(), 0) << "the posted article is analysed into the graph";
  auto twice = c.Post("/api/documents", auth, article, "application/json");
  ASSERT_TRUE(twice);
  EXPECT_EQ(Json::parse(twice->body)["documents_added"], 0) << "re-posting adds nothing";
  auto huge = c.Post("/api/documents", auth, std::string(9u << 20, 'x'), "application/json");
  if (huge) EXPECT_EQ(huge->status, 413);  // or the server closed the connection: both refuse it
}

TEST_F(ServeApiTest, IngestWithoutATokenIsAUsageError) {
  ServerProcess w(db_, {"--allow-ingest"}, (dir_ / "notoken.log").string());
  EXPECT_FALSE(w.ok());
  EXPECT_EQ(w.Stop(), 2);
  EXPECT_NE(w.Log().find("--token"), std::string::npos) << w.Log();
}

}  // namespace
}  // namespace hearsay::testing
