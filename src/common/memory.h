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

namespace hearsay {

void ReturnFreedMemory();

}  // namespace hearsay
