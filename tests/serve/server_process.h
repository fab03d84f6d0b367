#pragma once
// TEST SUPPORT: `hearsay serve` as a black box. Starts the real binary on 127.0.0.1 with
// --port 0 (the kernel picks a free port), reads the bound port from its stderr line
// "serving ... at http://127.0.0.1:PORT/", and stops it with SIGTERM.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace hearsay::testing {

class ServerProcess {
 public:
  // Starts `hearsay serve --db DB --port 0 EXTRA...`; stderr goes to `log`. ok() tells
  // whether it is listening (waits up to 20 s).
  ServerProcess(const std::string& db, const std::vector<std::string>& extra, const std::string& log) : log_(log) {
    std::vector<std::string> args{HEARSAY_BINARY, "serve", "--db", db, "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    const std::regex line(R"(at http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 200 && pid_ > 0 && port_ == 0; ++i) {
      std::smatch m;
      std::string text = Log();
      if (std::regex_search(text, m, line)) port_ = std::stoi(m[1]);
      else if (::waitpid(pid_, &status_, WNOHANG) == pid_) pid_ = -1;  // exited early
      else std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ~ServerProcess() { Stop(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  std::string Log() const {
    std::ifstream in(log_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  // SIGTERM, then the exit code (-1 when it did not exit by itself within 10 s).
  int Stop() {
    if (pid_ <= 0) return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, &status_, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status_, 0);
    pid_ = -1;
    return -1;
  }

 private:
  std::string log_;
  pid_t pid_ = -1;
  int port_ = 0;
  int status_ = 0;
};

}  // namespace hearsay::testing
