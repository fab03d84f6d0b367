#pragma once
// Giving freed heap memory back to the system between the phases of a long run.
//
// glibc keeps what a program frees inside its arenas (one per thread that allocated), and
// returns to the kernel only the free top of the main arena. A run that holds small
// records for every document while worker threads allocate and free large temporaries
// (trees, tokens, encoded analyses) leaves whole free pages between the records it keeps:
// resident, never used again. ReturnFreedMemory hands every whole free page of every
// arena back (glibc's malloc_trim), so peak resident memory follows what is held.
//
// No value changes; only resident memory. Costs a walk over the free lists (milliseconds),
// so call it between phases or batches, not per record. A no-op where the C library has
// no malloc_trim. Thread safety: may be called from any thread at any time.

#include <cstddef>

namespace hearsay {

void ReturnFreedMemory();

// Sets glibc's allocator for a long run that holds small records for every document while
// its threads allocate and free large temporaries: a block of `large_bytes` or more gets
// pages of its own, given back when it is freed (M_MMAP_THRESHOLD set once, so glibc no
// longer raises it to the largest block freed, up to 32 MB, which puts later temporaries
// between the records and leaves partly used pages behind). Process-wide: call while no
// other thread allocates, before the phase that holds the records. No value changes; `hearsay analyze`
// over the 10,200 GossipCop articles peaks about 8% lower (docs/scale.md). A no-op where
// the C library has no mallopt.
void KeepRecordsApartFromTemporaries(size_t large_bytes = size_t{128} << 10);

}  // namespace hearsay
