#pragma once
// ParallelFor: runs fn(i) for i in [0, n) on `jobs` threads (jobs <= 1: the calling
// thread). Work is handed out in index order by an atomic counter; results must be
// written into per-index slots so output does not depend on scheduling. An exception
// thrown by fn (std::bad_alloc under a memory limit) stops the hand-out of further
// indices and is rethrown in the caller once every thread has joined.
#include <cstddef>
#include <functional>

namespace hearsay {

// Number of hardware threads, at least 1.
int DefaultJobs();

void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn);

}  // namespace hearsay
