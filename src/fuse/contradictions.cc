#include "fuse/contradictions.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "common/utf8.h"
#include "hearsay/predicate.h"
#include "fuse/clusters.h"
#include "fuse/dates.h"

namespace hearsay::fuse {
namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr size_t kMaxPerPerson = 10;      // partner conflicts reported per person
constexpr size_t kMaxPartnerStates = 64;  // partner clusters examined per person

// The rule table. A denial of `denied` with no object excludes, for the same person and
// overlapping time, the affirmed `states` (which hold over their time range) and the
// `ended` events (a split or divorce at a known time means the relation held then);
// `inverse` predicates count with the person as their object (x child_of s: s is a parent).
// `timeless`: the denied state, once true, stays true ("has no children").
struct ExclusionRule {
  Predicate denied;
  std::vector<Predicate> states;
  std::vector<Predicate> ended;
  std::vector<Predicate> inverse;
  bool timeless;
};
const std::vector<ExclusionRule>& ExclusionRules() {
  using P = Predicate;
  static const std::vector<ExclusionRule> kExclusionRules = {
      {P::kDating, {P::kDating, P::kEngagedTo, P::kSpouseOf}, {P::kSplitFrom, P::kDivorcedFrom}, {}, false},
      {P::kEngagedTo, {P::kEngagedTo}, {}, {}, false},
      {P::kSpouseOf, {P::kSpouseOf}, {P::kDivorcedFrom}, {}, false},
      {P::kParentOf, {P::kParentOf}, {}, {P::kChildOf, P::kAdoptedChildOf}, true},
  };
  return kExclusionRules;
}
std::string Phrase(Predicate p) { return std::string(Traits(p).phrase); }

// A denied claim with no object, in words: dating -> "has not dated anyone".
std::string DeniedAlonePhrase(Predicate p) {
  if (!Traits(p).denied_alone.empty()) return std::string(Traits(p).denied_alone);
  return "denies " + Phrase(p) + " anyone";
}

std::string Cut(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // not inside a UTF-8 sequence
  return s.substr(0, n) + "…";
}

std::string RangeText(int64_t first, int64_t last) {
  std::string a = first == kMin ? "…" : FormatIsoDay(first);
  std::string b = last == kMax ? "…" : FormatIsoDay(last);
  return a == b ? a : a + ".." + b;
}

// A claim fusion compares: affirmed or denied as a statement (asserted, or reported by a
// source), not a rumour, a hedge or a question, and not a relation that has ended.
bool Firm(const Claim& c) {
  return (c.modality == Modality::kAsserted || c.modality == Modality::kReported) && !c.ended;
}

// Evidence weight of one side, 0..1: who says it x how firmly x how sure the reading is.
//   source: named on record 0.95, the article's own voice 0.85, an outlet 0.80, anonymous
//           0.70, unknown 0.60; modality: asserted 1, reported 0.9, hedged 0.6, speculative 0.3;
//   reading: a subject resolved from a descriptor or pronoun 0.8, else 1.
double SideWeight(const Claim& c) {
  double source = 0.6;
  switch (c.source.kind) {
    case SourceKind::kNamed: source = 0.95; break;
    case SourceKind::kAuthor: source = 0.85; break;
    case SourceKind::kOutlet: source = 0.80; break;
    case SourceKind::kAnonymous: source = 0.70; break;
    case SourceKind::kUnknown: source = 0.60; break;
  }
  double modality = 1.0;
  switch (c.modality) {
    case Modality::kAsserted: modality = 1.0; break;
    case Modality::kReported: modality = 0.9; break;
    case Modality::kHedged: modality = 0.6; break;
    case Modality::kSpeculative: modality = 0.3; break;
  }
  return source * modality * (c.subject_inferred ? 0.8 : 1.0);
}

// Confidence of a contradiction between claims x and y:
//   side(x) * side(y) * time, time = 1 when both state their time (or the predicate is
//   timeless), 0.85 when one does, 0.7 when both only hold on their publication day.
double PairConfidence(const Claim& x, const Claim& y, bool timeless) {
  int timed = (x.time_from || x.time_to ? 1 : 0) + (y.time_from || y.time_to ? 1 : 0);
  double time = timeless || timed == 2 ? 1.0 : timed == 1 ? 0.85 : 0.7;
  return SideWeight(x) * SideWeight(y) * time;
}

struct Finder {
  FuseContext& ctx;

  // What the claim says, in words: "Marisol Quenby is dating Teo Marchetti since 2025-08".
  std::string Sentence(const ClaimRef& ref) const {
    const Claim& c = ctx.ClaimAt(ref);
    int32_t object = ctx.Global(ref.doc_idx, c.object_entity);
    bool alone = object < 0 && !c.object_text && !c.value;
    std::string s = ctx.EntityName(ctx.Global(ref.doc_idx, c.subject_entity)) + " ";
    if (alone && c.polarity == Polarity::kDenied) {
      // A denial about the person alone: "has not dated anyone from 2012-01-01 to 2025-03-07".
      s += DeniedAlonePhrase(c.predicate);
      if (c.time_from && c.time_to && *c.time_from == *c.time_to) return s + " on " + *c.time_from;
      if (c.time_from) s += " from " + *c.time_from;
      if (c.time_to) s += (c.time_from ? " to " : " up to ") + *c.time_to;
      return s;
    }
    s += Phrase(c.predicate);
    if (object >= 0) s += " " + ctx.EntityName(object);
    else if (c.object_text) s += " " + *c.object_text;
    else if (alone) s += " someone";
    if (c.value) s += " " + *c.value;
    if (EndsRelation(c.predicate)) {
      // An event: when it happened.
      if (c.time_from && c.time_to) return s + " in " + (*c.time_from == *c.time_to ? *c.time_from : *c.time_from + ".." + *c.time_to);
      if (c.time_from || c.time_to) return s + " in " + c.time_from.value_or(c.time_to.value_or(""));
      return s;
    }
    if (c.time_from) s += " since " + *c.time_from;
    if (c.time_to) s += " until " + *c.time_to;
    if (c.modality == Modality::kSpeculative) s += " (as speculation)";
    if (c.modality == Modality::kHedged) s += " (hedged)";
    return s;
  }

  std::string Source(const ClaimRef& ref) const {
    const Claim& c = ctx.ClaimAt(ref);
    const Attribution& a = c.source;
    std::string s;
    switch (a.kind) {
      case SourceKind::kNamed: {
        int32_t g = ctx.Global(ref.doc_idx, a.entity_idx);
        s = (g >= 0 ? ctx.EntityName(g) : a.text) + ", on record";
        break;
      }
      case SourceKind::kAnonymous: s = "an anonymous source" + (a.text.empty() ? "" : " (\"" + a.text + "\")"); break;
      case SourceKind::kOutlet: s = "the outlet " + a.text; break;
      case SourceKind::kAuthor: s = "the article's own voice"; break;
      case SourceKind::kUnknown: s = "unattributed"; break;
    }
    if (a.via_outlet) s += ", via " + *a.via_outlet;
    return ctx.DocLabel(ref.doc_idx) + "; " + s;
  }

  std::string Evidence(const ClaimRef& ref) const {
    const Claim& c = ctx.ClaimAt(ref);
    std::string text = ctx.Slice(ref.doc_idx, c.evidence_byte_begin, c.evidence_byte_end);
    return text.empty() ? "" : " (\"" + Cut(text, 200) + "\")";
  }

  // The days the document speaks for: its publication day, else its estimated window.
  std::optional<std::pair<int64_t, int64_t>> DocDays(uint32_t d) const {
    if (ctx.published_day[d]) return std::make_pair(*ctx.published_day[d], *ctx.published_day[d]);
    if (d < ctx.corpus.estimated_published.size() && ctx.corpus.estimated_published[d]) {
      auto a = ParseIsoDay(ctx.corpus.estimated_published[d]->earliest);
      auto b = ParseIsoDay(ctx.corpus.estimated_published[d]->latest);
      if (a && b) return std::make_pair(*a, *b);
    }
    return std::nullopt;
  }

  // Time a state claim covers (see the header); empty when unknown.
  std::optional<std::pair<int64_t, int64_t>> StateDays(const ClaimRef& ref) const {
    const Claim& c = ctx.ClaimAt(ref);
    auto doc = DocDays(ref.doc_idx);
    std::optional<int64_t> from = c.time_from ? ParseIsoDay(*c.time_from) : std::nullopt;
    std::optional<int64_t> to = c.time_to ? ParseIsoDay(*c.time_to, true) : std::nullopt;
    if (!from && !doc) return std::nullopt;
    int64_t first = from ? *from : doc->first;
    int64_t last = to ? *to : doc ? doc->second : kMax;
    if (last < first) last = first;
    return std::make_pair(first, last);
  }
  // An ended relation (split, divorce): the time it ended, only when stated.
  std::optional<std::pair<int64_t, int64_t>> EventDays(const ClaimRef& ref) const {
    const Claim& c = ctx.ClaimAt(ref);
    if (!c.time_from && !c.time_to) return std::nullopt;
    auto a = ParseIsoDay(c.time_from ? *c.time_from : *c.time_to);
    auto b = ParseIsoDay(c.time_to ? *c.time_to : *c.time_from, true);
    if (!a || !b) return std::nullopt;
    return std::make_pair(*a, std::max(*a, *b));
  }
  // Time a denial covers: [time_from, time_to]; only an end ("never ... up to the article")
  // reaches back without limit, no time at all is the publication day (window); empty when
  // neither the claim nor its document has a time.
  std::optional<std::pair<int64_t, int64_t>> DenialDays(const ClaimRef& ref) const {
    const Claim& c = ctx.ClaimAt(ref);
    auto doc = DocDays(ref.doc_idx);
    std::optional<int64_t> from = c.time_from ? ParseIsoDay(*c.time_from) : std::nullopt;
    std::optional<int64_t> to = c.time_to ? ParseIsoDay(*c.time_to, true) : std::nullopt;
    if (!from && !to && !doc) return std::nullopt;
    int64_t first = from ? *from : to ? kMin : doc->first;
    int64_t last = to ? *to : doc ? doc->second : kMax;
    return std::make_pair(first, std::max(first, last));
  }

  void Add(std::string a, std::string b, ContradictionKind kind, std::string explanation, double confidence) {
    ctx.corpus.contradictions.push_back(
        Contradiction{std::move(a), std::move(b), kind, std::move(explanation), std::clamp(confidence, 0.0, 1.0)});
  }

  // Do two claims of one relation speak of overlapping times? A reported state is presumed
  // to last kStateHorizonDays after its report ("dating since August", reported in
  // September, is denied in October); times further apart speak of different periods.
  bool Overlap(const ClaimRef& x, const ClaimRef& y) const {
    constexpr int64_t kStateHorizonDays = 180;
    auto dx = StateDays(x), dy = StateDays(y);
    if (!dx || !dy) return true;
    return dx->first <= dy->second + kStateHorizonDays && dy->first <= dx->second + kStateHorizonDays;
  }

  // ---- polarity ---------------------------------------------------------------------
  // One proposition affirmed and denied at overlapping times, the denial firm (Firm above).
  // Across articles the affirmation is firm too; inside the denying article any affirmation
  // that has not ended counts, rumours included ("buzzing that they were an item" against
  // "strictly professional"): an intra-article conflict, its confidence lowered by the
  // rumour's modality.
  void Polarity() {
    for (const ClaimCluster& k : ctx.corpus.clusters) {
      std::unordered_map<uint32_t, size_t> rank;  // documents in report order
      for (size_t i = 0; i < k.documents.size(); ++i) rank[k.documents[i]] = i;
      std::vector<ClaimRef> affirmed;
      std::set<uint32_t> affirming_docs;
      for (const ClaimRef& r : k.claims) {
        const Claim& c = ctx.ClaimAt(r);
        if (c.polarity != Polarity::kAffirmed || c.ended) continue;
        affirmed.push_back(r);
        if (Firm(c)) affirming_docs.insert(r.doc_idx);
      }
      if (affirmed.empty()) continue;
      std::stable_sort(affirmed.begin(), affirmed.end(),
                       [&](const ClaimRef& a, const ClaimRef& b) { return rank[a.doc_idx] < rank[b.doc_idx]; });
      const bool timeless = IsTimeless(k.predicate);
      std::set<uint32_t> denying_docs;
      for (const ClaimRef& r : k.claims) {
        const Claim& d = ctx.ClaimAt(r);
        if (d.polarity != Polarity::kDenied || !Firm(d) || !denying_docs.insert(r.doc_idx).second) continue;
        const ClaimRef* same = nullptr;
        const ClaimRef* other = nullptr;
        for (const ClaimRef& a : affirmed) {
          if (!timeless && !Overlap(a, r)) continue;
          if (a.doc_idx == r.doc_idx) {
            // the firmest affirmation of the article
            if (!same || SideWeight(ctx.ClaimAt(a)) > SideWeight(ctx.ClaimAt(*same))) same = &a;
          } else if (!other && Firm(ctx.ClaimAt(a))) {
            other = &a;
          }
        }
        const ClaimRef* a = same ? same : other;
        if (!a) continue;
        size_t n = affirming_docs.size();
        std::string more = n > 1 ? " (affirmed in " + std::to_string(n) + " documents)" : "";
        Add(ctx.ClaimId(*a), ctx.ClaimId(r), same ? ContradictionKind::kIntraArticle : ContradictionKind::kPolarity,
            Source(*a) + " says " + Sentence(*a) + Evidence(*a) + more + "; " + Source(r) + " denies it" + Evidence(r) +
                ".",
            PairConfidence(ctx.ClaimAt(*a), d, timeless) * (same ? 0.8 : 1.0));
      }
    }
  }

  // ---- exclusive states ----------------------------------------------------------------
  // Clusters per person: (cluster, person is the subject, the other side's global entity).
  struct Side {
    int32_t cluster;
    int32_t other;
  };
  std::unordered_map<int32_t, std::vector<Side>> by_person;

  void IndexClusters() {
    for (size_t k = 0; k < ctx.corpus.clusters.size(); ++k) {
      const ClaimCluster& cl = ctx.corpus.clusters[k];
      if (cl.claims.empty()) continue;
      const ClaimRef& r = cl.claims.front();
      const Claim& c = ctx.ClaimAt(r);
      int32_t s = ctx.Global(r.doc_idx, c.subject_entity), o = ctx.Global(r.doc_idx, c.object_entity);
      if (s < 0) continue;
      by_person[s].push_back(Side{static_cast<int32_t>(k), o});
      if (o >= 0 && o != s) by_person[o].push_back(Side{static_cast<int32_t>(k), s});
    }
  }

  // Hull of the affirmed claims' times in a cluster; `event` uses EventDays.
  std::optional<std::pair<int64_t, int64_t>> AffirmedDays(const ClaimCluster& k, bool event, ClaimRef* example) const {
    std::optional<std::pair<int64_t, int64_t>> hull;
    for (const ClaimRef& r : k.claims) {
      if (ctx.ClaimAt(r).polarity != Polarity::kAffirmed) continue;
      auto days = event ? EventDays(r) : StateDays(r);
      if (!days) continue;
      if (!hull) {
        hull = days, *example = r;
        continue;
      }
      hull->first = std::min(hull->first, days->first);
      hull->second = std::max(hull->second, days->second);
    }
    return hull;
  }

  bool IsSubjectOf(const ClaimCluster& k, int32_t person) const {
    const ClaimRef& r = k.claims.front();
    return ctx.Global(r.doc_idx, ctx.ClaimAt(r).subject_entity) == person;
  }

  // A claim with the days it covers, for the denial sweep.
  struct Timed {
    std::pair<int64_t, int64_t> days;
    int32_t cluster;
    ClaimRef claim;
    bool event;  // an ended relation (split, divorce): it must start after the denial does
    int32_t partner = -1;  // the other person of an affirmed state, -1 for a denial
  };
  // Report order: publication day (undated: the end of the estimated window), ingest order.
  bool ReportedBefore(const Timed& a, const Timed& b) const {
    auto key = [&](const Timed& t) {
      return std::make_tuple(ctx.EffectiveDay(t.claim.doc_idx).value_or(kMax), ctx.docs[t.claim.doc_idx].ingest_seq,
                             t.claim.doc_idx, t.claim.claim_idx);
    };
    return key(a) < key(b);
  }

  // Per person and rule: the denials with no object against the affirmed claims the rule
  // excludes, both in report order, at most kMaxPartnerStates of each compared and at most
  // kMaxPerPerson contradictions reported, one per (affirmed cluster, denial cluster).
  void Denials() {
    std::map<std::pair<int32_t, size_t>, std::vector<Timed>> denials;  // (person, rule) -> denials
    const auto& rules = ExclusionRules();
    for (size_t kd = 0; kd < ctx.corpus.clusters.size(); ++kd) {
      const ClaimCluster& denial_cluster = ctx.corpus.clusters[kd];
      if (denial_cluster.object || denial_cluster.value) continue;  // a denial about anyone has no object
      for (size_t ri = 0; ri < rules.size(); ++ri) {
        if (denial_cluster.predicate != rules[ri].denied) continue;
        for (const ClaimRef& dr : denial_cluster.claims) {
          if (ctx.ClaimAt(dr).polarity != Polarity::kDenied || !Firm(ctx.ClaimAt(dr))) continue;
          auto days = rules[ri].timeless ? std::make_optional(std::make_pair(kMin, kMax)) : DenialDays(dr);
          int32_t person = ctx.Global(dr.doc_idx, ctx.ClaimAt(dr).subject_entity);
          if (days) denials[{person, ri}].push_back(Timed{*days, static_cast<int32_t>(kd), dr, false});
        }
      }
    }
    auto before = [this](const Timed& a, const Timed& b) { return ReportedBefore(a, b); };
    for (auto& [key, denied] : denials) {
      const ExclusionRule& rule = rules[key.second];
      std::vector<Timed> affirmed = ExcludedClaims(key.first, rule);
      if (affirmed.empty()) continue;
      // A couple's relation ends at their earliest affirmed split or divorce: "single since
      // his 2016 split" is not contradicted by "married to" her.
      auto sides = by_person.find(key.first);
      const std::unordered_map<int32_t, int64_t> ended =
          sides == by_person.end() ? std::unordered_map<int32_t, int64_t>() : EndedDays(sides->second);
      for (auto* v : {&denied, &affirmed}) {
        std::sort(v->begin(), v->end(), before);
        if (v->size() > kMaxPartnerStates) v->resize(kMaxPartnerStates);
      }
      std::set<std::pair<int32_t, int32_t>> reported;  // (affirmed cluster, denial cluster)
      for (const Timed& d : denied)
        for (const Timed& a : affirmed) {
          if (reported.size() >= kMaxPerPerson) break;
          if (a.cluster == d.cluster || a.days.second < d.days.first || a.days.first > d.days.second) continue;
          // One article that says "single" and names a partner tells a history ("single in
          // October; back together by Christmas"), as with two partners (Partners below).
          if (a.claim.doc_idx == d.claim.doc_idx) continue;
          if (!a.event && a.partner >= 0) {
            auto end = ended.find(a.partner);
            if (end != ended.end() && end->second <= d.days.first) continue;
          }
          // "not dated since his divorce in 2012" is not contradicted by that divorce.
          if (a.event && a.days.first <= d.days.first) continue;
          if (!reported.insert({a.cluster, d.cluster}).second) continue;
          std::string when = rule.timeless ? "" : " over " + RangeText(std::max(a.days.first, d.days.first),
                                                                       std::min(a.days.second, d.days.second));
          Add(ctx.corpus.clusters[a.cluster].id, ctx.corpus.clusters[d.cluster].id, ContradictionKind::kExclusiveState,
              Source(d.claim) + " says " + Sentence(d.claim) + Evidence(d.claim) + ", but " + Source(a.claim) +
                  " says " + Sentence(a.claim) + Evidence(a.claim) + "; both cannot hold" + when + ".",
              PairConfidence(ctx.ClaimAt(a.claim), ctx.ClaimAt(d.claim), rule.timeless));
        }
    }
  }

  // The affirmed claims about `person` that `rule` excludes, with their days.
  std::vector<Timed> ExcludedClaims(int32_t person, const ExclusionRule& rule) const {
    std::vector<Timed> out;
    auto it = by_person.find(person);
    if (it == by_person.end()) return out;
    auto listed = [](const std::vector<Predicate>& v, Predicate p) {
      return std::find(v.begin(), v.end(), p) != v.end();
    };
    for (const Side& side : it->second) {
      const ClaimCluster& k = ctx.corpus.clusters[side.cluster];
      bool ended = listed(rule.ended, k.predicate), inverse = listed(rule.inverse, k.predicate);
      if (!listed(rule.states, k.predicate) && !ended && !inverse) continue;
      // Asymmetric predicates count only in their direction: s parent_of x, x child_of s.
      bool subject = IsSubjectOf(k, person);
      if (!IsSymmetric(k.predicate) && (inverse ? subject : !subject)) continue;
      for (const ClaimRef& r : k.claims) {
        if (ctx.ClaimAt(r).polarity != Polarity::kAffirmed || !Firm(ctx.ClaimAt(r))) continue;
        auto days = rule.timeless ? std::make_optional(std::make_pair(kMin, kMax)) : ended ? EventDays(r) : StateDays(r);
        if (days) out.push_back(Timed{*days, side.cluster, r, ended, side.other});
      }
    }
    return out;
  }

  // Per partner of one person, the day their relation is known to have ended: the earliest
  // affirmed split or divorce between them (its stated time, else the day it was reported).
  std::unordered_map<int32_t, int64_t> EndedDays(const std::vector<Side>& sides) const {
    std::unordered_map<int32_t, int64_t> ended;
    for (const Side& side : sides) {
      const ClaimCluster& k = ctx.corpus.clusters[side.cluster];
      if (side.other < 0 || !EndsRelation(k.predicate)) continue;
      for (const ClaimRef& r : k.claims) {
        if (ctx.ClaimAt(r).polarity != Polarity::kAffirmed) continue;
        auto days = EventDays(r);
        if (!days) days = DocDays(r.doc_idx);
        if (!days) continue;
        auto [it, fresh] = ended.emplace(side.other, days->first);
        if (!fresh) it->second = std::min(it->second, days->first);
      }
    }
    return ended;
  }

  // "Liam" and "Liam Hemsworth", "Jada Pinkett" and "Jada Pinkett Smith", "Mr Trump" and
  // "Donald Trump", two entities both called "Katie": one partner written two ways
  // (cross-document resolution keeps a name apart when it cannot tell), not two partners.
  // True when every word of the shorter name, titles aside, is in the longer.
  bool SameNameParts(int32_t a, int32_t b) const {
    auto words = [](const std::string& name) {
      std::vector<std::string> out = utf8::FoldedWords(name);
      // Titles say nothing about who it is: "Mr Trump" is "Donald Trump".
      std::erase_if(out, [](const std::string& x) {
        return x == "mr" || x == "mrs" || x == "ms" || x == "dr" || x == "miss" || x == "sir";
      });
      return out;
    };
    std::vector<std::string> wa = words(ctx.EntityName(a)), wb = words(ctx.EntityName(b));
    if (wa.size() > wb.size()) std::swap(wa, wb);
    if (wa.empty()) return false;
    // A word of four letters or more one edit away is a misspelling ("Anka" / "Aanka" aside
    // from length, "Shookus" / "Shokus").
    auto near = [](const std::string& x, const std::string& y) {
      if (x == y) return true;
      if (x.size() < 4 || y.size() < 4 || (x.size() > y.size() ? x.size() - y.size() : y.size() - x.size()) > 1)
        return false;
      size_t i = 0, j = 0, edits = 0;
      while (i < x.size() && j < y.size()) {
        if (x[i] == y[j]) {
          ++i, ++j;
          continue;
        }
        if (++edits > 1) return false;
        if (x.size() > y.size()) ++i;
        else if (y.size() > x.size()) ++j;
        else ++i, ++j;
      }
      return edits + (x.size() - i) + (y.size() - j) <= 1;
    };
    for (const std::string& w : wa)
      if (std::none_of(wb.begin(), wb.end(), [&](const std::string& x) { return near(w, x); })) return false;
    return true;
  }

  // One partner at a time, compared claim by claim: two stated relations (asserted or
  // reported, not rumours; a party read from a pronoun or a guess only when another document
  // states the same relation) with different partners, read in different documents, whose
  // times overlap. One article naming two partners of a person tells a history ("before
  // her marriage to X she dated Y"); two articles giving different current partners
  // contradict each other.
  void Partners() {
    constexpr size_t kMaxClaimsPerState = 64;
    for (auto& [person, sides] : by_person) {
      struct TimedClaim {
        std::pair<int64_t, int64_t> days;
        ClaimRef ref;
      };
      struct State {
        int32_t cluster, partner;
        std::pair<int64_t, int64_t> days;  // hull of `claims`
        std::vector<TimedClaim> claims;    // sorted by start
      };
      std::vector<State> states;
      const std::unordered_map<int32_t, int64_t> ended = EndedDays(sides);
      for (const Side& side : sides) {
        const ClaimCluster& k = ctx.corpus.clusters[side.cluster];
        if (!IsPartnerState(k.predicate) || side.other < 0 || side.other == person) continue;
        // A relation that ended holds only until it ended: "her husband X" in an article
        // after their divorce speaks of the past.
        auto end = ended.find(side.other);
        State st{side.cluster, side.other, {kMax, kMin}, {}};
        for (const ClaimRef& r : k.claims) {
          const Claim& c = ctx.ClaimAt(r);
          if (c.polarity != Polarity::kAffirmed || !Firm(c)) continue;
          // A partner read through a pronoun or a guess at the anchor, in one document only,
          // is too weak to contradict another ("after she got engaged to X" with "she" read
          // as the wrong woman).
          if (c.subject_inferred && k.documents.size() < 2) continue;
          auto days = StateDays(r);
          if (!days) continue;
          if (end != ended.end()) days->second = std::min(days->second, end->second);
          if (days->second < days->first) continue;
          st.claims.push_back(TimedClaim{*days, r});
          st.days.first = std::min(st.days.first, days->first);
          st.days.second = std::max(st.days.second, days->second);
          if (st.claims.size() == kMaxClaimsPerState) break;
        }
        if (st.claims.empty()) continue;
        std::sort(st.claims.begin(), st.claims.end(), [](const TimedClaim& a, const TimedClaim& b) {
          return a.days.first != b.days.first ? a.days.first < b.days.first : a.ref.doc_idx < b.ref.doc_idx;
        });
        states.push_back(std::move(st));
      }
      if (states.size() < 2) continue;
      std::sort(states.begin(), states.end(), [](const State& a, const State& b) {
        return a.days.first != b.days.first ? a.days.first < b.days.first : a.cluster < b.cluster;
      });
      if (states.size() > kMaxPartnerStates) states.resize(kMaxPartnerStates);
      // The first pair of claims, one of each state, from different documents whose times overlap.
      auto conflict = [](const State& a, const State& b) -> std::optional<std::pair<const TimedClaim*, const TimedClaim*>> {
        for (const TimedClaim& x : a.claims)
          for (const TimedClaim& y : b.claims) {
            if (y.days.first > x.days.second) break;  // sorted by start
            if (y.days.second < x.days.first || x.ref.doc_idx == y.ref.doc_idx) continue;
            return std::make_pair(&x, &y);
          }
        return std::nullopt;
      };
      size_t reported = 0;
      for (size_t i = 0; i < states.size() && reported < kMaxPerPerson; ++i)
        for (size_t j = i + 1; j < states.size() && reported < kMaxPerPerson; ++j) {
          const State &a = states[i], &b = states[j];
          if (b.days.first > a.days.second) break;  // sorted by start: no later one overlaps a
          if (a.partner == b.partner || SameNameParts(a.partner, b.partner)) continue;
          auto pair = conflict(a, b);
          if (!pair) continue;
          const TimedClaim &x = *pair->first, &y = *pair->second;
          ++reported;
          Add(ctx.corpus.clusters[a.cluster].id, ctx.corpus.clusters[b.cluster].id, ContradictionKind::kExclusiveState,
              ctx.EntityName(person) + " cannot be with both " + ctx.EntityName(a.partner) + " and " +
                  ctx.EntityName(b.partner) + " over " +
                  RangeText(std::max(x.days.first, y.days.first), std::min(x.days.second, y.days.second)) + ": " +
                  Source(x.ref) + " says " + Sentence(x.ref) + Evidence(x.ref) + "; " + Source(y.ref) + " says " +
                  Sentence(y.ref) + Evidence(y.ref) + ".",
              PairConfidence(ctx.ClaimAt(x.ref), ctx.ClaimAt(y.ref), false));
        }
    }
  }

  // ---- ages ----------------------------------------------------------------------------
  void Ages(const std::vector<StaleAge>& stale) {
    for (const StaleAge& s : stale) {
      int32_t ka = ctx.corpus.claim_cluster[s.claim.doc_idx][s.claim.claim_idx];
      int32_t kb = ctx.corpus.claim_cluster[s.nearest_support.doc_idx][s.nearest_support.claim_idx];
      if (ka < 0 || kb < 0) continue;
      const Claim& c = ctx.ClaimAt(s.claim);
      const Claim& n = ctx.ClaimAt(s.nearest_support);
      // Confidence: both ages' sides, and the more other ages agree the surer the stale one is.
      double support = std::min(1.0, 0.6 + 0.1 * static_cast<double>(s.support));
      Add(ctx.corpus.clusters[ka].id, ctx.corpus.clusters[kb].id, ContradictionKind::kAge,
          ctx.DocLabel(s.claim.doc_idx) + " gives " + ctx.EntityName(s.entity) + "'s age as " + c.value.value_or("?") +
              ", which means born " + RangeText(s.stale_window.first, s.stale_window.last) + "; " +
              std::to_string(s.support) + " other age statement" + (s.support == 1 ? "" : "s") + " agree on born " +
              RangeText(s.consensus.first, s.consensus.last) + " (e.g. " + n.value.value_or("?") + " in " +
              ctx.DocLabel(s.nearest_support.doc_idx) + "), so this age is stale or wrong.",
          SideWeight(c) * SideWeight(n) * support);
    }
  }
};

}  // namespace

void FindContradictions(FuseContext& ctx, const std::vector<StaleAge>& stale) {
  Finder f{ctx, {}};
  f.Polarity();
  f.IndexClusters();
  f.Denials();
  f.Partners();
  f.Ages(stale);
  // Highest confidence first (stable: ties keep the order the rules found them in).
  std::stable_sort(ctx.corpus.contradictions.begin(), ctx.corpus.contradictions.end(),
                   [](const Contradiction& a, const Contradiction& b) { return a.confidence > b.confidence; });
}

}  // namespace hearsay::fuse
