#include "score/score.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace hearsay::score {
namespace {

std::string Count(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// Days since 0000-03-01 of an ISO date (YYYY-MM-DD...); -1 when it does not parse.
long DayNumber(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1) return -1;
  if (m <= 2) y -= 1, m += 12;
  return 365L * y + y / 4 - y / 100 + y / 400 + (153L * (m - 3) + 2) / 5 + d - 1;
}

}  // namespace

void ScoreDocument(const Document& doc, const ArticleModel* model, DocumentAnalysis* analysis) {
  if (!model) return;
  analysis->credibility_reasons.clear();
  analysis->credibility = model->Score(doc, *analysis, &analysis->credibility_reasons);
}

void ScoreClusters(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses, CorpusAnalysis* corpus) {
  long newest_day = -1;
  for (const Document& d : docs)
    if (d.published) newest_day = std::max(newest_day, DayNumber(*d.published));

  for (ClaimCluster& c : corpus->clusters) {
    size_t named_affirm = 0, outlet_affirm = 0, anonymous_affirm = 0, other_affirm = 0;
    size_t named_deny = 0, other_deny = 0, hedged = 0, total = 0, via_outlet = 0;
    std::set<uint32_t> docs_seen;
    for (const ClaimRef& ref : c.claims) {
      if (ref.doc_idx >= analyses.size() || ref.claim_idx >= analyses[ref.doc_idx].claims.size()) continue;
      const Claim& claim = analyses[ref.doc_idx].claims[ref.claim_idx];
      ++total;
      docs_seen.insert(ref.doc_idx);
      if (claim.source.via_outlet) ++via_outlet;
      if (claim.modality == Modality::kHedged || claim.modality == Modality::kSpeculative) ++hedged;
      bool named = claim.source.kind == SourceKind::kNamed;
      if (claim.polarity == Polarity::kDenied) {
        ++(named ? named_deny : other_deny);
        continue;
      }
      switch (claim.source.kind) {
        case SourceKind::kNamed: ++named_affirm; break;
        case SourceKind::kOutlet: ++outlet_affirm; break;
        case SourceKind::kAnonymous: ++anonymous_affirm; break;
        default: ++other_affirm; break;
      }
    }
    for (uint32_t d : c.documents) docs_seen.insert(d);

    std::vector<std::string> reasons;
    double z = -0.3;
    if (total == 0) {
      c.credibility = 0.5;
      c.reasons = {"no claims to judge"};
      continue;
    }
    if (named_affirm) {
      z += 1.2;
      reasons.push_back("on record from a named source (" + Count(named_affirm, "claim", "claims") + ")");
    }
    if (outlet_affirm) {
      z += 0.4;
      reasons.push_back("stated by an outlet in its own words (" + Count(outlet_affirm, "claim", "claims") + ")");
    }
    size_t affirm = named_affirm + outlet_affirm + anonymous_affirm + other_affirm;
    if (anonymous_affirm && anonymous_affirm == affirm) {
      z -= 0.8;
      reasons.push_back("only anonymous sources (" + Count(anonymous_affirm, "claim", "claims") + ")");
    } else if (anonymous_affirm) {
      reasons.push_back(Count(anonymous_affirm, "anonymous-source claim", "anonymous-source claims") + " among the support");
    }
    if (via_outlet) reasons.push_back(Count(via_outlet, "claim", "claims") + " relayed through another outlet");
    uint32_t independent = c.independent_sources;
    if (independent == 0) {
      // Fusion did not count them: distinct outlets of the supporting documents, else documents.
      std::set<std::string> outlets(c.outlets.begin(), c.outlets.end());
      independent = static_cast<uint32_t>(!outlets.empty() ? outlets.size() : std::max<size_t>(docs_seen.size(), 1));
    }
    z += 0.6 * std::log2(static_cast<double>(independent));
    reasons.push_back(independent == 1 ? "one independent source" : Count(independent, "independent source", "independent sources"));
    if (hedged) {
      z -= 0.7 * static_cast<double>(hedged) / static_cast<double>(total);
      reasons.push_back("hedged or speculative in " + std::to_string(hedged) + " of " + Count(total, "claim", "claims"));
    }
    if (named_deny) {
      z -= 1.8;
      reasons.push_back("denied on record by a named source (" + Count(named_deny, "claim", "claims") + ")");
    } else if (other_deny) {
      z -= 0.6;
      reasons.push_back("denied by unnamed or indirect sources (" + Count(other_deny, "claim", "claims") + ")");
    }
    size_t contradictions = 0;
    for (const Contradiction& k : corpus->contradictions) contradictions += (k.a == c.id || k.b == c.id) ? 1 : 0;
    if (contradictions) {
      z -= 0.5 * static_cast<double>(std::min<size_t>(contradictions, 3));
      reasons.push_back("contradicted " + Count(contradictions, "time", "times") + " by other claims");
    }
    long last_day = -1;
    std::string last_date;
    for (uint32_t d : docs_seen)
      if (d < docs.size() && docs[d].published) {
        long day = DayNumber(*docs[d].published);
        if (day > last_day) last_day = day, last_date = *docs[d].published;
      }
    if (newest_day >= 0 && last_day >= 0 && newest_day - last_day > 730) {
      z -= 0.4;
      reasons.push_back("stale: last reported " + last_date);
    }
    double cred_sum = 0;
    size_t cred_n = 0;
    for (uint32_t d : docs_seen)
      if (d < analyses.size() && analyses[d].credibility) cred_sum += *analyses[d].credibility, ++cred_n;
    if (cred_n) {
      double mean = cred_sum / static_cast<double>(cred_n);
      z += 1.0 * (mean - 0.5);
      char buf[96];
      std::snprintf(buf, sizeof buf, "reporting articles' credibility %.2f on average", mean);
      reasons.push_back(buf);
    }
    c.credibility = 1.0 / (1.0 + std::exp(-z));
    c.reasons = std::move(reasons);
  }
}

}  // namespace hearsay::score
