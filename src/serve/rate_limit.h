#pragma once
// Requests per second per client address: a token bucket per address (rate r tokens/s,
// capacity 2r, so a burst of two seconds' worth passes). Past it a request is refused
// (HTTP 429) until tokens refill. Buckets idle for a minute are dropped, so memory stays
// bounded by the addresses seen in the last minute.
//
//   RateLimiter limiter(400);
//   if (!limiter.Allow("127.0.0.1", NowMillis())) return 429;
//
// Thread safety: Allow may be called from any thread.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hearsay::serve {

class RateLimiter {
 public:
  explicit RateLimiter(uint32_t per_second) : rate_(per_second) {}
  // Takes one token for `client` at time `now_ms` (steady clock); false when none is left.
  // A rate of 0 means no limit.
  bool Allow(const std::string& client, int64_t now_ms);

 private:
  struct Bucket {
    double tokens = 0;
    int64_t last_ms = 0;
  };
  uint32_t rate_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  int64_t last_sweep_ms_ = 0;
};

}  // namespace hearsay::serve
