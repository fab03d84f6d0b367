// Family relations on Re-DocRED dev (../shared/data/re_docred/dev_revised.json): precision,
// recall and F1 for spouse, parent/child and sibling, at the level of entity pairs.
//
// By default each document goes through hearsay's own per-document pipeline (AnalyzeDocument
// with the shipped models: tagger, parser on the sentences extract selects, in-document
// coreference), and each of hearsay's local entities is mapped to the gold entity (vertexSet)
// one of whose mention strings equals one of its names (name, alias or a mention's text, case
// and spacing folded; the most such mentions wins); a claim whose people map to no gold
// entity counts as a false positive, one whose two people map to the same gold entity is
// not scored.
// REDOCRED_MENTIONS=gold gives the gold mentions to the extract stage instead (PER -> person,
// others -> their types; the parser runs on the sentences extract selects), so the score
// measures the relation patterns, not the tagger.
// Gold: P26 spouse (unordered), P40 child (h parent of t), P22 father / P25 mother (t parent of
// h), P3373 sibling (unordered). Ours: spouse_of, divorced_from -> spouse; child_of,
// adopted_child_of, stepchild_of (X, Y) -> Y parent of X; parent_of (X, Y) -> X parent of Y;
// sibling_of -> sibling. Only affirmed claims count.
//   build/tests/unit/extract/extract_eval_redocred [path/to/dev_revised.json]
// With REDOCRED_SHOW=missed (or =wrong), prints each gold pair not found (or each predicted
// pair not in gold) with the sentences naming both, for reviewing the patterns; =unmapped prints
// the claims on people no gold entity is named like, with our entity names; =doc:N our people
// and claims on document N.
// The learned family scorer (models/relations.hsr, extract/relation_scorer.h), when there is
// one: REDOCRED_SCORER=none leaves it out; REDOCRED_THRESHOLDS=drop,add sets its thresholds;
// REDOCRED_SWEEP=1 also prints how it orders the rules' candidates (AUC within a family), the
// candidates of each kind and how many are gold, and micro P/R/F1 over a grid of both
// thresholds (how they are tuned on dev); with REDOCRED_SHOW=candidates each candidate no rule
// gave, with its score and sentence.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/extract.h"
#include "extract/relation_scorer.h"
#include "hearsay/pipeline.h"
#include "syntax/syntax.h"
#include "text/text.h"

using hearsay::Claim;
using hearsay::Document;
using hearsay::DocumentAnalysis;
using hearsay::EntityType;

namespace {

EntityType TypeOf(const std::string& t) {
  if (t == "PER") return EntityType::kPerson;
  if (t == "ORG") return EntityType::kOrg;
  if (t == "LOC") return EntityType::kLoc;
  if (t == "TIME") return EntityType::kDate;
  return EntityType::kMisc;
}

using Pair = std::tuple<int, int, int>;  // doc, a, b (a < b for unordered relations)

// Prints the pairs of document `di` in `from` that `other` lacks, with the sentences that
// mention both entities; a gold entity none of `ours` maps to is marked.
void ShowPairs(const nlohmann::json& jd, int di, const std::map<std::string, std::set<Pair>>& from,
               const std::map<std::string, std::set<Pair>>& other, const std::set<int>& ours) {
  const auto& vs = jd["vertexSet"];
  auto sents_of = [&](int e) {
    std::set<int> s;
    for (const auto& m : vs[e]) s.insert(m["sent_id"].get<int>());
    return s;
  };
  for (const auto& [rel, pairs] : from) {
    auto it = other.find(rel);
    for (const Pair& p : pairs) {
      if (std::get<0>(p) != di || (it != other.end() && it->second.count(p))) continue;
      int x = std::get<1>(p), y = std::get<2>(p);
      if (x < 0 || y < 0) {
        std::printf("%s: a person no gold entity is named like\n", rel.c_str());
        continue;
      }
      std::printf("%s: %s%s -> %s%s\n", rel.c_str(), vs[x][0]["name"].get<std::string>().c_str(),
                  ours.count(x) ? "" : " (none of ours)", vs[y][0]["name"].get<std::string>().c_str(),
                  ours.count(y) ? "" : " (none of ours)");
      std::set<int> sx = sents_of(x), sy = sents_of(y);
      for (int s : sx) {
        if (!sy.count(s)) continue;
        std::string line;
        for (const auto& t : jd["sents"][s]) line += t.get<std::string>() + " ";
        std::printf("    %s\n", line.c_str());
      }
    }
  }
}

// Prints our person entities (with the gold entity each maps to and the texts of its
// mentions) and our claims on one document (REDOCRED_SHOW=doc:N).
void DumpDocument(const hearsay::Document& doc, const hearsay::DocumentAnalysis& a, const std::vector<int>& to_gold,
                  const nlohmann::json& vs) {
  for (size_t l = 0; l < a.local_entities.size(); ++l) {
    if (a.local_entities[l].type != EntityType::kPerson) continue;
    std::printf("entity %zu '%s' -> %s:", l, a.local_entities[l].name.c_str(),
                to_gold[l] >= 0 ? vs[to_gold[l]][0]["name"].get<std::string>().c_str() : "(none)");
    for (const hearsay::Mention& m : a.mentions)
      if (m.entity_idx == static_cast<int32_t>(l))
        std::printf(" [%s]", doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin).c_str());
    std::printf("\n");
  }
  for (const Claim& c : a.claims)
    std::printf("claim %s %d -> %d polarity %d\n", std::string(hearsay::PredicateName(c.predicate)).c_str(), c.subject_entity, c.object_entity,
                static_cast<int>(c.polarity));
}

std::string Fold(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? char(c | 0x20) : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Local entity -> gold entity by name: the gold entity with the most mention strings equal to
// one of the local entity's names; -1 when none.
std::vector<int> MapByName(const nlohmann::json& vs, const hearsay::Document& doc, const hearsay::DocumentAnalysis& a) {
  const std::vector<hearsay::LocalEntity>& locals = a.local_entities;
  std::map<std::string, std::map<int, int>> by_name;  // folded mention string -> gold entity -> count
  for (size_t g = 0; g < vs.size(); ++g)
    for (const auto& m : vs[g]) ++by_name[Fold(m["name"].get<std::string>())][static_cast<int>(g)];
  std::vector<int> out(locals.size(), -1);
  for (size_t l = 0; l < locals.size(); ++l) {
    std::map<int, int> votes;
    std::vector<std::string> names = locals[l].aliases;
    names.push_back(locals[l].name);
    // the names it is written with in this document (non-descriptor mentions)
    for (const hearsay::Mention& m : a.mentions)
      if (m.entity_idx == static_cast<int32_t>(l) && !m.descriptor)
        names.push_back(doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin));
    for (const std::string& n : names) {
      auto it = by_name.find(Fold(n));
      if (it == by_name.end()) continue;
      for (const auto& [g, c] : it->second) votes[g] += c;
    }
    int best = -1, best_votes = 0;
    for (const auto& [g, c] : votes)
      if (c > best_votes) best = g, best_votes = c;
    out[l] = best;
  }
  return out;
}

using PairSets = std::map<std::string, std::set<Pair>>;  // relation -> pairs

// The document's text (title, then the sentences' tokens joined by spaces) and each token's
// byte range, per sentence.
Document BuildDocument(const nlohmann::json& jd, std::vector<std::vector<std::pair<uint32_t, uint32_t>>>* offs) {
  Document doc;
  doc.title = jd["title"].get<std::string>();
  doc.text = doc.title + "\n\n";
  doc.title_byte_begin = 0;
  doc.title_byte_end = static_cast<uint32_t>(doc.title.size());
  doc.body_byte_begin = static_cast<uint32_t>(doc.text.size());
  for (const auto& sent : jd["sents"]) {
    offs->emplace_back();
    for (const auto& tok : sent) {
      std::string t = tok.get<std::string>();
      if (doc.text.size() > doc.body_byte_begin) doc.text += ' ';
      uint32_t b = static_cast<uint32_t>(doc.text.size());
      doc.text += t;
      offs->back().push_back({b, static_cast<uint32_t>(doc.text.size())});
    }
  }
  return doc;
}

// The extract stage on the gold entity mentions (one local entity per gold entity), with the
// parser on the sentences extract selects, as the pipeline does.
DocumentAnalysis AnalyzeWithGoldMentions(const Document& doc, const nlohmann::json& vs,
                                         const std::vector<std::vector<std::pair<uint32_t, uint32_t>>>& offs,
                                         const hearsay::Models& models, std::vector<int>* to_gold) {
  DocumentAnalysis a;
  a.layout = hearsay::text::AnalyzeText(doc);
  for (size_t e = 0; e < vs.size(); ++e) {
    hearsay::LocalEntity le;
    le.name = vs[e][0]["name"].get<std::string>();
    le.type = TypeOf(vs[e][0]["type"].get<std::string>());
    a.local_entities.push_back(le);
    to_gold->push_back(static_cast<int>(e));
    for (const auto& m : vs[e]) {
      int s = m["sent_id"], p0 = m["pos"][0], p1 = m["pos"][1];
      if (s >= static_cast<int>(offs.size()) || p1 > static_cast<int>(offs[s].size()) || p0 >= p1) continue;
      a.mentions.push_back(hearsay::Mention{offs[s][p0].first, offs[s][p1 - 1].second, le.type, 1.0f,
                                            static_cast<int32_t>(e), false});
    }
  }
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const auto& x, const auto& y) { return x.byte_begin < y.byte_begin; });
  if (models.parser) {
    const std::vector<bool> select = hearsay::extract::SentencesToParse(doc, a.layout, a.mentions);
    a.syntax = models.parser->ParseDocument(doc.text, a.layout, &select);
  }
  hearsay::extract::ExtractClaims(doc, &a);
  return a;
}

void AddGoldPairs(const nlohmann::json& jd, int di, PairSets* gold) {
  auto unordered = [&](int x, int y) { return Pair{di, std::min(x, y), std::max(x, y)}; };
  for (const auto& l : jd["labels"]) {
    std::string r = l["r"];
    int h = l["h"], t = l["t"];
    if (r == "P26") (*gold)["spouse"].insert(unordered(h, t));
    else if (r == "P3373") (*gold)["sibling"].insert(unordered(h, t));
    else if (r == "P40") (*gold)["parent/child"].insert({di, h, t});
    else if (r == "P22" || r == "P25") (*gold)["parent/child"].insert({di, t, h});
  }
}

// Our affirmed family claims as gold-entity pairs; a claim on a person no gold entity is named
// like becomes a pair no gold entity holds (a false positive). Returns how many there were.
size_t AddPredictedPairs(const DocumentAnalysis& a, const std::vector<int>& to_gold, int di, bool show_unmapped,
                         PairSets* pred) {
  using P = hearsay::Predicate;
  size_t unmapped = 0;
  auto unordered = [&](int x, int y) { return Pair{di, std::min(x, y), std::max(x, y)}; };
  for (const Claim& c : a.claims) {
    if (c.polarity != hearsay::Polarity::kAffirmed || c.object_entity < 0) continue;
    int x = to_gold[c.subject_entity], y = to_gold[c.object_entity];
    if (x >= 0 && x == y) continue;  // two of our people named like one gold entity: no pair to score
    if (x < 0 || y < 0) {
      if (show_unmapped)
        std::printf("%s: %s%s -> %s%s\n", std::string(hearsay::PredicateName(c.predicate)).c_str(), a.local_entities[c.subject_entity].name.c_str(),
                    x < 0 ? " (unmapped)" : "", a.local_entities[c.object_entity].name.c_str(),
                    y < 0 ? " (unmapped)" : "");
      x = -1 - c.subject_entity;
      y = -1 - c.object_entity;
      ++unmapped;
    }
    if (c.predicate == P::kSpouseOf || c.predicate == P::kDivorcedFrom) (*pred)["spouse"].insert(unordered(x, y));
    else if (c.predicate == P::kSiblingOf) (*pred)["sibling"].insert(unordered(x, y));
    else if (c.predicate == P::kChildOf || c.predicate == P::kAdoptedChildOf || c.predicate == P::kStepchildOf)
      (*pred)["parent/child"].insert({di, y, x});
    else if (c.predicate == P::kParentOf) (*pred)["parent/child"].insert({di, x, y});
  }
  return unmapped;
}

void PrintTable(const PairSets& gold, PairSets& pred) {
  std::printf("%-14s %6s %6s %6s %7s %7s %7s\n", "relation", "gold", "pred", "tp", "P", "R", "F1");
  size_t G = 0, P = 0, T = 0;
  auto row = [](const char* name, size_t g, size_t p, size_t tp) {
    double prec = p ? double(tp) / p : 0, rec = g ? double(tp) / g : 0;
    std::printf("%-14s %6zu %6zu %6zu %7.3f %7.3f %7.3f\n", name, g, p, tp, prec, rec,
                prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0);
  };
  for (const char* r : {"spouse", "parent/child", "sibling"}) {
    const std::set<Pair> none;
    auto it = gold.find(r);
    const std::set<Pair>& g = it == gold.end() ? none : it->second;
    size_t tp = 0;
    for (const Pair& p : pred[r]) tp += g.count(p);
    row(r, g.size(), pred[r].size(), tp);
    G += g.size();
    P += pred[r].size();
    T += tp;
  }
  row("micro", G, P, T);
}

// One scored family candidate of a document as gold pairs (REDOCRED_SWEEP).
struct SweepItem {
  std::string rel;
  Pair pair;
  bool rule = false;
  int derived = 0;
  float score = 0;
};

// The family candidates of an analysed document with the scorer's margins, mapped to gold.
void AddSweepItems(const Document& doc, DocumentAnalysis a, const std::vector<int>& to_gold, int di,
                   const hearsay::Models& models, std::vector<SweepItem>* out) {
  using hearsay::extract::Family;
  for (const auto& c : hearsay::extract::ExtractFamilyCandidates(doc, &a, models.attribution.get())) {
    int x = to_gold[c.a], y = to_gold[c.b];
    if (x >= 0 && x == y) continue;
    if (x < 0 || y < 0) x = -1 - c.a, y = -1 - c.b;
    if (c.family != Family::kParent && x > y) std::swap(x, y);
    if (std::getenv("REDOCRED_SHOW") && std::string(std::getenv("REDOCRED_SHOW")) == "candidates" && c.claim < 0)
      std::printf("doc %d %s derived %d score %.2f: %s -> %s | %s\n", di, std::string(hearsay::extract::FamilyName(c.family)).c_str(),
                  static_cast<int>(c.derived), models.relations->Score(c.features), a.local_entities[c.a].name.c_str(),
                  a.local_entities[c.b].name.c_str(),
                  doc.text.substr(a.layout.sentences[c.sentence].byte_begin,
                                  std::min<uint32_t>(200, a.layout.sentences[c.sentence].byte_end - a.layout.sentences[c.sentence].byte_begin)).c_str());
    out->push_back({std::string(hearsay::extract::FamilyName(c.family)), Pair{di, x, y}, c.claim >= 0,
                    static_cast<int>(c.derived), models.relations->Score(c.features)});
  }
}

// Micro P/R/F1 over thresholds: rule candidates kept over `drop`, new ones added over `add`.
void Sweep(const std::vector<SweepItem>& items, const PairSets& gold) {
  std::vector<float> grid{-1e30f, 1e30f};
  std::vector<float> scores;
  for (const SweepItem& it : items) scores.push_back(it.score);
  std::sort(scores.begin(), scores.end());
  for (size_t q = 1; q < 40 && !scores.empty(); ++q) grid.push_back(scores[scores.size() * q / 40]);
  std::sort(grid.begin(), grid.end());
  size_t G = 0;
  for (const auto& [r, g] : gold) G += g.size();
  struct Row { double f1, p, r; float drop, add; };
  std::vector<Row> rows;
  for (float drop : grid)
    for (float add : grid) {
      std::set<std::pair<std::string, Pair>> pred;
      for (const SweepItem& it : items)
        if (it.score > (it.rule ? drop : add)) pred.insert({it.rel, it.pair});
      size_t tp = 0;
      for (const auto& [r, p] : pred) tp += gold.count(r) && gold.at(r).count(p);
      const double P = pred.empty() ? 0 : double(tp) / pred.size(), R = G ? double(tp) / G : 0;
      rows.push_back({P + R > 0 ? 2 * P * R / (P + R) : 0, P, R, drop, add});
    }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.f1 > b.f1; });
  size_t n[4] = {0, 0, 0, 0}, right[4] = {0, 0, 0, 0};  // rules, kin paths, derivations 1..2
  for (const SweepItem& it : items) {
    const int k = it.rule ? 0 : 1 + it.derived;
    ++n[k];
    right[k] += gold.count(it.rel) && gold.at(it.rel).count(it.pair);
  }
  // How the scorer orders the rules' candidates: the share of (right, wrong) pairs it ranks so.
  double ordered = 0;
  size_t pairs = 0;
  for (const SweepItem& x : items)
    for (const SweepItem& y : items) {
      if (!x.rule || !y.rule || x.rel != y.rel) continue;
      const bool xr = gold.count(x.rel) && gold.at(x.rel).count(x.pair), yr = gold.count(y.rel) && gold.at(y.rel).count(y.pair);
      if (!xr || yr) continue;
      ++pairs;
      ordered += x.score > y.score ? 1.0 : x.score == y.score ? 0.5 : 0.0;
    }
  std::printf("rules' candidates: right over wrong in %.1f of %zu pairs of one family (ties half; AUC %.3f)\n", ordered, pairs, pairs ? ordered / pairs : 0.0);
  std::printf("candidates (in gold): rules %zu (%zu), kin paths %zu (%zu), shared parent %zu (%zu), sibling's parent "
              "%zu (%zu)\n", n[0], right[0], n[1], right[1], n[2], right[2], n[3], right[3]);
  std::printf("sweep (drop, add): best by F1 with P >= 0.80, then best overall\n");
  int shown = 0;
  for (const Row& r : rows)
    if (r.p >= 0.80 && shown++ < 8) std::printf("  drop %9.3g add %9.3g  P %.3f R %.3f F1 %.3f\n", r.drop, r.add, r.p, r.r, r.f1);
  for (size_t i = 0; i < rows.size() && i < 8; ++i)
    std::printf("  drop %9.3g add %9.3g  P %.3f R %.3f F1 %.3f\n", rows[i].drop, rows[i].add, rows[i].p, rows[i].r, rows[i].f1);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : std::string(HEARSAY_SHARED_DIR) + "/data/re_docred/dev_revised.json";
  std::ifstream in(path);
  if (!in) {
    std::cerr << "extract_eval_redocred: cannot read " << path << " (../shared absent?)\n";
    return 1;
  }
  nlohmann::json data;
  try {
    in >> data;
  } catch (const std::exception& e) {
    std::cerr << "extract_eval_redocred: " << path << ": not JSON (" << e.what() << ")\n";
    return 1;
  }
  const char* mentions_env = std::getenv("REDOCRED_MENTIONS");
  const bool gold_mentions = mentions_env && std::string(mentions_env) == "gold";
  auto loaded = hearsay::LoadModels(std::string(HEARSAY_SOURCE_DIR) + "/models");
  if (!loaded.ok()) {
    std::cerr << "extract_eval_redocred: " << loaded.status().ToString() << "\n";
    return 1;
  }
  hearsay::Models models_rw = std::move(loaded).value();  // with gold mentions the parser is still used
  // REDOCRED_SCORER=none: the rules' claims as they are; REDOCRED_THRESHOLDS=drop,add: the
  // scorer with other thresholds; REDOCRED_SWEEP=1: P/R/F1 over a grid of both thresholds.
  const char* scorer_env = std::getenv("REDOCRED_SCORER");
  if (scorer_env && std::string(scorer_env) == "none") models_rw.relations.reset();
  if (const char* t = std::getenv("REDOCRED_THRESHOLDS"); t && models_rw.relations)
    std::sscanf(t, "%f,%f", &models_rw.relations->drop_threshold, &models_rw.relations->add_threshold);
  const bool sweep = std::getenv("REDOCRED_SWEEP") && models_rw.relations;
  std::vector<SweepItem> sweep_items;
  const hearsay::Models models = std::move(models_rw);
  const char* show_env = std::getenv("REDOCRED_SHOW");
  const std::string show = show_env ? show_env : "";
  size_t unmapped = 0;
  PairSets gold, pred;
  for (size_t d = 0; d < data.size(); ++d) {
    const auto& jd = data[d];
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> offs;
    const Document doc = BuildDocument(jd, &offs);
    const auto& vs = jd["vertexSet"];
    std::vector<int> to_gold;
    DocumentAnalysis a;
    if (gold_mentions) {
      a = AnalyzeWithGoldMentions(doc, vs, offs, models, &to_gold);
    } else {
      a = hearsay::AnalyzeDocument(doc, models);
      to_gold = MapByName(vs, doc, a);
      if (sweep) AddSweepItems(doc, a, to_gold, static_cast<int>(d), models, &sweep_items);
    }
    const int di = static_cast<int>(d);
    if (show == "doc:" + std::to_string(d)) DumpDocument(doc, a, to_gold, vs);
    AddGoldPairs(jd, di, &gold);
    unmapped += AddPredictedPairs(a, to_gold, di, show == "unmapped", &pred);
    if (show == "missed" || show == "wrong")
      ShowPairs(jd, di, show == "missed" ? gold : pred, show == "missed" ? pred : gold,
                std::set<int>(to_gold.begin(), to_gold.end()));
  }
  std::printf("Re-DocRED dev (%zu documents), %s, pair level; %zu family claims on unmapped people\n", data.size(),
              gold_mentions ? "gold entity mentions" : "hearsay's entities mapped to gold by name", unmapped);
  PrintTable(gold, pred);
  if (sweep) Sweep(sweep_items, gold);
  return 0;
}
