#pragma once
// StepTimer: prints the wall time and the process CPU time (all threads) of consecutive
// steps to stderr when the environment variable HEARSAY_FUSE_TIMING is "1" (the corpus
// stages' profiling switch); otherwise every call is a cheap no-op.
//
//   StepTimer timer("fuse");
//   FindNearDuplicates(...);
//   timer.Step("near-duplicates");          // "fuse: near-duplicates     0.412 s  cpu 0.801 s"
//   timer.Step("candidates", pairs.size());  // with a count after the time
//
// StepTimer(prefix, StepTimer::CpuClock::kThread) reports the CPU time of the calling thread
// instead (for steps that run beside others, e.g. the store's graph write while the
// outputs render).
//
// Each line ends with the process's resident memory now and its peak so far (VmRSS and
// VmHWM of /proc/self/status, MB; "rss ? MB" where that file is missing), for finding
// which step holds the peak.
//
// Thread safety: one instance per thread; output lines are written whole by fprintf.
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace hearsay {

class StepTimer {
 public:
  enum class CpuClock { kProcess, kThread };

  explicit StepTimer(const char* prefix, CpuClock clock = CpuClock::kProcess)
      : prefix_(prefix), clock_(clock == CpuClock::kThread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID),
        start_(std::chrono::steady_clock::now()) {
    const char* env = std::getenv("HEARSAY_FUSE_TIMING");
    on_ = env && env[0] == '1';
    cpu_start_ = on_ ? Cpu() : 0;
  }

  // Prints the time since the previous step (or construction) and restarts the clock.
  void Step(const char* name) { Print(name, nullptr); }
  void Step(const char* name, size_t count) { Print(name, &count); }

  // CPU seconds of the whole process (all threads) so far.
  static double CpuSeconds() { return Seconds(CLOCK_PROCESS_CPUTIME_ID); }

 private:
  static double Seconds(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  double Cpu() const { return Seconds(clock_); }

  void Print(const char* name, const size_t* count) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(now - start_).count(), cpu = Cpu();
    long rss = -1, peak = -1;
    ResidentMb(&rss, &peak);
    if (count)
      std::fprintf(stderr, "%s: %-15s %8.3f s  cpu %.3f s  %zu  rss %ld MB peak %ld MB\n", prefix_, name, s, cpu - cpu_start_,
                   *count, rss, peak);
    else
      std::fprintf(stderr, "%s: %-15s %8.3f s  cpu %.3f s  rss %ld MB peak %ld MB\n", prefix_, name, s, cpu - cpu_start_, rss,
                   peak);
    start_ = now;
    cpu_start_ = cpu;
  }

  // VmRSS and VmHWM in MB; left as they are where /proc/self/status cannot be read.
  static void ResidentMb(long* rss, long* peak) {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return;
    char line[256];
    long kb = 0;
    while (std::fgets(line, sizeof line, f)) {
      if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1) *rss = kb / 1024;
      else if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) *peak = kb / 1024;
    }
    std::fclose(f);
  }

  const char* prefix_;
  clockid_t clock_;
  bool on_ = false;
  std::chrono::steady_clock::time_point start_;
  double cpu_start_ = 0;
};

}  // namespace hearsay
