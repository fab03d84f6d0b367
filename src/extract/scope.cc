#include "extract/internal/scope.h"

#include <string>

#include "extract/internal/patterns.h"

namespace hearsay::extract {
namespace {

using syntax::Rel;
using syntax::Upos;

std::string Lower(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
  return out;
}

// By the word's lemma, else by its form (a row may list a form the lemmatiser gets wrong:
// "lied" has the lemma "ly").
bool HasClass(const DocView& v, int w, ScopeClass cls) {
  const ScopeClass* c = v.lex.Scope(Lower(v.tree.word(w).lemma));
  if (!c) c = v.lex.Scope(v.lower[v.tree.word(w).token]);
  return c && *c == cls;
}

// Relations by which a clause hangs under another clause (or a noun, for acl).
bool Clausal(Rel r) {
  return r == Rel::kCcomp || r == Rel::kXcomp || r == Rel::kAdvcl || r == Rel::kAcl || r == Rel::kParataxis ||
         r == Rel::kConj || r == Rel::kCsubj;
}

// A "?" closing the sentence of tok, in tok's quotation (or outside quotations with it).
bool InQuestion(const DocView& v, uint32_t tok) {
  const Sentence& s = v.SentenceOf(tok);
  for (uint32_t k = tok + 1; k < s.token_end; ++k)
    if (v.lower[k] == "?" && v.quote_at[k] == v.quote_at[tok]) return true;
  return false;
}

// The first conjunct whose auxiliaries a conjunct predicate shares: p is a conj with no
// subject and no auxiliary of its own ("couldn't have gotten secretly engaged" read as
// "gotten" and "engaged" coordinated); -1 otherwise.
int SharedAuxHead(const syntax::Tree& t, int p) {
  if (p < 0 || t.word(p).rel != Rel::kConj || t.Head(p) < 0) return -1;
  for (int c : t.Children(p)) {
    const Rel r = t.word(c).rel;
    if (r == Rel::kNsubj || r == Rel::kCsubj || r == Rel::kAux || r == Rel::kCop) return -1;
  }
  return t.Head(p);
}

// The weakest frame over the clause `start` and the clauses above it. `own` says whether the
// clause itself is the trigger's predicate (conditions and modals on it count) or only holds
// a presupposed argument (only hearsay frames above count). Sets *denied when a denial verb
// above governs the clause, directly or through its object noun ("denied claims that ...").
Modality FramesAbove(const DocView& v, int start, bool own, bool* denied) {
  const syntax::Tree& t = v.tree;
  Modality m = Modality::kAsserted;
  if (own) {
    int modal = t.ModalOf(start);
    if (modal < 0) modal = t.ModalOf(SharedAuxHead(t, start));  // "could have met and married"
    if (modal >= 0) {
      std::string l = Lower(t.word(modal).lemma);
      // "will marry", "won't marry": a wedding to come is no present relation either.
      if (l == "may" || l == "might" || l == "could" || l == "will" || l == "wo") m = Modality::kSpeculative;
    }
  }
  int cur = start;
  bool circumstance = false;  // crossed an adverbial clause ("while he was married to X")
  for (int guard = 0; cur >= 0 && guard < 12; ++guard) {
    bool above = cur != start;
    for (int c : t.Children(cur)) {
      const syntax::Word& cw = t.word(c);
      if (own && cw.rel == Rel::kMark && HasClass(v, c, ScopeClass::kCondition)) m = Modality::kSpeculative;
      if (above && (cw.rel == Rel::kNsubj) && HasClass(v, c, ScopeClass::kRumour)) m = Modality::kSpeculative;
    }
    const bool noun = t.word(cur).upos == Upos::kNOUN;
    if (above && ((noun && HasClass(v, cur, ScopeClass::kRumour)) || HasClass(v, cur, ScopeClass::kSpeculate) ||
                  (own && !circumstance && HasClass(v, cur, ScopeClass::kWish))))
      m = Modality::kSpeculative;
    // "denied claims that X is dating Y", "dismissed reports that ...": the clause is denied.
    if (above && noun && t.word(cur).rel == Rel::kObj && HasClass(v, t.Head(cur), ScopeClass::kDenial) &&
        denied != nullptr)
      *denied = true;
    if (above && HasClass(v, cur, ScopeClass::kDenial) && denied != nullptr) *denied = true;
    if (!Clausal(t.word(cur).rel)) break;
    if (t.word(cur).rel == Rel::kAdvcl) circumstance = true;
    cur = t.Head(cur);
  }
  return m;
}

}  // namespace

TreeScope ScopeAt(const DocView& v, uint32_t tok, TriggerKind kind) {
  TreeScope s;
  if (tok >= v.size() || v.sent_of[tok] == UINT32_MAX) return s;
  if (!v.HasParse(tok)) {
    if (kind != TriggerKind::kRoleNoun && InQuestion(v, tok)) s.modality = Modality::kSpeculative;
    return s;
  }
  s.parsed = true;
  const syntax::Tree& t = v.tree;
  const int w = v.word_of_tok[tok];
  // "dating rumours", "romance speculation": the trigger modifies a rumour noun.
  const int head = t.Head(w);
  const Rel wrel = t.word(w).rel;
  if (head >= 0 && (wrel == Rel::kCompound || wrel == Rel::kAmod || wrel == Rel::kNmod) &&
      HasClass(v, head, ScopeClass::kRumour)) {
    s.modality = Modality::kSpeculative;
    return s;
  }
  // The predicate the trigger states its relation with; -1 for a presupposed argument.
  int p = -1;
  const bool copular = t.Child(w, Rel::kCop) >= 0;
  // A relation verb of the lexicon the tree reads as a noun that is also an event noun
  // ("... Following Split From X") is an event noun.
  const Upos u = t.word(w).upos;
  const bool converted = kind == TriggerKind::kVerb && (u == Upos::kNOUN || u == Upos::kPROPN) &&
                         v.lex.Event(v.lower[tok]) != nullptr;  // not "to date anyone" mis-tagged
  if (converted) kind = TriggerKind::kEventNoun;
  // "ditched her friendship with X", "ended their engagement": the relation held and ended.
  if (kind == TriggerKind::kEventNoun && t.word(w).rel == Rel::kObj && HasClass(v, t.Head(w), ScopeClass::kEnder))
    s.ended = true;
  // "her feud with X is now in the past", "their romance is over".
  if (kind == TriggerKind::kEventNoun && t.word(w).rel == Rel::kNsubj && HasClass(v, t.Head(w), ScopeClass::kEnder))
    s.ended = true;
  if (copular) p = w;
  else if (kind == TriggerKind::kVerb) p = t.ClauseOf(w);
  else if (kind == TriggerKind::kEventNoun && t.word(w).rel == Rel::kObj && Lower(t.word(t.Head(w)).lemma) == "have")
    p = t.Head(w);  // "did she have a relationship with X?", "has never had a romance with X"
  if (p < 0) {
    // "has no contact with X": a "no" on the noun itself still negates it.
    if (converted) s.negated = t.NegationOf(w) >= 0;
    int clause = t.ClauseOf(w);
    if (clause >= 0) s.modality = FramesAbove(v, clause, false, nullptr);
    return s;
  }
  int neg = t.NegationOf(p);
  if (neg < 0 && w != p) neg = t.NegationOf(w);
  if (neg < 0 && SharedAuxHead(t, p) >= 0) neg = t.NegationOf(SharedAuxHead(t, p));  // "has no contact with", "had no relationship with"
  // A verb the tree reads as a compound noun ("not to date anyone" as "date anyone") takes
  // the negation of the phrase it was folded into.
  if (neg < 0 && w != p && kind == TriggerKind::kVerb && t.word(w).rel == Rel::kCompound)
    neg = t.NegationOf(t.Head(w));
  if (neg >= 0) {
    // "not only were they dating, but ...": no negation.
    uint32_t nt = t.word(neg).token;
    if (nt + 1 < v.size() && v.lower[nt + 1] == "only") neg = -1;
  }
  for (int c : t.Children(p)) {
    const ScopeClass* by_form = v.lex.Scope(v.lower[t.word(c).token]);  // "longer" (lemma "long")
    bool ended_word = HasClass(v, c, ScopeClass::kEnded) || (by_form && *by_form == ScopeClass::kEnded);
    if (t.word(c).rel != Rel::kAdvmod || !ended_word) continue;
    // "no longer": "no" on "longer", on the predicate, or right before it.
    bool no = false;
    for (int d : t.Children(c)) no = no || Lower(t.word(d).lemma) == "no";
    uint32_t ct = t.word(c).token;
    no = no || (ct > 0 && v.lower[ct - 1] == "no");
    if (no) s.ended = true;
  }
  // "haven't been dating for long", "weren't married for very long": the negation is about
  // how long, not whether.
  bool duration = false;
  for (int c : t.Children(p)) duration = duration || Lower(t.word(c).lemma) == "long";
  s.negated = neg >= 0 && !s.ended && !duration;
  bool denied = false;
  s.modality = FramesAbove(v, p, true, &denied);
  // "was not allowed to date anyone" read with "date anyone" as the verb's argument: the
  // clause is the wish or obligation itself.
  if (w != p && kind == TriggerKind::kVerb && HasClass(v, p, ScopeClass::kWish)) s.modality = Modality::kSpeculative;
  s.denied_by_frame = denied;
  if (InQuestion(v, tok)) s.modality = Modality::kSpeculative;
  return s;
}

int32_t TreeSubjectPerson(const DocView& v, uint32_t tok) {
  if (tok >= v.size() || !v.HasParse(tok)) return -1;
  const syntax::Tree& t = v.tree;
  const int clause = t.ClauseOf(v.word_of_tok[tok]);
  int subj = t.Subject(clause);
  if (subj < 0) return -1;
  // A subject that is a name wins over another subject word the parser also attached ("that
  // Marisol Quenby is dating" read with two subjects).
  for (int c : t.Children(clause))
    if (c != subj && t.word(c).rel == Rel::kNsubj && v.mention_at[t.word(c).token] >= 0 &&
        v.PersonAt(t.word(c).token) >= 0)
      return v.PersonAt(t.word(c).token);
  // "X, who has never married": the relative pronoun stands for the noun its clause modifies.
  std::string l = Lower(t.word(subj).lemma);
  bool relative = false;
  if ((l == "who" || l == "that") && t.word(t.Head(subj)).rel == Rel::kAcl) {
    subj = t.Head(t.Head(subj));
    relative = true;
  } else if (l == "who") {
    // A relative clause the parser hung elsewhere ("the producer, who started dating X" as
    // parataxis): the antecedent is the word before the comma.
    uint32_t wt = t.word(subj).token;
    if (wt < 2 || v.lower[wt - 1] != "," || v.sent_of[wt - 2] != v.sent_of[wt]) return -1;
    uint32_t before = wt - 1;
    int32_t e = v.mention_at[before - 1] >= 0 ? v.PersonAt(before - 1) : -1;
    return e >= 0 ? e : kNoPersonSubject;
  }
  if (subj < 0) return -1;
  uint32_t st = t.word(subj).token;
  const Gender g = DocView::PronounGender(v.lower[st]);
  if (g == Gender::kPlural || DocView::IsFirstPerson(v.lower[st])) return -1;  // "they", "we": the token patterns
  if (DocView::IsPossessivePronoun(v.lower[st])) return -1;
  // The antecedent of a relative pronoun that is neither a mention nor a pronoun ("the
  // producer, who started dating X") names no person: the token patterns must not pick a
  // name nearby instead.
  int32_t e = v.mention_at[st] >= 0 || g != Gender::kUnknown ? v.PersonAt(st) : -1;
  return e >= 0 ? e : relative ? kNoPersonSubject : -1;
}

int32_t TreeCoordinatedAnchor(const DocView& v, uint32_t tok) {
  if (tok >= v.size() || !v.HasParse(tok)) return -1;
  const syntax::Tree& t = v.tree;
  int w = v.word_of_tok[tok];
  for (int c : t.Children(w))
    if (t.word(c).rel == Rel::kNmod || t.word(c).sub == syntax::Subtype::kPoss) return -1;  // has a possessor
  // "wife Y" is often a compound or flat on the name: climb to the name.
  int n = w;
  if (t.word(n).rel == Rel::kCompound || t.word(n).rel == Rel::kFlat || t.word(n).rel == Rel::kAppos) n = t.Head(n);
  if (n < 0 || t.word(n).rel != Rel::kConj) return -1;
  int head = t.Head(n);
  if (head < 0) return -1;
  // A list of roles ("her ex-husband A, ex-boyfriend B"): the first conjunct holds a role of
  // its own, so it is another holder, not the anchor.
  auto is_role = [&](int c) { return v.lex.Role(Lower(t.word(c).lemma)) || v.lex.Role(v.lower[t.word(c).token]); };
  for (int c : t.Children(head)) {
    const syntax::Word& cw = t.word(c);
    bool modifier = cw.rel == Rel::kCompound || cw.rel == Rel::kAppos || cw.sub == syntax::Subtype::kDesc;
    if (c != n && modifier && is_role(c)) return -1;
  }
  if (t.word(head).rel == Rel::kAppos || t.word(head).rel == Rel::kCompound || t.word(head).rel == Rel::kFlat) {
    int h2 = t.Head(head);
    if (h2 >= 0 && is_role(h2)) return -1;
  }
  return v.mention_at[t.word(head).token] >= 0 ? v.PersonAt(t.word(head).token) : -1;
}

int32_t TreeClauseAnchor(const DocView& v, uint32_t tok, int32_t holder) {
  if (tok >= v.size() || !v.HasParse(tok)) return -1;
  const syntax::Tree& t = v.tree;
  int w = v.word_of_tok[tok];
  // "married to co-star Y" read with the noun as a compound or flat on the name: the name.
  if ((t.word(w).rel == Rel::kCompound || t.word(w).rel == Rel::kFlat) && t.Head(w) >= 0 &&
      v.mention_at[t.word(t.Head(w)).token] >= 0)
    w = t.Head(w);
  // Only a role noun in an argument of its clause (subject, object, oblique, agent).
  Rel r = t.word(w).rel;
  if (r != Rel::kObl && r != Rel::kObj && r != Rel::kIobj) return -1;
  // Up from a clause without a subject of its own through adverbial and adnominal clauses
  // ("while being watched by girlfriend Y" hung on a noun of the main clause).
  int clause = t.ClauseOf(w);
  int subj = t.Subject(clause);
  for (int step = 0; subj < 0 && clause >= 0 && step < 3; ++step) {
    Rel r = t.word(clause).rel;
    if (r != Rel::kAdvcl && r != Rel::kAcl) break;
    clause = t.ClauseOf(t.Head(clause));
    subj = t.Subject(clause);
  }
  if (subj < 0) return -1;
  uint32_t st = t.word(subj).token;
  const Gender g = DocView::PronounGender(v.lower[st]);
  if (g == Gender::kPlural || DocView::IsFirstPerson(v.lower[st]) || DocView::IsPossessivePronoun(v.lower[st]))
    return -1;
  if (v.mention_at[st] < 0 && g == Gender::kUnknown) return -1;
  int32_t e = v.PersonAt(st);
  return e == holder ? -1 : e;
}

namespace {

// The verb or noun the role noun at tok is an argument of (object, oblique, subject, nmod),
// climbing from the noun to its phrase over compound, flat, apposition and conjunction; -1
// without a tree or such a head.
int ArgumentHead(const DocView& v, uint32_t tok) {
  if (tok >= v.size() || !v.HasParse(tok)) return -1;
  const syntax::Tree& t = v.tree;
  int w = v.word_of_tok[tok];
  // "wife Y" as a compound or flat on the name, "Y, his wife" as its apposition, "she and
  // husband Y" as a conjunct: climb to the phrase that is the argument.
  for (int step = 0; step < 3 && w >= 0; ++step) {
    const Rel r = t.word(w).rel;
    if (r != Rel::kCompound && r != Rel::kFlat && r != Rel::kAppos && r != Rel::kConj) break;
    w = t.Head(w);
  }
  if (w < 0) return -1;
  const Rel r = t.word(w).rel;
  if (r != Rel::kObj && r != Rel::kObl && r != Rel::kNsubj && r != Rel::kNmod) return -1;
  return t.Head(w);
}

}  // namespace

bool TreeWeddingHead(const DocView& v, uint32_t tok) {
  const int head = ArgumentHead(v, tok);
  if (head < 0) return false;
  const syntax::Tree& t = v.tree;
  const std::string l = Lower(t.word(head).lemma);
  if (l == "marry" || l == "wed" || l == "married") return true;
  // "tied the knot"
  for (int c : t.Children(head))
    if (l == "tie" && t.word(c).rel == Rel::kObj && Lower(t.word(c).lemma) == "knot") return true;
  return false;
}

bool TreeEndingHead(const DocView& v, uint32_t tok) {
  const int head = ArgumentHead(v, tok);
  if (head < 0) return false;
  const syntax::Tree& t = v.tree;
  const std::string l = Lower(t.word(head).lemma);
  if (l == "divorce" || l == "split" || l == "separate" || l == "dump") return true;
  // "broke up with", not "take a break with".
  if (l == "break")
    for (int c : t.Children(head))
      if (t.word(c).rel == Rel::kCompound && Lower(t.word(c).lemma) == "up") return true;
  return false;
}

}  // namespace hearsay::extract
