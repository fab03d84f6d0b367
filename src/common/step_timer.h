#pragma once
// StepTimer: prints the wall time of consecutive steps to stderr when the environment
// variable HEARSAY_FUSE_TIMING is "1" (the corpus stages' profiling switch); otherwise
// every call is a cheap no-op.
//
//   StepTimer timer("fuse");
//   FindNearDuplicates(...);
//   timer.Step("near-duplicates");          // "fuse: near-duplicates     0.412 s"
//   timer.Step("candidates", pairs.size());  // with a count after the time
//
// Thread safety: one instance per thread; output lines are written whole by fprintf.
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>

namespace hearsay {

class StepTimer {
 public:
  explicit StepTimer(const char* prefix) : prefix_(prefix), start_(std::chrono::steady_clock::now()) {
    const char* env = std::getenv("HEARSAY_FUSE_TIMING");
    on_ = env && env[0] == '1';
  }

  // Prints the time since the previous step (or construction) and restarts the clock.
  void Step(const char* name) { Print(name, nullptr); }
  void Step(const char* name, size_t count) { Print(name, &count); }

 private:
  void Print(const char* name, const size_t* count) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(now - start_).count();
    if (count) std::fprintf(stderr, "%s: %-15s %8.3f s  %zu\n", prefix_, name, s, *count);
    else std::fprintf(stderr, "%s: %-15s %8.3f s\n", prefix_, name, s);
    start_ = now;
  }

  const char* prefix_;
  bool on_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace hearsay
