#include "fuse/clusters.h"

#include "hearsay/predicate.h"

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "common/union_find.h"
#include "fuse/dates.h"

namespace hearsay::fuse {
namespace {

constexpr int64_t kOpenStart = std::numeric_limits<int64_t>::min();
constexpr int64_t kOpenEnd = std::numeric_limits<int64_t>::max();

std::string FoldText(const std::string& text) {
  std::string out;
  bool space = false;
  for (unsigned char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' '), space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  return out;
}

struct Span {
  int64_t first = kOpenStart, last = kOpenEnd;
  bool timed = false;
};

Span ClaimSpan(const Claim& c) {
  Span s;
  if (c.time_from)
    if (auto d = ParseIsoDay(*c.time_from)) s.first = *d, s.timed = true;
  if (c.time_to)
    if (auto d = ParseIsoDay(*c.time_to, /*last_day=*/true)) s.last = *d, s.timed = true;
  return s;
}

bool Overlaps(uint32_t a_begin, uint32_t a_end, uint32_t b_begin, uint32_t b_end) {
  return a_begin < b_end && b_begin < a_end;
}

}  // namespace

std::vector<std::vector<uint32_t>> DuplicateNeighbours(size_t n_docs, const std::vector<DuplicatePair>& pairs) {
  std::vector<std::vector<uint32_t>> adj(n_docs);
  for (const DuplicatePair& p : pairs) {
    if (p.a >= n_docs || p.b >= n_docs) continue;
    adj[p.a].push_back(p.b);
    adj[p.b].push_back(p.a);
  }
  return adj;
}

std::vector<ClaimKeyRow> ClaimKeysOf(const DocumentAnalysis& analysis) {
  std::vector<ClaimKeyRow> out;
  const auto in_range = [&](int32_t local) { return local >= 0 && static_cast<size_t>(local) < analysis.local_entities.size(); };
  for (uint32_t c = 0; c < analysis.claims.size(); ++c) {
    const Claim& claim = analysis.claims[c];
    if (claim.predicate == Predicate::kNone || !in_range(claim.subject_entity)) continue;
    ClaimKeyRow row;
    row.claim = c;
    row.predicate = claim.predicate;
    row.subject = claim.subject_entity;
    row.object = in_range(claim.object_entity) ? claim.object_entity : -1;
    if (claim.object_text) row.object_text = FoldText(*claim.object_text);
    if (claim.value) row.value = FoldText(*claim.value);
    row.symmetric = IsSymmetric(claim.predicate);
    out.push_back(std::move(row));
  }
  return out;
}

ClaimKey ClaimKeyOf(const ClaimKeyRow& row, int32_t subject, int32_t object) {
  if (object >= 0 && row.symmetric && object < subject) std::swap(object, subject);
  return {row.predicate, subject, object, object >= 0 ? std::string() : row.object_text, row.value};
}

namespace {

// The text of a claim key for hashing: each part after its length, so no two keys meet.
std::string KeyText(const ClaimKey& k) {
  std::string out;
  const std::string predicate(PredicateName(k.predicate));
  for (const std::string* part : {&predicate, &k.object_text, &k.value}) out += std::to_string(part->size()) + ':' + *part;
  return out + std::to_string(k.subject) + ',' + std::to_string(k.object);
}

// corpus.clusters (ids, subject, predicate, object, value, claims) and claim_cluster: the
// claims of one key, in corpus order, joined into time-compatible sub-clusters.
void AssignClusters(FuseContext& ctx, const std::vector<std::vector<ClaimRef>>* key_groups) {
  CorpusAnalysis& corpus = ctx.corpus;
  const size_t n_docs = ctx.analyses.size();
  struct Sub {
    int32_t cluster = -1;
    Span span;  // hull of the timed members
  };
  // The claims' keys grouped in memory (by_key), or the groups given (group_of a claim, -1:
  // its key is its own).
  std::unordered_map<std::string, std::vector<Sub>> by_key;
  std::vector<std::vector<Sub>> subs_of_group(key_groups ? key_groups->size() : 0);
  std::vector<std::vector<int32_t>> group_of(key_groups ? n_docs : 0);
  for (size_t d = 0; d < group_of.size(); ++d) group_of[d].assign(ctx.analyses[d].claims.size(), -1);
  for (size_t g = 0; g < subs_of_group.size(); ++g)
    for (const ClaimRef& r : (*key_groups)[g])
      if (r.doc_idx < group_of.size() && r.claim_idx < group_of[r.doc_idx].size()) group_of[r.doc_idx][r.claim_idx] = static_cast<int32_t>(g);
  for (uint32_t d = 0; d < n_docs; ++d) {
    const auto& claims = ctx.analyses[d].claims;
    corpus.claim_cluster[d].assign(claims.size(), -1);
    for (const ClaimKeyRow& row : ClaimKeysOf(ctx.analyses[d])) {
      const uint32_t c = row.claim;
      const Claim& claim = claims[c];
      int32_t subject = ctx.Global(d, row.subject);
      if (subject < 0) continue;
      ClaimKey key = ClaimKeyOf(row, subject, ctx.Global(d, row.object));
      std::vector<Sub> own;
      std::vector<Sub>& subs = !key_groups ? by_key[KeyText(key)] : group_of[d][c] >= 0 ? subs_of_group[group_of[d][c]] : own;
      Span span = claim.predicate == Predicate::kAge ? Span{} : ClaimSpan(claim);
      Sub* target = nullptr;
      for (Sub& s : subs) {
        if (!span.timed || !s.span.timed || (span.first <= s.span.last && s.span.first <= span.last)) {
          target = &s;
          break;
        }
      }
      if (!target) {
        subs.push_back(Sub{static_cast<int32_t>(corpus.clusters.size()), Span{}});
        target = &subs.back();
        ClaimCluster k;
        k.id = "k" + std::to_string(corpus.clusters.size() + 1);
        k.subject = corpus.entities[key.subject].id;
        k.predicate = claim.predicate;
        if (key.object >= 0) k.object = corpus.entities[key.object].id;
        else if (claim.object_text) k.object = *claim.object_text;
        k.value = claim.value;
        corpus.clusters.push_back(std::move(k));
      }
      if (span.timed) {
        if (!target->span.timed) target->span = span;
        target->span.first = std::min(target->span.first, span.first);
        target->span.last = std::max(target->span.last, span.last);
        target->span.timed = true;
      }
      corpus.claim_cluster[d][c] = target->cluster;
      corpus.clusters[target->cluster].claims.push_back(ClaimRef{d, c});
    }
  }
}

}  // namespace

void BuildClusters(FuseContext& ctx, const std::vector<std::vector<uint32_t>>& dup_adj,
                   const std::vector<std::vector<ClaimRef>>* key_groups) {
  CorpusAnalysis& corpus = ctx.corpus;
  const size_t n_docs = ctx.analyses.size();
  corpus.clusters.clear();
  corpus.claim_cluster.assign(n_docs, {});
  AssignClusters(ctx, key_groups);

  // ---- per cluster: documents in report order, outlets, origin groups ------------------
  auto report_before = [&](uint32_t a, uint32_t b) {
    std::optional<int64_t> da = ctx.EffectiveDay(a), db = ctx.EffectiveDay(b);
    int64_t ka = da ? *da : kOpenEnd, kb = db ? *db : kOpenEnd;
    if (ka != kb) return ka < kb;
    if (ctx.docs[a].ingest_seq != ctx.docs[b].ingest_seq) return ctx.docs[a].ingest_seq < ctx.docs[b].ingest_seq;
    return a < b;
  };
  for (ClaimCluster& k : corpus.clusters) {
    std::vector<uint32_t> docs;
    for (const ClaimRef& r : k.claims)
      if (docs.empty() || docs.back() != r.doc_idx) docs.push_back(r.doc_idx);
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    std::sort(docs.begin(), docs.end(), report_before);
    k.documents = docs;
    k.first_doc = docs.front();
    k.first_date = ctx.docs[k.first_doc].published;
    k.outlets.clear();
    std::unordered_set<std::string_view> seen_outlets;
    for (uint32_t d : docs)
      if (!ctx.outlet[d].empty() && seen_outlets.insert(ctx.outlet[d]).second) k.outlets.push_back(ctx.outlet[d]);

    // Union-find over the cluster's documents (0..docs.size()-1) and outlet keys.
    UnionFind uf;
    std::unordered_map<uint32_t, uint32_t> node_of_doc;
    std::unordered_map<std::string, uint32_t> node_of_outlet;
    std::unordered_map<std::string, size_t> first_pos_of_outlet;  // earliest member of each outlet
    for (size_t i = 0; i < docs.size(); ++i) {
      node_of_doc[docs[i]] = uf.Add();
      const std::string& key = ctx.outlet_key[docs[i]];
      if (key.empty()) continue;
      auto [it, fresh] = node_of_outlet.emplace(key, 0);
      if (fresh) it->second = uf.Add(), first_pos_of_outlet[key] = i;
      uf.Union(node_of_doc[docs[i]], it->second);  // (b) same outlet
    }
    auto relay = [&](uint32_t doc, const std::string& outlet_name) {
      std::string key = OutletKey(outlet_name);
      if (key.empty() || key == ctx.outlet_key[doc]) return;
      auto [it, fresh] = node_of_outlet.emplace(key, 0);
      if (fresh) it->second = uf.Add();
      uf.Union(node_of_doc[doc], it->second);
    };
    std::vector<uint8_t> affirms(docs.size(), 0);
    std::unordered_map<uint32_t, size_t> pos_of_doc;
    for (size_t i = 0; i < docs.size(); ++i) pos_of_doc[docs[i]] = i;
    for (const ClaimRef& r : k.claims) {
      const Claim& claim = ctx.ClaimAt(r);
      if (claim.polarity == Polarity::kAffirmed) affirms[pos_of_doc[r.doc_idx]] = 1;
      // (c) the claim's own source passed through an outlet
      if (claim.source.via_outlet) relay(r.doc_idx, *claim.source.via_outlet);
      if (claim.source.kind == SourceKind::kOutlet) relay(r.doc_idx, claim.source.text);
      for (const CitedOutlet& cited : ctx.analyses[r.doc_idx].citations) {
        bool in_evidence = Overlaps(cited.byte_begin, cited.byte_end, claim.evidence_byte_begin, claim.evidence_byte_end);
        auto earlier = first_pos_of_outlet.find(OutletKey(cited.outlet));
        bool names_origin = earlier != first_pos_of_outlet.end() && earlier->second < pos_of_doc[r.doc_idx];
        if (in_evidence || names_origin) relay(r.doc_idx, cited.outlet);
      }
    }
    // (a) near-duplicates
    for (size_t i = 0; i < docs.size(); ++i)
      for (uint32_t other : dup_adj[docs[i]]) {
        auto it = node_of_doc.find(other);
        if (it != node_of_doc.end()) uf.Union(node_of_doc[docs[i]], it->second);
      }

    bool any_affirms = std::find(affirms.begin(), affirms.end(), 1) != affirms.end();
    std::unordered_set<uint32_t> roots;
    std::unordered_map<uint32_t, int32_t> origin_of_root;
    k.rereport_of.assign(docs.size(), -1);
    for (size_t i = 0; i < docs.size(); ++i) {
      uint32_t root = uf.Find(node_of_doc[docs[i]]);
      if (!any_affirms || affirms[i]) roots.insert(root);
      auto [it, fresh] = origin_of_root.emplace(root, static_cast<int32_t>(docs[i]));
      if (!fresh) k.rereport_of[i] = it->second;
    }
    k.independent_sources = static_cast<uint32_t>(roots.size());
  }
}

namespace {
bool SharePeople(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

// Near-duplicates as provenance: the later copy points at the earlier one (publication
// date, then ingest order).
void AddDuplicateEdges(FuseContext& ctx, const std::vector<DuplicatePair>& pairs) {
  for (const DuplicatePair& p : pairs) {
    uint32_t earlier = p.a, later = p.b;
    std::optional<int64_t> da = ctx.EffectiveDay(p.a), db = ctx.EffectiveDay(p.b);
    if ((da && db && *db < *da) || (!da && db) ||
        ((da == db) && ctx.docs[p.b].ingest_seq < ctx.docs[p.a].ingest_seq))
      std::swap(earlier, later);
    char sim[32];
    std::snprintf(sim, sizeof sim, "%.2f", p.similarity);
    ProvenanceEdge e;
    e.doc_idx = later;
    e.outlet = ctx.outlet[earlier].empty() ? ctx.docs[earlier].id : ctx.outlet[earlier];
    e.kind = ProvenanceKind::kNearDuplicate;
    e.evidence = std::string("near-duplicate of ") + ctx.docs[earlier].id + " (" + ctx.DocLabel(earlier) +
                 "): word 3-shingle Jaccard " + sim;
    e.target_doc = static_cast<int32_t>(earlier);
    ctx.corpus.provenance.push_back(std::move(e));
  }
}
}  // namespace

void BuildProvenance(FuseContext& ctx, const std::vector<DuplicatePair>& pairs) {
  CorpusAnalysis& corpus = ctx.corpus;
  const size_t n_docs = ctx.analyses.size();
  constexpr int64_t kUndated = std::numeric_limits<int64_t>::max();
  auto day_of = [&](uint32_t d) { return ctx.EffectiveDay(d).value_or(kUndated); };
  // Documents of each outlet by date; the earliest document of each (cluster, outlet).
  std::unordered_map<std::string, std::vector<std::pair<int64_t, uint32_t>>> docs_of_outlet;
  for (uint32_t d = 0; d < n_docs; ++d)
    if (!ctx.outlet_key[d].empty()) docs_of_outlet[ctx.outlet_key[d]].emplace_back(day_of(d), d);
  for (auto& [key, v] : docs_of_outlet) std::sort(v.begin(), v.end());
  std::unordered_map<std::string, uint32_t> first_in_cluster;  // "k\x1foutlet" -> doc
  std::vector<std::vector<uint32_t>> clusters_of_doc(n_docs);
  for (uint32_t k = 0; k < corpus.clusters.size(); ++k)
    for (uint32_t d : corpus.clusters[k].documents) {
      clusters_of_doc[d].push_back(k);
      if (!ctx.outlet_key[d].empty()) first_in_cluster.emplace(std::to_string(k) + '\x1f' + ctx.outlet_key[d], d);
    }

  // Per document, the global person entities it names (sorted), for citation targets.
  std::vector<std::vector<int32_t>> people_of_doc(n_docs);
  for (uint32_t d = 0; d < n_docs; ++d) {
    if (ctx.analyses[d].citations.empty() && docs_of_outlet.find(ctx.outlet_key[d]) == docs_of_outlet.end()) continue;
    const auto& locals = ctx.analyses[d].local_entities;
    for (uint32_t l = 0; l < locals.size(); ++l) {
      int32_t g = ctx.Global(d, static_cast<int32_t>(l));
      if (g >= 0 && locals[l].type == EntityType::kPerson) people_of_doc[d].push_back(g);
    }
    std::sort(people_of_doc[d].begin(), people_of_doc[d].end());
  }
  for (uint32_t d = 0; d < n_docs; ++d) {
    const int64_t day = day_of(d);
    for (const CitedOutlet& c : ctx.analyses[d].citations) {
      ProvenanceEdge e{d, c.outlet, c.kind, ctx.Slice(d, c.byte_begin, c.byte_end)};
      const std::string key = OutletKey(c.outlet);
      auto it = docs_of_outlet.find(key);
      if (it != docs_of_outlet.end() && key != ctx.outlet_key[d]) {
        // The earliest article of that outlet that carries one of this document's claims...
        int64_t best_day = kUndated;
        for (uint32_t k : clusters_of_doc[d]) {
          auto f = first_in_cluster.find(std::to_string(k) + '\x1f' + key);
          if (f == first_in_cluster.end()) continue;
          int64_t fd = day_of(f->second);
          if (fd <= day && (e.target_doc < 0 || fd < best_day)) e.target_doc = static_cast<int32_t>(f->second), best_day = fd;
        }
        // ...else its latest article published on or before this one that names one of this
        // document's people (at most kMaxLookBack tried): a citation of an outlet leads to an
        // article about the same people, never to whatever that outlet printed last.
        if (e.target_doc < 0) {
          constexpr int kMaxLookBack = 32;
          const auto& v = it->second;
          auto after = std::upper_bound(v.begin(), v.end(), std::make_pair(day, std::numeric_limits<uint32_t>::max()));
          for (int tried = 0; after != v.begin() && tried < kMaxLookBack; ++tried) {
            --after;
            if (after->second != d && SharePeople(people_of_doc[d], people_of_doc[after->second])) {
              e.target_doc = static_cast<int32_t>(after->second);
              break;
            }
          }
        }
      }
      corpus.provenance.push_back(std::move(e));
    }
  }
  AddDuplicateEdges(ctx, pairs);
}

}  // namespace hearsay::fuse
