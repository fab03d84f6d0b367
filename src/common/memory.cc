#include "common/memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace hearsay {

void ReturnFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

void KeepRecordsApartFromTemporaries(size_t large_bytes) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(large_bytes));
#else
  (void)large_bytes;
#endif
}

}  // namespace hearsay
