#include "extract/relation_scorer.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "common/file_io.h"
#include "extract/internal/doc_view.h"
#include "extract/internal/patterns.h"
#include "extract/lexicon.h"
#include "syntax/internal/model.h"

namespace hearsay::extract {
namespace {

constexpr char kMagic[8] = {'H', 'S', 'R', 'E', 'L', 'S', 'C', 0};
constexpr uint32_t kFormatVersion = 1;
constexpr syntax::ModelHeader kHeader{kMagic, kFormatVersion, kRelationFeatureVersion, "relations"};
constexpr size_t kMaxPathWords = 6;  // five edges

using syntax::F;
using syntax::HashStr;

// A word standing for a person in a parsed sentence: a name's head word or a pronoun.
struct PersonWord {
  int word = -1;
  uint32_t tok = 0;
  int32_t entity = -1;
  bool pronoun = false;
};

bool IsPronounWord(const DocView& v, uint32_t tok) {
  return DocView::PronounGender(v.lower[tok]) != Gender::kUnknown || DocView::IsFirstPerson(v.lower[tok]);
}

// The people of sentence s, one word per mention (the word whose head lies outside it).
std::vector<PersonWord> PersonWords(const DocView& v, uint32_t s) {
  std::vector<PersonWord> out;
  const Sentence& sn = v.a.layout.sentences[s];
  for (uint32_t k = sn.token_begin; k < sn.token_end; ++k) {
    if (!v.HasParse(k) || v.word_of_tok[k] < 0) continue;
    const int32_t e = v.PersonAt(k);
    if (e < 0) continue;
    const uint32_t mb = v.mention_at[k] >= 0 ? v.MentionBegin(k) : k, me = v.mention_at[k] >= 0 ? v.MentionEnd(k) : k + 1;
    int head = v.word_of_tok[k];
    for (uint32_t t = mb; t < me && t < sn.token_end; ++t) {
      const int w = v.word_of_tok[t];
      const int h = w >= 0 ? v.tree.Head(w) : -1;
      if (w >= 0 && (h < 0 || v.a.syntax.words[h].token < mb || v.a.syntax.words[h].token >= me)) {
        head = w;
        break;
      }
    }
    out.push_back({head, k, e, IsPronounWord(v, k)});
    k = std::max(k, me - 1);
  }
  return out;
}

// The kin word a path's inner word is: its role noun's predicate (a family one), or a spouse
// verb (a lemma of a relation pattern row emitting spouse_of). kNone otherwise.
Predicate KinPredicate(const DocView& v, int w) {
  const uint32_t tok = v.a.syntax.words[w].token;
  if (const RoleNoun* r = v.lex.Role(v.lower[tok])) {
    Family f;
    bool pf;
    return FamilyOf(r->predicate, &f, &pf) ? r->predicate : Predicate::kNone;
  }
  const std::string& lemma = v.a.syntax.words[w].lemma;
  for (const RelationPattern& row : DefaultPatterns().rows) {
    if (row.predicate != Predicate::kSpouseOf || row.alone || row.speculative) continue;
    if (std::find(row.trigger.lemmas.begin(), row.trigger.lemmas.end(), lemma) != row.trigger.lemmas.end())
      return Predicate::kSpouseOf;
  }
  return Predicate::kNone;
}

bool HangsAsPossessor(const DocView& v, int w, int kin) {
  const syntax::Word& x = v.a.syntax.words[w];
  return v.tree.Head(w) == kin && (x.rel == syntax::Rel::kNmod);
}

// A spouse verb's path: the verb between its subject and its object or oblique ("X married
// Y", "X was married to Y"), nothing else.
bool VerbArguments(const DocView& v, const std::vector<int>& path) {
  if (path.size() != 3) return false;
  auto rel = [&](int w) { return v.a.syntax.words[w].rel; };
  auto subject = [](syntax::Rel r) { return r == syntax::Rel::kNsubj; };
  auto object = [](syntax::Rel r) { return r == syntax::Rel::kObj || r == syntax::Rel::kObl; };
  return (subject(rel(path[0])) && object(rel(path[2]))) || (object(rel(path[0])) && subject(rel(path[2])));
}

// One candidate's words: the two people's words and the kin word on the path (-1 none).
struct Pick {
  int wa = -1, wb = -1, kin = -1;
  bool pa = false, pb = false;  // pronouns
  size_t len = 0;
};

using Key = std::tuple<int, int32_t, int32_t, uint32_t>;  // family, a, b, sentence

Key KeyOf(Family f, int32_t a, int32_t b, uint32_t s) { return {int(f), a, b, s}; }

// Orients a kin word's claim: the predicate with holder and anchor (for parent and child
// nouns the anchor is the person hanging on the noun as possessor or "of" phrase).
bool Orient(const DocView& v, Predicate p, const PersonWord& x, const PersonWord& y, int kin, FamilyCandidate* c) {
  Family f;
  bool parent_first = false;
  if (!FamilyOf(p, &f, &parent_first)) return false;
  c->family = f;
  c->predicate = p;
  if (f != Family::kParent) {
    c->subject = x.entity, c->object = y.entity;
    c->a = std::min(x.entity, y.entity), c->b = std::max(x.entity, y.entity);
    return true;
  }
  const bool xa = HangsAsPossessor(v, x.word, kin), ya = HangsAsPossessor(v, y.word, kin);
  if (xa == ya) return false;
  const PersonWord& holder = xa ? y : x;
  const PersonWord& anchor = xa ? x : y;
  c->subject = holder.entity, c->object = anchor.entity;
  c->a = parent_first ? holder.entity : anchor.entity;
  c->b = parent_first ? anchor.entity : holder.entity;
  return true;
}

// The kin candidates of sentence s: pairs of people whose path runs through a kin word.
void KinCandidates(const DocView& v, uint32_t s, const std::vector<PersonWord>& people,
                   std::map<Key, std::pair<FamilyCandidate, Pick>>* out) {
  for (size_t i = 0; i < people.size(); ++i)
    for (size_t j = i + 1; j < people.size(); ++j) {
      const PersonWord &x = people[i], &y = people[j];
      if (x.entity == y.entity) continue;
      const std::vector<int> path = v.tree.Path(x.word, y.word);
      if (path.size() < 3 || path.size() > kMaxPathWords) continue;
      for (size_t k = 1; k + 1 < path.size(); ++k) {
        const Predicate p = KinPredicate(v, path[k]);
        if (p == Predicate::kNone) continue;
        const bool noun = v.lex.Role(v.lower[v.a.syntax.words[path[k]].token]) != nullptr;
        if (noun && ((k != 1 && k + 2 != path.size()) || path.size() > 4)) continue;  // a kin noun on one of the two
        if (!noun && !VerbArguments(v, path)) continue;
        FamilyCandidate c;
        if (!Orient(v, p, x, y, path[k], &c)) continue;
        c.sentence = s;
        c.trigger_tok = v.a.syntax.words[path[k]].token;
        Pick pick{x.word, y.word, path[k], x.pronoun, y.pronoun, path.size()};
        auto [it, fresh] = out->emplace(KeyOf(c.family, c.a, c.b, s), std::make_pair(c, pick));
        if (!fresh && it->second.second.len > pick.len) it->second = {c, pick};
      }
    }
}

// Training only: every pair of people of sentence s within the path limit, as a candidate of
// each family (parent both ways), where the kin words gave none.
void PairCandidates(const DocView& v, uint32_t s, const std::vector<PersonWord>& people,
                    std::map<Key, std::pair<FamilyCandidate, Pick>>* out) {
  for (size_t i = 0; i < people.size(); ++i)
    for (size_t j = 0; j < people.size(); ++j) {
      const PersonWord &x = people[i], &y = people[j];
      if (x.entity == y.entity) continue;
      const std::vector<int> path = v.tree.Path(x.word, y.word);
      if (path.size() < 2 || path.size() > kMaxPathWords) continue;
      Pick pick{x.word, y.word, -1, x.pronoun, y.pronoun, path.size()};
      for (size_t k = 1; k + 1 < path.size() && pick.kin < 0; ++k)
        if (KinPredicate(v, path[k]) != Predicate::kNone) pick.kin = path[k];
      for (Family f : {Family::kSpouse, Family::kParent, Family::kSibling}) {
        if (f != Family::kParent && x.entity > y.entity) continue;
        FamilyCandidate c;
        c.family = f, c.a = x.entity, c.b = y.entity, c.sentence = s, c.trigger_tok = x.tok;
        c.predicate = f == Family::kSpouse ? Predicate::kSpouseOf : f == Family::kSibling ? Predicate::kSiblingOf : Predicate::kParentOf;
        c.subject = x.entity, c.object = y.entity;
        out->emplace(KeyOf(f, c.a, c.b, s), std::make_pair(c, pick));
      }
    }
}

uint32_t SentenceAtByte(const DocView& v, uint32_t byte) {
  const auto& ss = v.a.layout.sentences;
  auto it = std::upper_bound(ss.begin(), ss.end(), byte, [](uint32_t b, const Sentence& s) { return b < s.byte_begin; });
  return it == ss.begin() ? 0 : static_cast<uint32_t>(it - ss.begin() - 1);
}

// The words of a rule claim's two people in its sentence (the pair with the shortest path).
Pick RulePick(const DocView& v, const std::vector<PersonWord>& people, int32_t x, int32_t y) {
  Pick best;
  for (const PersonWord& p : people)
    for (const PersonWord& q : people) {
      if (p.entity != x || q.entity != y) continue;
      const size_t len = v.tree.Path(p.word, q.word).size();
      if (len == 0 || (best.wa >= 0 && len >= best.len)) continue;
      best = Pick{p.word, q.word, -1, p.pronoun, q.pronoun, len};
    }
  if (best.wa < 0) return best;
  const std::vector<int> path = v.tree.Path(best.wa, best.wb);
  for (size_t k = 1; k + 1 < path.size() && best.kin < 0; ++k)
    if (KinPredicate(v, path[k]) != Predicate::kNone) best.kin = path[k];
  return best;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = char(ch | 0x20);
  return out;
}

// The last word of a person's name, lower-cased ("" for a one-word name).
std::string Surname(const DocView& v, int32_t e) {
  const std::string& n = v.a.local_entities[e].name;
  const size_t sp = n.rfind(' ');
  return sp == std::string::npos ? "" : LowerAscii(n.substr(sp + 1));
}

// The path between the picked words: relations with their direction, and the lemmas inside
// (kin words as their family).
void PathFeatures(const DocView& v, uint64_t fam, const Pick& p, std::vector<uint64_t>* out) {
  const std::vector<int> path = v.tree.Path(p.wa, p.wb);
  uint64_t rels = HashStr("path"), lex = HashStr("lex");
  for (size_t k = 0; k + 1 < path.size(); ++k) {
    const int x = path[k], y = path[k + 1];
    const bool up = v.tree.Head(x) == y;
    const syntax::Word& arc = v.a.syntax.words[up ? x : y];
    const uint64_t step = F(up ? 1 : 2, uint64_t(arc.rel), uint64_t(arc.sub));
    rels = syntax::Mix(rels, step);
    lex = syntax::Mix(lex, step);
    if (k + 2 < path.size()) {
      const int w = path[k + 1];
      const Predicate kp = KinPredicate(v, w);
      const uint64_t word = kp != Predicate::kNone ? F(3, uint64_t(kp)) : HashStr(v.a.syntax.words[w].lemma);
      lex = syntax::Mix(lex, word);
      out->push_back(F(10, fam, HashStr(v.a.syntax.words[w].lemma)));
    }
  }
  out->push_back(F(11, fam, rels));
  out->push_back(F(12, fam, lex));
  out->push_back(F(13, fam, std::min<size_t>(path.size(), 7)));
  const syntax::Word &a = v.a.syntax.words[p.wa], &b = v.a.syntax.words[p.wb];
  out->push_back(F(14, fam, uint64_t(a.rel) * 64 + uint64_t(b.rel)));
}

// The shape of a person's name: its words (1, 2, 3 or more) and how often the document
// names them (1, 2, 3 or more mentions that are no pronoun).
uint64_t NameShape(const DocView& v, int32_t e) {
  const std::string& n = v.a.local_entities[e].name;
  const uint64_t words = std::min<uint64_t>(3, 1 + std::count(n.begin(), n.end(), ' '));
  uint64_t named = 0;
  for (const Mention& m : v.a.mentions)
    named += m.entity_idx == e && !m.descriptor && m.byte_end - m.byte_begin > 3;
  return words * 4 + std::min<uint64_t>(named, 3);
}

// The features of one candidate (see the header).
void Features(const DocView& v, const FamilyCandidate& c, const Pick& p, size_t people, std::vector<uint64_t>* out) {
  const uint64_t fam = uint64_t(c.family) + 1;
  const bool rule = c.claim >= 0;
  const uint64_t shape_a = NameShape(v, c.a), shape_b = NameShape(v, c.b);
  out->push_back(F(8, fam, std::min(shape_a, shape_b) * 16 + std::max(shape_a, shape_b)));
  out->push_back(F(9, std::min(shape_a, shape_b) / 4));
  out->push_back(F(1, 0));
  out->push_back(F(2, fam));
  out->push_back(F(3, fam, rule));
  out->push_back(F(4, fam, rule * 2 + (p.kin >= 0)));
  out->push_back(F(5, fam, uint64_t(c.predicate)));
  if (c.derived != Derivation::kNone) {
    out->push_back(F(7, fam, uint64_t(c.derived)));
    return;
  }
  if (p.wa < 0) {
    out->push_back(F(6, fam, rule));  // no parse, or the people not in one tree
    return;
  }
  PathFeatures(v, fam, p, out);
  if (p.kin >= 0) out->push_back(F(15, fam, HashStr(v.a.syntax.words[p.kin].lemma)));
  out->push_back(F(16, fam, p.pa * 2 + p.pb));
  const uint32_t ta = v.a.syntax.words[p.wa].token, tb = v.a.syntax.words[p.wb].token;
  const uint32_t dist = ta < tb ? tb - ta : ta - tb;
  out->push_back(F(17, fam, dist < 3 ? dist : dist < 6 ? 3 : dist < 12 ? 4 : 5));
  out->push_back(F(18, fam, std::min<size_t>(people, 6)));
  const Sentence& sn = v.a.layout.sentences[c.sentence];
  bool negator = false;
  for (uint32_t k = std::min(ta, tb); k <= std::max(ta, tb); ++k) negator = negator || v.lex.IsNegator(v.lower[k]);
  out->push_back(F(19, fam, negator));
  out->push_back(F(20, fam, sn.token_end > sn.token_begin && v.lower[sn.token_end - 1] == "?"));
  out->push_back(F(21, fam, v.quote_at[ta] >= 0 || v.quote_at[tb] >= 0));
  const std::string sa = Surname(v, c.a), sb = Surname(v, c.b);
  out->push_back(F(22, fam, !sa.empty() && sa == sb));
  out->push_back(F(23, fam, ta < tb));
}

// The family facts the rules' claims state, as (first, second, sentence): parents (parent
// first) and siblings.
struct Facts {
  std::vector<std::tuple<int32_t, int32_t, uint32_t>> parent, sibling;
};

Facts FactsOf(const std::map<Key, std::pair<FamilyCandidate, Pick>>& found) {
  Facts f;
  for (const auto& [key, cp] : found) {
    const FamilyCandidate& c = cp.first;
    if (c.claim < 0) continue;
    if (c.family == Family::kParent) f.parent.emplace_back(c.a, c.b, c.sentence);
    if (c.family == Family::kSibling) f.sibling.emplace_back(c.a, c.b, c.sentence), f.sibling.emplace_back(c.b, c.a, c.sentence);
  }
  return f;
}

// The derived candidates (Derivation) of pairs that no candidate holds yet.
void DerivedCandidates(const DocView& v, std::map<Key, std::pair<FamilyCandidate, Pick>>* found) {
  std::set<std::tuple<int, int32_t, int32_t>> held;
  for (const auto& [key, cp] : *found) held.emplace(int(cp.first.family), cp.first.a, cp.first.b);
  const Facts f = FactsOf(*found);
  auto add = [&](Derivation d, Family fam, int32_t a, int32_t b, uint32_t s) {
    if (a == b || a < 0 || b < 0) return;
    if (fam != Family::kParent && a > b) std::swap(a, b);
    if (!held.emplace(int(fam), a, b).second) return;
    FamilyCandidate c;
    c.family = fam, c.a = a, c.b = b, c.sentence = s, c.derived = d;
    c.trigger_tok = v.a.layout.sentences[s].token_begin;
    c.predicate = fam == Family::kSpouse ? Predicate::kSpouseOf : fam == Family::kSibling ? Predicate::kSiblingOf : Predicate::kParentOf;
    c.subject = a, c.object = b;
    found->emplace(KeyOf(fam, a, b, s), std::make_pair(c, Pick{}));
  };
  for (const auto& [p, x, sx] : f.parent)
    for (const auto& [q, y, sy] : f.parent) {
      if (p == q && x < y) add(Derivation::kSharedParent, Family::kSibling, x, y, std::max(sx, sy));
    }
  for (const auto& [p, x, sx] : f.parent)
    for (const auto& [a, b, sy] : f.sibling)
      if (a == x) add(Derivation::kSiblingsParent, Family::kParent, p, b, std::max(sx, sy));
}

}  // namespace

bool FamilyOf(Predicate p, Family* family, bool* parent_first) {
  *parent_first = false;
  switch (p) {
    case Predicate::kSpouseOf:
    case Predicate::kDivorcedFrom: *family = Family::kSpouse; return true;
    case Predicate::kParentOf: *family = Family::kParent, *parent_first = true; return true;
    case Predicate::kChildOf:
    case Predicate::kAdoptedChildOf:
    case Predicate::kStepchildOf: *family = Family::kParent; return true;
    case Predicate::kSiblingOf: *family = Family::kSibling; return true;
    default: return false;
  }
}

std::string_view FamilyName(Family f) {
  return f == Family::kSpouse ? "spouse" : f == Family::kParent ? "parent/child" : "sibling";
}

std::vector<FamilyCandidate> FamilyCandidates(const DocView& v, size_t first_claim, bool all_pairs) {
  std::map<Key, std::pair<FamilyCandidate, Pick>> found;
  std::map<uint32_t, std::vector<PersonWord>> people;  // per sentence with candidates or claims
  auto people_of = [&](uint32_t s) -> const std::vector<PersonWord>& {
    auto it = people.find(s);
    if (it == people.end()) it = people.emplace(s, PersonWords(v, s)).first;
    return it->second;
  };
  const auto& sents = v.a.layout.sentences;
  for (uint32_t s = 0; s < sents.size(); ++s)
    if (sents[s].token_end > sents[s].token_begin && v.HasParse(sents[s].token_begin)) {
      KinCandidates(v, s, people_of(s), &found);
      if (all_pairs) PairCandidates(v, s, people_of(s), &found);
    }
  for (size_t i = first_claim; i < v.a.claims.size(); ++i) {
    const Claim& cl = v.a.claims[i];
    FamilyCandidate c;
    bool parent_first = false;
    if (cl.object_entity < 0 || cl.polarity != Polarity::kAffirmed || !FamilyOf(cl.predicate, &c.family, &parent_first))
      continue;
    c.sentence = SentenceAtByte(v, cl.evidence_byte_begin);
    c.a = c.family == Family::kParent && !parent_first ? cl.object_entity : cl.subject_entity;
    c.b = c.family == Family::kParent && !parent_first ? cl.subject_entity : cl.object_entity;
    if (c.family != Family::kParent && c.a > c.b) std::swap(c.a, c.b);
    c.claim = static_cast<int32_t>(i);
    c.predicate = cl.predicate, c.subject = cl.subject_entity, c.object = cl.object_entity;
    auto it = found.find(KeyOf(c.family, c.a, c.b, c.sentence));
    if (it != found.end()) {
      it->second.first.claim = c.claim;
      continue;
    }
    Pick p = v.HasParse(sents[c.sentence].token_begin) ? RulePick(v, people_of(c.sentence), cl.subject_entity, cl.object_entity) : Pick{};
    c.trigger_tok = sents[c.sentence].token_begin;
    found.emplace(KeyOf(c.family, c.a, c.b, c.sentence), std::make_pair(c, p));
  }
  DerivedCandidates(v, &found);
  std::vector<FamilyCandidate> out;
  for (auto& [key, cp] : found) {
    Features(v, cp.first, cp.second, people_of(cp.first.sentence).size(), &cp.first.features);
    out.push_back(std::move(cp.first));
  }
  std::stable_sort(out.begin(), out.end(), [](const FamilyCandidate& x, const FamilyCandidate& y) {
    return x.trigger_tok < y.trigger_tok;
  });
  return out;
}

float RelationScorer::Score(const std::vector<uint64_t>& features) const {
  float s[2] = {0, 0};
  linear.Score(features.data(), features.size(), s);
  return s[1] - s[0];
}

std::string RelationScorer::Serialize() const {
  std::string out;
  syntax::PutHeader(&out, kHeader);
  syntax::PutStr(&out, provenance);
  syntax::PutF32(&out, drop_threshold);
  syntax::PutF32(&out, add_threshold);
  linear.Write(&out);
  return out;
}

Result<std::unique_ptr<RelationScorer>> RelationScorer::FromBytes(std::string_view in, const std::string& name) {
  auto bad = [&](const std::string& what) { return DataLossError(name + ": not a relation scorer: " + what); };
  if (std::string why = syntax::GetHeader(&in, kHeader); !why.empty()) return bad(why);
  auto m = std::make_unique<RelationScorer>();
  if (!syntax::GetStr(&in, &m->provenance) || !syntax::GetF32(&in, &m->drop_threshold) ||
      !syntax::GetF32(&in, &m->add_threshold))
    return bad("truncated header");
  Status s = m->linear.Read(&in);
  if (!s.ok()) return bad(s.message());
  return m;
}

Result<std::unique_ptr<RelationScorer>> RelationScorer::Load(const std::string& path) {
  auto bytes = ReadWholeFile(path, 64ull << 20);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace hearsay::extract
