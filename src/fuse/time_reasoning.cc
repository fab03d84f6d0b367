#include "fuse/time_reasoning.h"

#include <algorithm>
#include <optional>
#include <cstdlib>
#include <unordered_map>

#include "fuse/dates.h"

namespace hearsay::fuse {

DayRange BirthWindowFromAge(int64_t as_of, int age_lo, int age_hi) {
  return DayRange{AddYears(as_of, -(age_hi + 1)) + 1, AddYears(as_of, -age_lo)};
}

DayRange DaysAtAge(const DayRange& birth, int age_lo, int age_hi) {
  return DayRange{AddYears(birth.first, age_lo), AddYears(birth.last, age_hi + 1) - 1};
}

Consensus DeepestOverlap(const std::vector<DayRange>& ranges) {
  Consensus out;
  if (ranges.empty()) return out;
  // Sweep: +1 at first, −1 after last; starts before ends on the same day.
  std::vector<std::pair<int64_t, int>> events;
  events.reserve(ranges.size() * 2);
  for (const DayRange& r : ranges) {
    if (r.empty()) continue;
    events.emplace_back(r.first, -1);     // sorts before an end on the same day
    events.emplace_back(r.last + 1, +1);  // the day after the range
  }
  std::sort(events.begin(), events.end());
  int depth = 0, best = 0;
  int64_t best_day = 0;
  for (const auto& [day, kind] : events) {
    depth -= kind;  // a start is -1 (adds one), an end +1 (removes one)
    if (depth > best) best = depth, best_day = day;
  }
  if (best == 0) return out;
  out.range = DayRange{INT64_MIN, INT64_MAX};
  for (size_t i = 0; i < ranges.size(); ++i) {
    const DayRange& r = ranges[i];
    if (r.empty() || r.first > best_day || r.last < best_day) continue;
    out.members.push_back(i);
    out.range.first = std::max(out.range.first, r.first);
    out.range.last = std::min(out.range.last, r.last);
  }
  return out;
}

std::optional<std::pair<int, int>> ParseAgeValue(const std::string& value) {
  int lo = -1, hi = -1;
  size_t i = 0;
  auto number = [&](int* out) {
    size_t start = i;
    int v = 0;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9' && i - start < 3) v = v * 10 + (value[i++] - '0');
    if (i == start) return false;
    *out = v;
    return true;
  };
  while (i < value.size() && value[i] == ' ') ++i;
  if (!number(&lo)) return std::nullopt;
  hi = lo;
  while (i < value.size() && value[i] == ' ') ++i;
  if (i < value.size() && value[i] == '-') {
    ++i;
    while (i < value.size() && value[i] == ' ') ++i;
    if (!number(&hi)) return std::nullopt;
  }
  while (i < value.size() && value[i] == ' ') ++i;
  if (i != value.size() || hi < lo || hi > 130) return std::nullopt;
  return std::make_pair(lo, hi);
}

}  // namespace hearsay::fuse

namespace hearsay::fuse {
namespace {

struct AgeObservation {
  ClaimRef claim;
  int32_t entity = -1;
  int age_lo = 0, age_hi = 0;
  bool inferred = false;  // the subject came from a descriptor or pronoun, not a name
};

std::string AgeText(const AgeObservation& o) {
  return o.age_lo == o.age_hi ? std::to_string(o.age_lo) : std::to_string(o.age_lo) + "-" + std::to_string(o.age_hi);
}

std::string RangeText(const DayRange& r) { return FormatIsoDay(r.first) + ".." + FormatIsoDay(r.last); }

// A person's birth window from the windows of their dated ages (`ids` into `obs`, parallel
// to `windows`): the deepest overlap of the ages stated next to the name, narrowed by each
// inferred age ("the 62-year-old actor") that agrees with it, in corpus order. Inferred
// ages decide only when no age is stated next to the name; they are never members that
// make a named age stale.
Consensus NamedFirstConsensus(const std::vector<AgeObservation>& obs, const std::vector<size_t>& ids,
                              const std::vector<DayRange>& windows) {
  std::vector<size_t> named;
  std::vector<DayRange> named_windows;
  for (size_t m = 0; m < ids.size(); ++m)
    if (!obs[ids[m]].inferred) named.push_back(m), named_windows.push_back(windows[m]);
  if (named.empty()) return DeepestOverlap(windows);
  Consensus named_best = DeepestOverlap(named_windows);
  Consensus best;
  best.range = named_best.range;
  for (size_t k : named_best.members) best.members.push_back(named[k]);
  for (size_t m = 0; m < ids.size(); ++m) {
    if (!obs[ids[m]].inferred) continue;
    DayRange both{std::max(best.range.first, windows[m].first), std::min(best.range.last, windows[m].last)};
    if (both.empty()) continue;
    best.range = both;
    best.members.push_back(m);
  }
  std::sort(best.members.begin(), best.members.end());
  return best;
}

}  // namespace

namespace {

// Every affirmed age claim about a resolved person.
std::vector<AgeObservation> CollectAgeObservations(const FuseContext& ctx) {
  std::vector<AgeObservation> obs;
  for (uint32_t d = 0; d < ctx.analyses.size(); ++d) {
    const auto& claims = ctx.analyses[d].claims;
    for (uint32_t c = 0; c < claims.size(); ++c) {
      const Claim& claim = claims[c];
      if (claim.predicate != Predicate::kAge || claim.polarity != Polarity::kAffirmed || !claim.value) continue;
      int32_t g = ctx.Global(d, claim.subject_entity);
      auto age = ParseAgeValue(*claim.value);
      if (g < 0 || !age) continue;
      obs.push_back(AgeObservation{ClaimRef{d, c}, g, age->first, age->second, claim.subject_inferred});
    }
  }
  return obs;
}

// A person's birth window from the consensus of dated age statements.
struct Birth {
  DayRange range;
  size_t support = 0;  // dated age statements that agree
};

// The member of a consensus published nearest to `day` (the earlier one wins a tie);
// member_days is sorted by day.
size_t NearestMember(const std::vector<std::pair<int64_t, size_t>>& member_days, int64_t day) {
  auto after = std::lower_bound(member_days.begin(), member_days.end(), std::make_pair(day, size_t{0}));
  auto pick = after == member_days.end() ? std::prev(after) : after;
  if (after != member_days.begin() && after != member_days.end() && day - std::prev(after)->first <= after->first - day)
    pick = std::prev(after);
  return pick->second;
}

// Person g's birth window from its dated observations `ids`; the ones that disagree are
// stale (appended to *stale) or, said of a descriptor, left out. Sets the entity's window.
std::optional<Birth> BirthOf(FuseContext& ctx, const std::vector<AgeObservation>& obs, const std::vector<size_t>& ids,
                             int32_t g, std::vector<StaleAge>* stale) {
  std::vector<DayRange> windows;
  for (size_t i : ids) {
    const AgeObservation& o = obs[i];
    windows.push_back(BirthWindowFromAge(*ctx.published_day[o.claim.doc_idx], o.age_lo, o.age_hi));
  }
  Consensus best = NamedFirstConsensus(obs, ids, windows);
  if (best.members.empty()) return std::nullopt;
  DateWindow w;
  w.earliest = FormatIsoDay(best.range.first);
  w.latest = FormatIsoDay(best.range.last);
  std::vector<uint8_t> in(ids.size(), 0);
  // Members by publication day, so a stale age finds its nearest supporter by binary search.
  std::vector<std::pair<int64_t, size_t>> member_days;
  member_days.reserve(best.members.size());
  for (size_t m : best.members) member_days.emplace_back(*ctx.published_day[obs[ids[m]].claim.doc_idx], m);
  std::sort(member_days.begin(), member_days.end());
  auto said = [&](const AgeObservation& o) {
    return "aged " + AgeText(o) + " on " + *ctx.docs[o.claim.doc_idx].published + " (" + ctx.DocLabel(o.claim.doc_idx) + ")";
  };
  for (size_t m : best.members) {
    in[m] = 1;
    w.basis.push_back(said(obs[ids[m]]) + ": born " + RangeText(windows[m]));
  }
  for (size_t m = 0; m < ids.size(); ++m) {
    if (in[m]) continue;
    const AgeObservation& o = obs[ids[m]];
    if (o.inferred) {
      // Most likely the age of someone else the descriptor was taken for: not a stale age.
      w.basis.push_back("left out: " + said(o) + " is said of an unnamed \"the N-year-old\" taken to be " +
                        ctx.EntityName(g) + ", and disagrees with the named ages");
      continue;
    }
    size_t nearest = NearestMember(member_days, *ctx.published_day[o.claim.doc_idx]);
    w.basis.push_back("left out as stale: " + said(o) + " would mean born " + RangeText(windows[m]));
    stale->push_back(StaleAge{g, o.claim, obs[ids[nearest]].claim, windows[m], best.range, best.members.size()});
  }
  ctx.corpus.entities[g].birth_window = std::move(w);
  return Birth{best.range, best.members.size()};
}

// Undated documents: each age claim about a person with a birth window bounds the date.
void EstimateUndated(FuseContext& ctx, const std::vector<AgeObservation>& obs,
                     const std::unordered_map<int32_t, Birth>& birth) {
  ctx.corpus.estimated_published.resize(ctx.analyses.size());
  std::unordered_map<uint32_t, std::vector<size_t>> undated_of;
  std::vector<uint32_t> undated_docs;
  for (size_t i = 0; i < obs.size(); ++i) {
    uint32_t d = obs[i].claim.doc_idx;
    if (ctx.published_day[d] || !birth.count(obs[i].entity)) continue;
    auto [it, fresh] = undated_of.emplace(d, std::vector<size_t>{});
    if (fresh) undated_docs.push_back(d);
    it->second.push_back(i);
  }
  for (uint32_t d : undated_docs) {
    const std::vector<size_t>& ids = undated_of[d];
    std::vector<DayRange> ranges;
    for (size_t i : ids) ranges.push_back(DaysAtAge(birth.at(obs[i].entity).range, obs[i].age_lo, obs[i].age_hi));
    Consensus best = DeepestOverlap(ranges);
    if (best.members.empty()) continue;
    DateWindow w;
    w.earliest = FormatIsoDay(best.range.first);
    w.latest = FormatIsoDay(best.range.last);
    std::vector<uint8_t> in(ids.size(), 0);
    for (size_t m : best.members) in[m] = 1;
    for (size_t m = 0; m < ids.size(); ++m) {
      const AgeObservation& o = obs[ids[m]];
      const Birth& b = birth.at(o.entity);
      std::string text = ctx.EntityName(o.entity) + " is " + AgeText(o) + " here; born " + RangeText(b.range) + " (" +
                         std::to_string(b.support) + " dated age statements), so published " + RangeText(ranges[m]);
      w.basis.push_back(in[m] ? text : "left out (disagrees with the others): " + text);
    }
    ctx.corpus.estimated_published[d] = std::move(w);
  }
}

}  // namespace

std::vector<StaleAge> ApplyTimeReasoning(FuseContext& ctx) {
  std::vector<AgeObservation> obs = CollectAgeObservations(ctx);
  // Dated observations per person, in corpus order.
  std::unordered_map<int32_t, std::vector<size_t>> dated_of;
  std::vector<int32_t> people;
  for (size_t i = 0; i < obs.size(); ++i) {
    if (!ctx.published_day[obs[i].claim.doc_idx]) continue;
    auto [it, fresh] = dated_of.emplace(obs[i].entity, std::vector<size_t>{});
    if (fresh) people.push_back(obs[i].entity);
    it->second.push_back(i);
  }
  std::vector<StaleAge> stale;
  std::unordered_map<int32_t, Birth> birth;
  for (int32_t g : people)
    if (std::optional<Birth> b = BirthOf(ctx, obs, dated_of[g], g, &stale)) birth[g] = *b;
  EstimateUndated(ctx, obs, birth);
  return stale;
}

}  // namespace hearsay::fuse
