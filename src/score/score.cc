#include "score/score.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace hearsay::score {
namespace {

// Log-odds weights of ScoreClusters (see score.h for the formula and the reasoning).
constexpr double kPrior = -0.3;             // a claim alone is not yet believed
constexpr double kNamedSupport = 1.2;       // the best affirming source is named, on record
constexpr double kOutletSupport = 0.4;      // ... an outlet reporting in its own words
constexpr double kAuthorSupport = -0.2;     // ... the article's own voice, unattributed
constexpr double kAnonymousSupport = -0.8;  // ... anonymous sources only
constexpr double kCorroboration = 0.6;      // per doubling of the independent sources
constexpr double kHedged = 0.7;             // times the hedged or speculative share
constexpr double kNamedDenial = 1.8;
constexpr double kOtherDenial = 0.6;
constexpr double kContradiction = 0.5;      // per contradiction, at most kMaxContradictions
constexpr size_t kMaxContradictions = 3;
constexpr double kStale = 0.4;              // last reported > 2 years before the newest document
constexpr double kArticleCredibility = 1.0; // times (mean article credibility - 0.5)
// Grades by evidence points: >= kStrong strong, >= kModerate moderate, >= kWeak weak, else very weak.
constexpr double kStrong = 1.0, kModerate = 0.3, kWeak = -0.5;

const char* GradeOf(double points) {
  return points >= kStrong ? "strong" : points >= kModerate ? "moderate" : points >= kWeak ? "weak" : "very weak";
}

std::string Count(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// Days since 0000-03-01 of an ISO date (YYYY-MM-DD...); -1 when it does not parse.
long DayNumber(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1) return -1;
  if (m <= 2) y -= 1, m += 12;
  return 365L * y + y / 4 - y / 100 + y / 400 + (153L * (m - 3) + 2) / 5 + d - 1;
}

}  // namespace

std::vector<std::string> ClusterGradeRules() {
  auto line = [](double points, const char* what) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%+.1f %s", points, what);
    return std::string(buf);
  };
  char grades[160];
  std::snprintf(grades, sizeof grades, "grade: strong at %+.1f points or more, moderate at %+.1f, weak at %+.1f, very weak below", kStrong,
                kModerate, kWeak);
  return {line(kPrior, "to start: a claim alone is not yet believed"),
          line(kNamedSupport, "the best supporting source is named, on record"),
          line(kOutletSupport, "... else an outlet in its own words"),
          line(kAuthorSupport, "... else only the article's own unattributed voice"),
          line(kAnonymousSupport, "... else only anonymous sources"),
          line(kCorroboration, "per doubling of the independent sources"),
          line(-kHedged, "times the share of hedged or speculative claims"),
          line(-kNamedDenial, "denied on record by a named source (else -0.6 for other denials)"),
          line(-kContradiction, "per contradiction by other claims (at most 3)"),
          line(-kStale, "last reported more than two years before the newest article"),
          line(kArticleCredibility, "times (the reporting articles' mean credibility - 0.5)"),
          grades};
}

void ScoreDocument(const Document& doc, const ArticleModel* model, DocumentAnalysis* analysis) {
  if (!model) return;
  analysis->credibility_reasons.clear();
  analysis->credibility = model->Score(doc, *analysis, &analysis->credibility_reasons);
}

namespace {

// What one cluster's claims say, by source kind and polarity.
struct ClusterTally {
  size_t named_affirm = 0, outlet_affirm = 0, author_affirm = 0, anonymous_affirm = 0, other_affirm = 0;
  size_t named_deny = 0, other_deny = 0, hedged = 0, total = 0, via_outlet = 0;
  std::set<uint32_t> docs_seen;
  size_t affirm() const { return named_affirm + outlet_affirm + author_affirm + anonymous_affirm + other_affirm; }
};

ClusterTally Tally(const ClaimCluster& c, const std::vector<DocumentAnalysis>& analyses) {
  ClusterTally t;
  for (const ClaimRef& ref : c.claims) {
    if (ref.doc_idx >= analyses.size() || ref.claim_idx >= analyses[ref.doc_idx].claims.size()) continue;
    const Claim& claim = analyses[ref.doc_idx].claims[ref.claim_idx];
    ++t.total;
    t.docs_seen.insert(ref.doc_idx);
    if (claim.source.via_outlet) ++t.via_outlet;
    if (claim.modality == Modality::kHedged || claim.modality == Modality::kSpeculative) ++t.hedged;
    if (claim.polarity == Polarity::kDenied) {
      ++(claim.source.kind == SourceKind::kNamed ? t.named_deny : t.other_deny);
      continue;
    }
    switch (claim.source.kind) {
      case SourceKind::kNamed: ++t.named_affirm; break;
      case SourceKind::kOutlet: ++t.outlet_affirm; break;
      case SourceKind::kAnonymous: ++t.anonymous_affirm; break;
      case SourceKind::kAuthor: ++t.author_affirm; break;
      default: ++t.other_affirm; break;
    }
  }
  for (uint32_t d : c.documents) t.docs_seen.insert(d);
  return t;
}

// Evidence points (log-odds) and the reasons that name them, in order.
struct Evidence {
  double z = kPrior;
  std::vector<std::string> reasons;
};

// Support: the best-attributed affirming claim sets it (named on record > an outlet's own
// report > the article's unattributed voice > anonymous sources); further sources count
// through corroboration, so one voice is not counted twice.
void AddSupport(const ClusterTally& t, Evidence* e) {
  if (t.named_affirm) {
    e->z += kNamedSupport;
    e->reasons.push_back("on record from a named source (" + Count(t.named_affirm, "claim", "claims") + ")");
  } else if (t.outlet_affirm) {
    e->z += kOutletSupport;
    e->reasons.push_back("stated by an outlet in its own words (" + Count(t.outlet_affirm, "claim", "claims") + ")");
  } else if (t.author_affirm) {
    e->z += kAuthorSupport;
    e->reasons.push_back("unattributed: only the article's own voice (" + Count(t.author_affirm, "claim", "claims") + ")");
  } else if (t.anonymous_affirm && t.anonymous_affirm == t.affirm()) {
    e->z += kAnonymousSupport;
    e->reasons.push_back("only anonymous sources (" + Count(t.anonymous_affirm, "claim", "claims") + ")");
  }
  if (t.anonymous_affirm && t.anonymous_affirm < t.affirm())
    e->reasons.push_back(Count(t.anonymous_affirm, "anonymous-source claim", "anonymous-source claims") + " among the support");
  if (t.via_outlet) e->reasons.push_back(Count(t.via_outlet, "claim", "claims") + " relayed through another outlet");
}

void AddCorroboration(const ClaimCluster& c, const ClusterTally& t, Evidence* e) {
  uint32_t independent = c.independent_sources;
  if (independent == 0) {
    // Fusion did not count them: distinct outlets of the supporting documents, else documents.
    std::set<std::string> outlets(c.outlets.begin(), c.outlets.end());
    independent = static_cast<uint32_t>(!outlets.empty() ? outlets.size() : std::max<size_t>(t.docs_seen.size(), 1));
  }
  e->z += kCorroboration * std::log2(static_cast<double>(independent));
  e->reasons.push_back(independent == 1 ? "one independent source"
                                        : Count(independent, "independent source", "independent sources"));
}

// Hedging, denials and contradictions lower the points.
void AddDoubts(const ClaimCluster& c, const ClusterTally& t, const CorpusAnalysis& corpus, Evidence* e) {
  if (t.hedged) {
    e->z -= kHedged * static_cast<double>(t.hedged) / static_cast<double>(t.total);
    e->reasons.push_back("hedged or speculative in " + std::to_string(t.hedged) + " of " + Count(t.total, "claim", "claims"));
  }
  if (t.named_deny) {
    e->z -= kNamedDenial;
    e->reasons.push_back("denied on record by a named source (" + Count(t.named_deny, "claim", "claims") + ")");
  } else if (t.other_deny) {
    e->z -= kOtherDenial;
    e->reasons.push_back("denied by unnamed or indirect sources (" + Count(t.other_deny, "claim", "claims") + ")");
  }
  size_t contradictions = 0;
  for (const Contradiction& k : corpus.contradictions) contradictions += (k.a == c.id || k.b == c.id) ? 1 : 0;
  if (contradictions) {
    e->z -= kContradiction * static_cast<double>(std::min<size_t>(contradictions, kMaxContradictions));
    e->reasons.push_back("contradicted " + Count(contradictions, "time", "times") + " by other claims");
  }
}

// Staleness against the newest document, and the reporting articles' credibility.
void AddArticleEvidence(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                        long newest_day, const ClusterTally& t, Evidence* e) {
  long last_day = -1;
  std::string last_date;
  for (uint32_t d : t.docs_seen)
    if (d < docs.size() && docs[d].published) {
      long day = DayNumber(*docs[d].published);
      if (day > last_day) last_day = day, last_date = *docs[d].published;
    }
  if (newest_day >= 0 && last_day >= 0 && newest_day - last_day > 730) {
    e->z -= kStale;
    e->reasons.push_back("stale: last reported " + last_date);
  }
  double cred_sum = 0;
  size_t cred_n = 0;
  for (uint32_t d : t.docs_seen)
    if (d < analyses.size() && analyses[d].credibility) cred_sum += *analyses[d].credibility, ++cred_n;
  if (cred_n) {
    double mean = cred_sum / static_cast<double>(cred_n);
    e->z += kArticleCredibility * (mean - 0.5);
    char buf[96];
    std::snprintf(buf, sizeof buf, "reporting articles' credibility %.2f on average", mean);
    e->reasons.push_back(buf);
  }
}

}  // namespace

void ScoreClusters(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus) {
  long newest_day = -1;
  for (const Document& d : docs)
    if (d.published) newest_day = std::max(newest_day, DayNumber(*d.published));

  for (ClaimCluster& c : corpus->clusters) {
    ClusterTally t = Tally(c, analyses);
    if (t.total == 0) {
      c.credibility = 0.5;
      c.evidence_points = 0;
      c.grade = "weak";
      c.reasons = {"no claims to judge"};
      continue;
    }
    Evidence e;
    AddSupport(t, &e);
    AddCorroboration(c, t, &e);
    AddDoubts(c, t, *corpus, &e);
    AddArticleEvidence(docs, analyses, newest_day, t, &e);
    c.credibility = 1.0 / (1.0 + std::exp(-e.z));
    c.evidence_points = e.z;
    c.grade = GradeOf(e.z);
    char head[96];
    std::snprintf(head, sizeof head, "evidence grade %s: %+.2f points (strong >= %+.1f, moderate >= %+.1f, weak >= %+.1f)",
                  c.grade.c_str(), e.z, kStrong, kModerate, kWeak);
    e.reasons.insert(e.reasons.begin(), head);
    c.reasons = std::move(e.reasons);
  }
}

}  // namespace hearsay::score
