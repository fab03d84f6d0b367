// Candidates and features of a pronoun for the coreference ranker (internal/pronouns.h).
#include "resolve/internal/pronouns.h"

#include <algorithm>
#include <string_view>

#include "syntax/internal/model.h"

namespace hearsay::resolve {
namespace {

using syntax::F;
using syntax::HashStr;

// Grammatical role of a word from its relation: 0 no parse, 1 subject, 2 object, 3
// possessor, 4 oblique, 5 other nominal modifier, 6 apposition, 7 conjunct, 8 compound, 9
// root, 10 other.
int RoleOf(const PronounDoc& d, int w) {
  if (w < 0) return 0;
  const syntax::Word& x = d.tree.word(w);
  switch (x.rel) {
    case syntax::Rel::kNsubj:
    case syntax::Rel::kCsubj: return 1;
    case syntax::Rel::kObj:
    case syntax::Rel::kIobj: return 2;
    case syntax::Rel::kNmod: return x.sub == syntax::Subtype::kPoss ? 3 : 5;
    case syntax::Rel::kObl: return 4;
    case syntax::Rel::kAppos: return 6;
    case syntax::Rel::kConj: return 7;
    case syntax::Rel::kCompound:
    case syntax::Rel::kFlat: return 8;
    case syntax::Rel::kRoot: return 9;
    default: return 10;
  }
}

bool Is(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if ((w[i] | 0x20) != lower[i]) return false;
  return true;
}

// The pronoun's form: 1 nominative, 2 accusative, 3 possessive, 4 reflexive (a "her" by
// its relation when parsed: a possessor or determiner is possessive).
int FormOf(const PronounDoc& d, uint32_t tok) {
  std::string_view w = d.Text(tok);
  if (Is(w, "he") || Is(w, "she")) return 1;
  if (Is(w, "him")) return 2;
  if (Is(w, "his") || Is(w, "hers")) return 3;
  if (Is(w, "himself") || Is(w, "herself")) return 4;
  int r = RoleOf(d, d.word_of_tok[tok]);
  if (r == 3 || (r == 10 && d.tree.word(d.word_of_tok[tok]).rel == syntax::Rel::kDet)) return 3;
  return r == 0 ? 5 : 2;  // 5: a "her" without a parse
}

int Bucket(int v, std::initializer_list<int> bounds) {
  int b = 0;
  for (int x : bounds) {
    if (v < x) return b;
    ++b;
  }
  return b;
}

// What lies between the candidate's mention and the pronoun when they are close: 1 a comma
// (apposition "X, his son"; "X, 43, his son"), 2 "and" ("X and his wife"), 0 otherwise.
int Between(const PronounDoc& d, uint32_t end, uint32_t tok) {
  const auto& t = d.a.layout.tokens;
  if (tok == end + 1 && Is(d.Text(end), "and")) return 2;
  if (tok == end + 1 && d.Text(end) == ",") return 1;
  if (tok == end + 3 && d.Text(end) == "," && t[end + 1].kind == TokenKind::kNumber && d.Text(end + 2) == ",") return 1;
  return 0;
}

struct Pronoun {
  uint32_t tok = 0, sentence = 0;
  int gender = 0, form = 0, role = 0, clause = -1;
  bool quoted = false, sentence_initial = false;
  int noun_subject = -1;       // word of the nearest common-noun subject before (NounSubjectBefore)
  uint32_t noun_subject_tok = 0;
};

// Features of the pair (pronoun p, candidate at mention m of a person with facts f).
std::vector<uint64_t> PairFeatures(const PronounDoc& d, const Pronoun& p, const SeenMention& m, const PersonFacts& f,
                                   int rank, int agree_rank, int count, bool first_in_sentence) {
  std::vector<uint64_t> out;
  out.reserve(24);
  const uint32_t ms = d.sentence_of_token[m.tok_begin];
  const int sdist = std::min<int>(int(p.sentence - ms), 4);
  const int agree = f.gender == 0 ? 0 : (f.gender == p.gender ? 1 : 2);
  const int hw = d.HeadWord(m.tok_begin, m.tok_end);
  const int role = RoleOf(d, hw);
  const bool same_clause = p.clause >= 0 && hw >= 0 && d.tree.ClauseOf(hw) == p.clause;
  const int mq = d.quote_of_tok[m.tok_begin] >= 0 ? 1 : 0;
  const int quote = (mq << 1 | p.quoted) + (mq && p.quoted && d.quote_of_tok[m.tok_begin] != d.quote_of_tok[p.tok] ? 4 : 0);
  const int between = Between(d, m.tok_end, p.tok);
  const int tdist = sdist == 0 ? Bucket(int(p.tok - m.tok_end), {2, 4, 9, 16}) : 5;
  const int sal = Bucket(count, {2, 3, 5, 9});
  static const uint64_t kT[] = {HashStr("bias"),  HashStr("sdist"), HashStr("rank"),   HashStr("agree"),
                                HashStr("roles"), HashStr("par"),   HashStr("clause"), HashStr("quote"),
                                HashStr("sal"),   HashStr("pron"),  HashStr("btw"),    HashStr("first"),
                                HashStr("prevs"), HashStr("arank"), HashStr("tdist"),  HashStr("mrole")};
  out.push_back(F(kT[0], 1));
  out.push_back(F(kT[1], sdist, p.form));
  out.push_back(F(kT[2], std::min(rank, 3)));
  out.push_back(F(kT[3], agree, std::min(sdist, 2)));
  out.push_back(F(kT[13], agree == 2 ? 9 : std::min(agree_rank, 3), agree));
  out.push_back(F(kT[4], role, p.role));
  out.push_back(F(kT[15], role, sdist == 0));
  out.push_back(F(kT[5], role == p.role && role != 0, std::min(sdist, 2)));
  out.push_back(F(kT[6], same_clause, p.form, role));
  out.push_back(F(kT[7], quote, std::min(sdist, 1)));
  out.push_back(F(kT[8], sal, std::min(sdist, 2)));
  out.push_back(F(kT[9], m.pronoun, std::min(sdist, 2), agree));
  out.push_back(F(kT[10], between, p.form));
  out.push_back(F(kT[11], first_in_sentence, std::min(sdist, 2), agree));
  out.push_back(F(kT[12], p.sentence_initial && sdist == 1 && first_in_sentence, agree));
  out.push_back(F(kT[14], tdist, p.form, agree));
  // The candidate is the subject of the pronoun's clause ("X is estranged from his father").
  static const uint64_t kClauseSubject = HashStr("clausesubj");
  const bool clause_subject = p.clause >= 0 && hw >= 0 && d.tree.Subject(p.clause) == hw;
  out.push_back(F(kClauseSubject, clause_subject, p.form));
  static const uint64_t kNounBetween = HashStr("nounbtw");
  out.push_back(F(kNounBetween, p.noun_subject >= 0 && p.noun_subject_tok > m.tok_end, std::min(sdist, 2)));
  return out;
}

std::vector<uint64_t> NoneFeatures(const Pronoun& p, size_t candidates, int agreeing,
                                   int nearest_agree_sdist) {
  static const uint64_t kT[] = {HashStr("n.bias"), HashStr("n.form"), HashStr("n.agree"), HashStr("n.cands"),
                                HashStr("n.quote"), HashStr("n.near"), HashStr("n.nsubj")};
  const bool noun = p.noun_subject >= 0;
  return {F(kT[0], 1),
          F(kT[6], noun, nearest_agree_sdist),
          F(kT[1], p.form),
          F(kT[2], std::min(agreeing, 3)),
          F(kT[3], std::min<size_t>(candidates, 4)),
          F(kT[4], p.quoted, p.role),
          F(kT[5], nearest_agree_sdist)};
}

// The earlier possessive of the same gender a possessive at tok repeats within its phrase,
// across a preposition ("his son from his first marriage"), or -1.
int ChainedPossessive(const PronounDoc& d, uint32_t tok) {
  std::string_view me = d.Text(tok);
  const bool male = Is(me, "his");
  bool preposition = false;
  for (uint32_t k = tok; k-- > 0 && tok - k <= 5;) {
    std::string_view w = d.Text(k);
    if (d.sentence_of_token[k] != d.sentence_of_token[tok] || w == "," || w == ";" || w == ":" || w == "(" ||
        w == ")")
      return -1;
    if (Is(w, "from") || Is(w, "of") || Is(w, "with") || Is(w, "by") || Is(w, "to")) preposition = true;
    if ((male && Is(w, "his")) || (!male && Is(w, "her"))) return preposition ? int(k) : -1;
  }
  return -1;
}

// The candidate the grammar decides for a possessive at tok (PronounCase::forced), or -1.
int Forced(const PronounDoc& d, uint32_t tok, int chained, const std::vector<const SeenMention*>& nearest) {
  for (size_t r = 0; r < nearest.size(); ++r) {
    const SeenMention& m = *nearest[r];
    if (chained >= 0 && m.pronoun && m.tok_begin == uint32_t(chained)) return int(r);
    if (chained < 0 && !m.pronoun && Between(d, m.tok_end, tok) == 2) return int(r);
  }
  return -1;
}

}  // namespace

PronounDoc::PronounDoc(const Document& d, const DocumentAnalysis& an, const std::vector<uint32_t>& sot)
    : doc(d), a(an), sentence_of_token(sot), tree(an.syntax) {
  const size_t n = a.layout.tokens.size();
  word_of_tok.assign(n, -1);
  for (size_t w = a.syntax.words.size(); w-- > 0;)
    if (a.syntax.words[w].token < n) word_of_tok[a.syntax.words[w].token] = int32_t(w);
  for (const syntax::SentenceParse& s : a.syntax.sentences)  // words of unparsed sentences have no tree
    if (!s.parsed)
      for (uint32_t w = s.word_begin; w < s.word_end; ++w)
        if (a.syntax.words[w].token < n) word_of_tok[a.syntax.words[w].token] = -1;
  named_tok.assign(n, 0);
  for (const Mention& m : a.mentions) {
    if (m.type != EntityType::kPerson || m.descriptor) continue;
    auto it = std::lower_bound(a.layout.tokens.begin(), a.layout.tokens.end(), m.byte_begin,
                               [](const Token& k, uint32_t b) { return k.byte_end <= b; });
    for (; it != a.layout.tokens.end() && it->byte_begin < m.byte_end; ++it) named_tok[it - a.layout.tokens.begin()] = 1;
  }
  quote_of_tok.assign(n, -1);
  size_t t = 0;
  for (uint32_t q = 0; q < a.layout.quote_spans.size(); ++q) {
    const QuoteSpan& qs = a.layout.quote_spans[q];
    while (t > 0 && a.layout.tokens[t - 1].byte_end > qs.byte_begin) --t;
    while (t < n && a.layout.tokens[t].byte_end <= qs.byte_begin) ++t;
    for (size_t k = t; k < n && a.layout.tokens[k].byte_begin < qs.byte_end; ++k)
      if (quote_of_tok[k] < 0) quote_of_tok[k] = int32_t(q);
  }
}

std::string_view PronounDoc::Text(uint32_t tok) const {
  const Token& k = a.layout.tokens[tok];
  return std::string_view(doc.text).substr(k.byte_begin, k.byte_end - k.byte_begin);
}

bool PronounDoc::InCaption(uint32_t tok) const {
  uint32_t s = sentence_of_token[tok];
  if (s == UINT32_MAX) return false;
  uint32_t p = a.layout.sentences[s].paragraph_idx;
  return p < a.layout.paragraphs.size() && a.layout.paragraphs[p].kind == BlockKind::kCaption;
}

int PronounDoc::HeadWord(uint32_t b, uint32_t e) const {
  for (uint32_t k = b; k < e; ++k) {
    int w = word_of_tok[k];
    if (w < 0) continue;
    int h = tree.Head(w);
    if (h < 0 || a.syntax.words[h].token < b || a.syntax.words[h].token >= e) return w;
  }
  return -1;
}

bool PronounDoc::PossessedByName(int w) const {
  for (int c : tree.Children(w)) {
    const syntax::Word& x = tree.word(c);
    if (x.rel == syntax::Rel::kNmod && x.sub == syntax::Subtype::kPoss && x.token < named_tok.size() && named_tok[x.token])
      return true;
  }
  return false;
}

int PronounDoc::NounSubjectBefore(uint32_t tok, uint32_t* token) const {
  const uint32_t s = sentence_of_token[tok];
  for (uint32_t k = tok; k-- > 0;) {
    uint32_t ks = sentence_of_token[k];
    if (ks == UINT32_MAX || ks + 1 < s) break;
    int w = word_of_tok[k];
    if (w < 0 || named_tok[k]) continue;
    const syntax::Word& x = tree.word(w);
    if (x.rel == syntax::Rel::kNsubj && x.upos == syntax::Upos::kNOUN && !PossessedByName(w)) {
      *token = k;
      return w;
    }
  }
  return -1;
}

PronounCase BuildPronounCase(const PronounDoc& d, uint32_t tok, int gender, const std::vector<SeenMention>& seen,
                             const std::vector<PersonFacts>& people, const std::vector<int>& count) {
  PronounCase c;
  c.byte_begin = d.a.layout.tokens[tok].byte_begin;
  c.byte_end = d.a.layout.tokens[tok].byte_end;
  Pronoun p;
  p.tok = tok;
  p.sentence = d.sentence_of_token[tok];
  p.gender = gender;
  p.form = FormOf(d, tok);
  p.role = RoleOf(d, d.word_of_tok[tok]);
  p.clause = d.word_of_tok[tok] >= 0 ? d.tree.ClauseOf(d.word_of_tok[tok]) : -1;
  p.quoted = d.quote_of_tok[tok] >= 0;
  p.sentence_initial = p.sentence != UINT32_MAX && d.a.layout.sentences[p.sentence].token_begin == tok;
  if (p.sentence == UINT32_MAX) return c;
  p.noun_subject = d.NounSubjectBefore(tok, &p.noun_subject_tok);
  const int chained = p.form == 3 ? ChainedPossessive(d, tok) : -1;
  // Nearest mention of each person within the window, nearest first.
  std::vector<const SeenMention*> nearest;
  std::vector<char> taken(people.size(), 0);
  for (size_t k = seen.size(); k-- > 0;) {
    const SeenMention& m = seen[k];
    uint32_t s = d.sentence_of_token[m.tok_begin];
    if (s == UINT32_MAX || s > p.sentence || p.sentence - s > kCorefWindow) {
      if (s != UINT32_MAX && s <= p.sentence && p.sentence - s > kCorefWindow) break;
      continue;
    }
    if (m.tok_end > tok || taken[m.person] || people[m.person].entity < 0 || d.InCaption(m.tok_begin)) continue;
    // A person named inside a quotation of the pronoun's sentence is no antecedent of a
    // pronoun outside it, at any mention ("“X and Y have split,” he said": he is neither).
    if (!p.quoted && s == p.sentence && d.quote_of_tok[m.tok_begin] >= 0) {
      taken[m.person] = 1;
      continue;
    }
    // A resolved possessive is no antecedent of its own (a possessor ranks low), except the
    // one a possessive repeats ("his son from his first marriage").
    if (m.pronoun && m.tok_end == m.tok_begin + 1 && int(m.tok_begin) != chained && FormOf(d, m.tok_begin) == 3) continue;
    taken[m.person] = 1;
    if (p.form == 3 && !m.pronoun && Between(d, m.tok_end, tok) == 1) continue;  // apposition: never that person
    nearest.push_back(&m);
  }
  int agreeing = 0, nearest_agree = 5;
  for (const SeenMention* m : nearest) {
    const PersonFacts& f = people[m->person];
    if (f.gender != 0 && f.gender != gender) continue;
    if (agreeing++ == 0) nearest_agree = std::min<int>(int(p.sentence - d.sentence_of_token[m->tok_begin]), 4);
  }
  int agree_rank = 0;
  for (size_t r = 0; r < nearest.size(); ++r) {
    const SeenMention& m = *nearest[r];
    const PersonFacts& f = people[m.person];
    // First person of its sentence: no mention of another person earlier in that sentence.
    bool first = true;
    for (const SeenMention* o : nearest)
      if (o->tok_begin < m.tok_begin && d.sentence_of_token[o->tok_begin] == d.sentence_of_token[m.tok_begin]) first = false;
    PronounCandidate pc;
    pc.entity = f.entity;
    pc.mention_begin = d.a.layout.tokens[m.tok_begin].byte_begin;
    pc.mention_end = d.a.layout.tokens[m.tok_end - 1].byte_end;
    pc.features = PairFeatures(d, p, m, f, int(r), agree_rank, count[m.person], first);
    if (f.gender == 0 || f.gender == gender) ++agree_rank;
    c.candidates.push_back(std::move(pc));
  }
  c.none_features = NoneFeatures(p, nearest.size(), agreeing, nearest_agree);
  if (p.form == 3) c.forced = Forced(d, tok, chained, nearest);
  return c;
}

}  // namespace hearsay::resolve
