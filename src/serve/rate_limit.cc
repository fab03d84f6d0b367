#include "serve/rate_limit.h"

#include <algorithm>

namespace hearsay::serve {

bool RateLimiter::Allow(const std::string& client, int64_t now_ms) {
  if (rate_ == 0) return true;
  const double capacity = 2.0 * rate_;
  std::lock_guard<std::mutex> lock(mu_);
  if (now_ms - last_sweep_ms_ > 60000) {
    for (auto it = buckets_.begin(); it != buckets_.end();)
      it = now_ms - it->second.last_ms > 60000 ? buckets_.erase(it) : std::next(it);
    last_sweep_ms_ = now_ms;
  }
  auto [it, fresh] = buckets_.try_emplace(client);
  Bucket& b = it->second;
  if (fresh) b = Bucket{capacity, now_ms};
  // tokens(t) = min(capacity, tokens(t0) + rate * (t - t0))
  b.tokens = std::min(capacity, b.tokens + rate_ * static_cast<double>(now_ms - b.last_ms) / 1000.0);
  b.last_ms = now_ms;
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

}  // namespace hearsay::serve
