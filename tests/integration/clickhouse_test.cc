// Issue 19: the ClickHouse store and sharded workers give the answers of the embedded
// SQLite path. Each test starts its own clickhouse-server (Debian's; scripts/setup.sh
// installs it) in a scratch folder on free loopback ports and always stops it.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>

#include <chrono>
#include <cstring>
#include <thread>

#include "cli_support.h"
#include "scale/clickhouse_client.h"

extern char** environ;

namespace hearsay::testing {
namespace {

namespace fs = std::filesystem;

// A port nobody listens on now (bound and released; the server binds it a moment later).
int FreeLoopbackPort() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  int port = 0;
  if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(s);
  return port;
}

std::string FindServer() {
  for (const char* p : {"/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"})
    if (fs::exists(p)) return p;
  return "";
}

// A clickhouse-server of its own in `dir`: config with listen_host 127.0.0.1, the two
// ports, path, tmp_path and a users file. Stopped (SIGTERM, then SIGKILL) on destruction,
// so also when the test fails; run under timeout(1), so even a crashed test leaves no
// server running for more than 10 minutes.
class ClickHouseServer {
 public:
  explicit ClickHouseServer(const fs::path& dir) : dir_(dir) {}
  ~ClickHouseServer() { Stop(); }
  ClickHouseServer(const ClickHouseServer&) = delete;
  ClickHouseServer& operator=(const ClickHouseServer&) = delete;

  // Empty on success, else why the server did not come up.
  std::string Start(const std::string& binary) {
    fs::create_directories(dir_ / "data");
    fs::create_directories(dir_ / "tmp");
    http_port_ = FreeLoopbackPort();
    int tcp_port = FreeLoopbackPort();
    std::ofstream(dir_ / "users.xml") << "<?xml version=\"1.0\"?>\n<yandex><profiles><default></default></profiles>"
                                         "<users><default><password></password><networks><ip>127.0.0.1</ip></networks>"
                                         "<profile>default</profile><quota>default</quota></default></users>"
                                         "<quotas><default></default></quotas></yandex>\n";
    std::ofstream(dir_ / "config.xml")
        << "<?xml version=\"1.0\"?>\n<yandex><logger><level>warning</level><log>" << (dir_ / "server.log").string()
        << "</log><errorlog>" << (dir_ / "error.log").string() << "</errorlog></logger>"
        << "<listen_host>127.0.0.1</listen_host><http_port>" << http_port_ << "</http_port><tcp_port>" << tcp_port
        << "</tcp_port><path>" << (dir_ / "data").string() << "/</path><tmp_path>" << (dir_ / "tmp").string()
        << "/</tmp_path><users_config>" << (dir_ / "users.xml").string() << "</users_config>"
        << "<default_profile>default</default_profile><default_database>default</default_database>"
        << "<mark_cache_size>67108864</mark_cache_size></yandex>\n";
    std::string config = "--config-file=" + (dir_ / "config.xml").string();
    std::string out = (dir_ / "stdout.log").string();
    std::vector<std::string> args = {"timeout", "-s", "TERM", "600", binary, config};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    int rc = posix_spawnp(&pid_, "timeout", &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return "cannot start " + binary + ": " + std::strerror(rc);
    scale::ClickHouseClient ping(scale::ClickHouseUrl{"127.0.0.1", http_port_, "default"});
    for (int i = 0; i < 300; ++i) {
      if (ping.Ping().ok()) return "";
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return "clickhouse-server exited at start: " + ReadFileOrEmpty(out) + ReadFileOrEmpty((dir_ / "error.log").string());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return "clickhouse-server did not answer on 127.0.0.1:" + std::to_string(http_port_) + " within 30 s";
  }

  void Stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 200 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (::waitpid(pid_, &status, WNOHANG) == 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }
  std::string Url(const std::string& db) const { return "clickhouse://127.0.0.1:" + std::to_string(http_port_) + "/" + db; }
  int http_port() const { return http_port_; }

 private:
  fs::path dir_;
  pid_t pid_ = -1;
  int http_port_ = 0;
};

class ClickHouseCli : public CliRunTest {
 protected:
  ClickHouseCli() : CliRunTest("hearsay_clickhouse") {}
  void StartServer() {
    std::string binary = FindServer();
    ASSERT_FALSE(binary.empty()) << "clickhouse-server is not installed (Debian package clickhouse-server; scripts/setup.sh and "
                                    "`make test` install it)";
    server_ = std::make_unique<ClickHouseServer>(dir_ / "server");
    std::string why = server_->Start(binary);
    ASSERT_TRUE(why.empty()) << why;
  }
  void TearDown() override {
    server_.reset();  // stopped before the scratch folder goes
    CliRunTest::TearDown();
  }
  // analyze/fuse must succeed (3: some inputs rejected or repaired, as in the SQLite run).
  void Ok(const std::string& args) {
    RunResult r = Run(args + " --quiet");
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << args << "\nexit " << r.exit_code << ": " << r.err;
  }
  scale::ClickHouseClient Client(const std::string& db) const { return scale::ClickHouseClient({"127.0.0.1", server_->http_port(), db}); }
  int64_t Count(const std::string& db, const std::string& sql) const {
    auto rows = Client(db).Rows(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() && !rows->empty() && (*rows)[0][0] ? std::stoll(*(*rows)[0][0]) : -1;
  }
  std::unique_ptr<ClickHouseServer> server_;
};

// The seeds (read in place) and examples/ through two shard workers and a fuse give the
// hearsay.json and index.html of the SQLite path, byte for byte.
TEST_F(ClickHouseCli, TwoShardsAndFuseGiveTheSqliteOutput) {
  HEARSAY_REQUIRE_SHARED("seeds");
  // Plus a reject and a repaired document (invented), so rejects and warnings go through too.
  Write("odd/broken.jsonl", "{\"id\": \"x1\", \"title\": \"Cut off\n");
  Write("odd/latin1.txt", "Bakery Opens On Elm Road\nThe new caf\xe9 on Elm Road opened on Monday, its owner Pell Varga said.\n");
  std::string inputs = SourceDir() + "/examples " + SharedDir() + "/seeds " + Path("odd");
  ASSERT_NO_FATAL_FAILURE(StartServer());
  Ok("analyze " + inputs + " --out " + Path("sqlite"));
  std::string store = server_->Url("news");
  Ok("analyze " + inputs + " --store " + store + " --shard 1/2");
  Ok("analyze " + inputs + " --store " + store + " --shard 2/2");
  Ok("fuse --store " + store + " --out " + Path("ch"));
  std::string a = ReadFileOrEmpty(Path("sqlite/hearsay.json")), b = ReadFileOrEmpty(Path("ch/hearsay.json"));
  ASSERT_FALSE(a.empty());
  EXPECT_NE(a.find("Cut off"), std::string::npos) << "the reject is reported";
  EXPECT_TRUE(a == b) << "hearsay.json differs between the SQLite path and ClickHouse (2 shards + fuse)";
  EXPECT_TRUE(ReadFileOrEmpty(Path("sqlite/index.html")) == ReadFileOrEmpty(Path("ch/index.html")));
  // Both workers stored a share, disjoint, covering the corpus; the graph tables are there.
  int64_t docs = Count("news", "SELECT count() FROM graph_documents");
  EXPECT_EQ(Count("news", "SELECT uniqExact(content_hash) FROM documents"), docs);
  EXPECT_EQ(Count("news", "SELECT count() FROM documents"), docs) << "each document stored once";
  EXPECT_GT(Count("news", "SELECT count() FROM documents WHERE shard = '1/2'"), 0);
  EXPECT_GT(Count("news", "SELECT count() FROM documents WHERE shard = '2/2'"), 0);
  // The near-duplicate buckets came from the GROUP BY over every document's band keys.
  EXPECT_EQ(Count("news", "SELECT uniqExact(content_hash) FROM doc_bands"), docs);
  EXPECT_GT(Count("news", "SELECT count() FROM (" + std::string("SELECT band, key FROM doc_bands WHERE band < 255 GROUP BY band, key "
                                                               "HAVING uniqExact(content_hash) > 1)")),
            0) << "the examples hold a rewritten article";
  // Entity blocking and claim clustering grouped over the key rows the workers wrote: every
  // document has its rows, and keys shared across documents are there to group.
  EXPECT_EQ(Count("news", "SELECT uniqExact(content_hash) FROM doc_keys"), docs);
  EXPECT_GT(Count("news", "SELECT count() FROM (SELECT key FROM doc_entity_keys GROUP BY key HAVING uniqExact(content_hash) > 1)"), 0);
  EXPECT_GT(Count("news", "SELECT count() FROM (SELECT predicate, object_text, value FROM doc_claim_keys "
                          "GROUP BY predicate, object_text, value HAVING uniqExact(content_hash) > 1)"), 0);
  EXPECT_EQ(Count("news", "SELECT count() FROM system.tables WHERE database = 'news' AND name LIKE 'fuse_%'"), 0)
      << "the fuse's scratch tables are dropped";
  EXPECT_EQ(Count("news", "SELECT count() FROM claims"), CountRows(Path("sqlite/hearsay.db"), "SELECT COUNT(*) FROM claims"));
  EXPECT_EQ(Count("news", "SELECT count() FROM clusters"), CountRows(Path("sqlite/hearsay.db"), "SELECT COUNT(*) FROM clusters"));
  // A second fuse replaces the graph tables (no doubled rows) and gives the same output.
  Ok("fuse --store " + store + " --out " + Path("ch2"));
  EXPECT_TRUE(ReadFileOrEmpty(Path("ch2/hearsay.json")) == b);
  EXPECT_EQ(Count("news", "SELECT count() FROM graph_documents"), docs);
}

// A server that cannot be reached, and one that refuses a statement, are errors carrying
// the transport's or the server's own message.
TEST_F(ClickHouseCli, ErrorsCarryTheServersMessage) {
  int port = FreeLoopbackPort();
  RunResult r = Run("fuse --store clickhouse://127.0.0.1:" + std::to_string(port) + "/news --out " + Path("x"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("ClickHouse at 127.0.0.1:" + std::to_string(port)), std::string::npos) << r.err;
  r = Run("analyze " + SourceDir() + "/examples --store clickhouse://h/bad-name");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  ASSERT_NO_FATAL_FAILURE(StartServer());
  auto s = Client("default").Execute("SELECT * FROM no_such_table");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("doesn't exist"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace hearsay::testing
