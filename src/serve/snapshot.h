#pragma once
// What the server keeps in memory per graph, so that the lists every page opens answer
// in well under a millisecond whatever the store's size: the document index (sorted by
// date), the contradictions with both sides resolved, the outlets table, the table counts
// and each entity's claims in timeline order. Built from the store when the server starts
// and again when the graph changes (graph_meta graph_run_id, checked at most once a
// second); a snapshot itself is immutable.
//
//   auto s = Snapshot::Build(db);                 // Result<std::shared_ptr<const Snapshot>>
//   for (const DocEntry& d : (*s)->documents) ...
//
// Thread safety: a built Snapshot is read-only and may be shared by all threads.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "serve/db.h"

namespace hearsay::serve {

struct DocEntry {
  int64_t seq = 0;
  std::string published;  // "" when undated
  std::string outlet;     // "" when unknown
  std::string title_lower;
  Json row;               // the list row of /api/documents
};

struct Snapshot {
  std::string graph_key;            // graph_meta graph_run_id it was built for
  Json stats;                       // table counts
  std::vector<DocEntry> documents;  // newest first, undated last, then by seq
  Json contradictions;              // array, most confident first, with a_detail/b_detail
  Json outlets;                     // array (api_outlets.cc), most documents first
  // entity id -> its claims (as subject or object) in timeline order: the time the claim
  // is about, else its article's date; undated last.
  std::map<std::string, std::vector<std::string>> timeline;

  static Result<std::shared_ptr<const Snapshot>> Build(Db& db);
};

// The outlets table of a snapshot (api_outlets.cc).
Result<Json> BuildOutletTable(Db& db);
// Both sides of every contradiction (api_graph.cc).
Result<Json> BuildContradictions(Db& db);

}  // namespace hearsay::serve
