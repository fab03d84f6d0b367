#pragma once
// An allocator for large read-mostly tables (model weights scored by hashed lookups).
// Arrays of 2 MB or more are placed on 2 MB boundaries and the kernel is asked for
// transparent huge pages (madvise), so a random lookup in a table of tens of megabytes
// misses the TLB far less; smaller arrays use operator new. Advice only: where huge pages
// are off the memory is ordinary, and no value ever depends on it.
//
//   hearsay::HugeVector<uint32_t> table(size_t{1} << 22, 0);

#include <cstddef>
#include <vector>

namespace hearsay {

void* AllocateHuge(size_t bytes);  // throws std::bad_alloc
void FreeHuge(void* p, size_t bytes);

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT(google-explicit-constructor)
  T* allocate(size_t n) { return static_cast<T*>(AllocateHuge(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { FreeHuge(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace hearsay
