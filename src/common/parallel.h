#pragma once
// ParallelFor: runs fn(i) for i in [0, n) on `jobs` threads (jobs <= 1: the calling
// thread). Work is handed out in index order by an atomic counter; results must be
// written into per-index slots so output does not depend on scheduling.
#include <cstddef>
#include <functional>

namespace hearsay {

// Number of hardware threads, at least 1.
int DefaultJobs();

void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn);

}  // namespace hearsay
