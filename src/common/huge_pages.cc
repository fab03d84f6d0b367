#include "common/huge_pages.h"

#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace hearsay {
namespace {
constexpr size_t kHugePage = size_t{2} << 20;
}  // namespace

void* AllocateHuge(size_t bytes) {
  if (bytes < kHugePage) return ::operator new(bytes);
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (!p) throw std::bad_alloc();
  madvise(p, rounded, MADV_HUGEPAGE);  // a refusal leaves ordinary pages
  return p;
}

void FreeHuge(void* p, size_t bytes) {
  if (bytes < kHugePage) {
    ::operator delete(p);
    return;
  }
  std::free(p);
}

}  // namespace hearsay
