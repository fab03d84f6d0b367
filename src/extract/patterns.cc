#include "extract/internal/patterns.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "extract/lexicon_data.h"

namespace hearsay::extract {
namespace {

using syntax::Rel;
using syntax::Upos;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
  return out;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// Errors of one row: file, line, column name and the fragment that failed.
struct RowError {
  std::string_view file;
  uint32_t line;
  Status operator()(std::string_view column, const std::string& reason, std::string_view fragment) const {
    return InvalidArgumentError(std::string(file) + ":" + std::to_string(line) + ": column " + std::string(column) +
                                ": " + reason + " in '" + std::string(fragment) + "'");
  }
};

bool RelByName(std::string_view name, Rel* rel, syntax::Subtype* sub) {
  size_t colon = name.find(':');
  if (!syntax::RelFromLabel(name, rel)) return false;
  if (RelName(*rel) != name.substr(0, colon)) return false;  // RelFromLabel maps unknowns to dep
  *sub = colon == std::string_view::npos ? syntax::Subtype::kNone : syntax::SubtypeFromLabel(name);
  return colon == std::string_view::npos || *sub != syntax::Subtype::kOther;
}

Status ParseWordTest(std::string_view text, const Lexicon& lex, const RowError& err, std::string_view column,
                     WordTest* out) {
  for (const std::string& raw : Split(text, '&')) {
    std::string part = Trim(raw);
    size_t eq = part.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == part.size())
      return err(column, "expected key=value", part);
    std::string key = part.substr(0, eq);
    std::vector<std::string> values = Split(std::string_view(part).substr(eq + 1), '|');
    for (const std::string& val : values)
      if (val.empty()) return err(column, "empty value", part);
    if (key == "lemma") {
      for (const std::string& val : values) out->lemmas.push_back(Lower(val));
    } else if (key == "class") {
      if (values.size() != 1 || (values[0] != "role_nouns" && values[0] != "event_nouns"))
        return err(column, "unknown word class (expected role_nouns or event_nouns)", part);
      out->word_class = values[0];
    } else if (key == "upos") {
      for (const std::string& val : values) {
        Upos u;
        if (!syntax::UposFromName(val, &u)) return err(column, "unknown part of speech '" + val + "'", part);
        out->upos.push_back(u);
      }
    } else if (key == "rel" || key == "nochild") {
      for (const std::string& val : values) {
        Rel r;
        syntax::Subtype sub;
        if (!RelByName(val, &r, &sub)) return err(column, "unknown dependency relation '" + val + "'", part);
        (key == "rel" ? out->rels : out->no_children).push_back(r);
      }
    } else if (key == "child") {
      size_t colon = part.rfind(':');  // "compound:prt:up": the relation may have a subtype
      if (colon == std::string::npos || colon < eq) return err(column, "child= needs REL:lemma|lemma", part);
      WordTest::ChildTest ct;
      syntax::Subtype sub;
      std::string rel = part.substr(eq + 1, colon - eq - 1);
      if (!RelByName(rel, &ct.rel, &sub)) return err(column, "unknown dependency relation '" + rel + "'", part);
      for (const std::string& val : Split(std::string_view(part).substr(colon + 1), '|')) {
        if (val.empty()) return err(column, "empty value", part);
        ct.lemmas.push_back(Lower(val));
      }
      out->children.push_back(std::move(ct));
    } else {
      (void)lex;
      return err(column, "unknown test '" + key + "' (expected lemma, class, upos, rel, child or nochild)", part);
    }
  }
  return Status::Ok();
}

Status ParsePath(std::string_view text, const Lexicon& lex, const RowError& err, std::string_view column,
                 std::vector<PathStep>* out) {
  for (const std::string& raw : Split(text, ' ')) {
    if (raw.empty()) continue;
    PathStep step;
    std::string_view s = raw;
    size_t bracket = s.find('[');
    if (bracket != std::string_view::npos) {
      if (s.back() != ']') return err(column, "a word test in brackets must close with ']'", raw);
      step.has_test = true;
      Status st = ParseWordTest(s.substr(bracket + 1, s.size() - bracket - 2), lex, err, column, &step.test);
      if (!st.ok()) return st;
      s = s.substr(0, bracket);
    }
    if (s == ".") {
      step.kind = PathStep::Kind::kSelf;
    } else if (s == "subj") {
      step.kind = PathStep::Kind::kSubject;
    } else if (s.size() > 1 && (s[0] == '>' || s[0] == '<')) {
      step.kind = s[0] == '>' ? PathStep::Kind::kDown : PathStep::Kind::kUp;
      for (const std::string& name : Split(s.substr(1), '|')) {
        PathStep::Label label;
        if (!RelByName(name, &label.rel, &label.sub))
          return err(column, "unknown dependency relation '" + name + "'", raw);
        step.labels.push_back(label);
      }
    } else {
      return err(column, "expected '.', 'subj', '>REL' or '<REL'", raw);
    }
    out->push_back(std::move(step));
  }
  if (out->empty()) return err(column, "empty path", text);
  return Status::Ok();
}

// "PRED(S,O) flag flag".
Status ParseEmits(std::string_view text, const RowError& err, RelationPattern* p) {
  std::vector<std::string> parts;
  for (const std::string& s : Split(text, ' '))
    if (!s.empty()) parts.push_back(s);
  if (parts.empty()) return err("emits", "empty", text);
  const std::string& head = parts[0];
  size_t open = head.find('(');
  if (open == std::string::npos || head.back() != ')') return err("emits", "expected PRED(S,O)", head);
  const std::string name = head.substr(0, open);
  p->class_predicate = name == "@";
  if (!p->class_predicate) {
    std::optional<Predicate> pred = ParsePredicate(name);
    if (!pred) return err("emits", "unknown predicate '" + name + "'", head);
    p->predicate = *pred;
  }
  std::string args = head.substr(open + 1, head.size() - open - 2);
  if (args == "S,O") p->swap = false;
  else if (args == "O,S") p->swap = true;
  else if (args == "S,-") p->alone = true;
  else return err("emits", "arguments must be (S,O), (O,S) or (S,-)", head);
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& f = parts[i];
    if (f == "noun") p->kind = TriggerKind::kRoleNoun;
    else if (f == "event") p->kind = TriggerKind::kEventNoun;
    else if (f == "speculative") p->speculative = true;
    else if (f == "negated_only") p->negated_only = true;
    else if (f == "negated") p->negated = true;
    else return err("emits", "unknown flag (expected noun, event, speculative, negated_only or negated)", f);
  }
  return Status::Ok();
}

Status CompileRow(std::string_view file, uint32_t line_no, std::string_view line, const Lexicon& lex,
                  RelationPattern* p) {
  RowError err{file, line_no};
  std::vector<std::string> c = Split(line, '\t');
  if (c.size() != 7)
    return err("-", "expected 7 tab-separated columns (id, trigger, subject, object, emits, example, expect), found " +
                        std::to_string(c.size()),
               line);
  p->id = c[0];
  p->line = line_no;
  if (p->id.empty()) return err("id", "empty id", line);
  if (Status s = ParseWordTest(c[1], lex, err, "trigger", &p->trigger); !s.ok()) return s;
  if (p->trigger.lemmas.empty() && p->trigger.word_class.empty())
    return err("trigger", "a trigger needs lemma= or class=", c[1]);
  if (Status s = ParsePath(c[2], lex, err, "subject", &p->subject); !s.ok()) return s;
  p->subject_path = c[2];
  p->object_path = c[3];
  if (Status s = ParseEmits(c[4], err, p); !s.ok()) return s;
  if ((c[3] == "-") != p->alone) return err("object", "object '-' goes with emits PRED(S,-) and only with it", c[3]);
  if (!p->alone)
    if (Status s = ParsePath(c[3], lex, err, "object", &p->object); !s.ok()) return s;
  if (p->class_predicate && p->trigger.word_class.empty())
    return err("emits", "'@' needs a trigger with class=", c[4]);
  p->example = c[5];
  std::vector<std::string> t = Split(c[6], '|');
  if (t.size() != 3 || t[0].empty() || t[1].empty() || t[2].empty())
    return err("expect", "expected SUBJECT|PREDICATE|OBJECT", c[6]);
  p->expect_subject = t[0];
  p->expect_predicate = t[1];
  p->expect_object = t[2];
  if (p->example.empty()) return err("example", "every row needs an example sentence", line);
  return Status::Ok();
}

}  // namespace

Result<PatternSet> CompilePatterns(std::string_view file, std::string_view text, const Lexicon& lex) {
  PatternSet set;
  set.file = std::string(file);
  std::unordered_set<std::string> ids;
  uint32_t line_no = 0;
  for (std::string_view rest = text; !rest.empty();) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    RelationPattern p;
    if (Status s = CompileRow(file, line_no, line, lex, &p); !s.ok()) return s;
    if (!ids.insert(p.id).second)
      return RowError{file, line_no}("id", "duplicate pattern id", p.id);
    set.rows.push_back(std::move(p));
  }
  return set;
}

const PatternSet& DefaultPatterns() {
  static const PatternSet* set = [] {
    for (const auto& f : generated::kLexiconFiles) {
      if (std::string_view(f.path) != "data/relations/relation_patterns.tsv") continue;
      Result<PatternSet> r = CompilePatterns(f.path, f.text, DefaultLexicon());
      if (r.ok()) return new PatternSet(std::move(r).value());
      std::fprintf(stderr, "hearsay: relation patterns: %s\n", r.status().ToString().c_str());
    }
    return new PatternSet();
  }();
  return *set;
}

namespace {

// The lemma of word w for tests: the parser's lemma, lower case; the form when none.
std::string WordLemma(const DocView& v, int w) {
  const syntax::Word& word = v.tree.word(w);
  return word.lemma.empty() ? v.lower[word.token] : Lower(word.lemma);
}

bool InList(const std::vector<std::string>& list, const std::string& a, const std::string& b) {
  for (const std::string& s : list)
    if (s == a || s == b) return true;
  return false;
}

// The class value of a word (its lemma, else its form), or null.
const Predicate* ClassValue(const DocView& v, const std::string& cls, const std::string& lemma,
                              const std::string& form) {
  if (cls == "role_nouns") {
    const RoleNoun* r = v.lex.Role(form);
    if (!r) r = v.lex.Role(lemma);
    return r ? &r->predicate : nullptr;
  }
  if (cls == "event_nouns") {
    const EventNoun* e = v.lex.Event(form);
    if (!e) e = v.lex.Event(lemma);
    return e ? &e->predicate : nullptr;
  }
  return nullptr;
}

bool Passes(const DocView& v, int w, const WordTest& t, const Predicate** class_value) {
  const syntax::Tree& tree = v.tree;
  const syntax::Word& word = tree.word(w);
  const std::string lemma = WordLemma(v, w);
  const std::string& form = v.lower[word.token];
  if (!t.lemmas.empty() && !InList(t.lemmas, lemma, form)) return false;
  if (!t.word_class.empty()) {
    const Predicate* val = ClassValue(v, t.word_class, lemma, form);
    if (!val || v.IsCap(word.token)) return false;
    if (class_value) *class_value = val;
  }
  if (!t.upos.empty() && std::find(t.upos.begin(), t.upos.end(), word.upos) == t.upos.end()) return false;
  if (!t.rels.empty() && std::find(t.rels.begin(), t.rels.end(), word.rel) == t.rels.end()) return false;
  for (const WordTest::ChildTest& ct : t.children) {
    bool found = false;
    for (int c : tree.Children(w))
      if (tree.word(c).rel == ct.rel && InList(ct.lemmas, WordLemma(v, c), v.lower[tree.word(c).token])) found = true;
    if (!found) return false;
  }
  for (Rel r : t.no_children)
    if (tree.Child(w, r) >= 0) return false;
  return true;
}

bool HasLabel(const PathStep& step, const syntax::Word& w) {
  for (const PathStep::Label& l : step.labels)
    if (w.rel == l.rel && (l.sub == syntax::Subtype::kNone || w.sub == l.sub)) return true;
  return false;
}

// An adverbial clause of time whose verb follows its subordinator ("after divorcing X",
// "while dating X"), not a topic ("talk about getting married") nor a verb with a subject the
// parser missed ("lied about X proposing").
bool TemporalParticiple(const DocView& v, int clause) {
  const syntax::Tree& t = v.tree;
  if (clause < 0 || t.word(clause).rel != Rel::kAdvcl || t.Head(clause) < 0) return false;
  for (int c : t.Children(clause)) {
    if (t.word(c).rel != Rel::kMark || t.word(c).token + 1 != t.word(clause).token) continue;
    const std::string& m = v.lower[t.word(c).token];
    return m == "after" || m == "before" || m == "while" || m == "since" || m == "when" || m == "until";
  }
  return false;
}

std::vector<int> Walk(const DocView& v, const std::vector<PathStep>& path, int start) {
  const syntax::Tree& t = v.tree;
  std::vector<int> cur = {start};
  for (const PathStep& step : path) {
    std::vector<int> next;
    for (int w : cur) {
      switch (step.kind) {
        case PathStep::Kind::kSelf: next.push_back(w); break;
        case PathStep::Kind::kDown:
          for (int c : t.Children(w))
            if (HasLabel(step, t.word(c))) next.push_back(c);
          break;
        case PathStep::Kind::kUp:
          if (t.Head(w) >= 0 && HasLabel(step, t.word(w))) next.push_back(t.Head(w));
          break;
        case PathStep::Kind::kSubject: {
          // A name among several subjects wins ("reports that Marisol Quenby is dating",
          // read with "that" as a second subject).
          const int clause = t.ClauseOf(w);
          const size_t before = next.size();
          for (int c : clause >= 0 ? t.Children(clause) : std::vector<int>{})
            if (t.word(c).rel == Rel::kNsubj && v.mention_at[t.word(c).token] >= 0) next.push_back(c);
          if (next.size() > before) break;
          int s = t.Subject(clause);
          // "making an effort to woo X": a clause on a noun takes the subject of that noun's
          // clause, not the noun.
          if (s >= 0 && s == t.Head(clause) && t.word(clause).rel == Rel::kAcl &&
              v.mention_at[t.word(s).token] < 0)
            s = t.Subject(t.ClauseOf(t.Head(s)));
          // "(who was linked to A,) one year after divorcing B": an adverbial clause without a
          // subject of its own takes the subject of the clause it modifies.
          if (s < 0 && TemporalParticiple(v, clause)) s = t.Subject(t.ClauseOf(t.Head(clause)));
          if (s >= 0) next.push_back(s);
          break;
        }
      }
    }
    if (step.has_test)
      next.erase(std::remove_if(next.begin(), next.end(), [&](int w) { return !Passes(v, w, step.test, nullptr); }),
                 next.end());
    cur = std::move(next);
    if (cur.empty()) break;
  }
  return cur;
}

// Whether the name at tok is a possessor ("X's", "X'"): the mention is followed by a
// possessive mark.
bool PossessorName(const DocView& v, uint32_t tok) {
  if (v.mention_at[tok] < 0 || v.PersonAt(tok) < 0) return false;
  if (DocView::PronounGender(v.lower[tok]) != Gender::kUnknown || DocView::IsFirstPerson(v.lower[tok])) return false;
  const uint32_t e = v.MentionEnd(tok);
  if (e >= v.size() || v.sent_of[e] != v.sent_of[tok] || (v.lower[e] != "'s" && v.lower[e] != "'")) return false;
  // "Lena's thrilled": the verb, not a possessive.
  return v.word_of_tok[e] < 0 || v.tree.word(v.word_of_tok[e]).upos != syntax::Upos::kAUX;
}

// The person named in apposition to the noun a possessor at tok possesses: "X's co-star, Y,"
// → Y (up to three words of the possessed noun, a comma, a name); -1 when none.
int32_t AppositionAfterPossessed(const DocView& v, uint32_t tok) {
  const uint32_t e = v.MentionEnd(tok);
  for (uint32_t k = e + 1; k < v.size() && k <= e + 4 && v.sent_of[k] == v.sent_of[tok]; ++k) {
    if (v.lower[k] != ",") continue;
    if (k + 1 < v.size() && v.mention_at[k + 1] >= 0 && v.sent_of[k + 1] == v.sent_of[tok]) return v.PersonAt(k + 1);
    return -1;
  }
  return -1;
}

// The people word w stands for: its person (a relative pronoun's antecedent; a plural
// pronoun's pair), then those of its conjuncts. `*tok` gets w's token.
void PeopleOf(const DocView& v, int w, std::vector<int32_t>* out, int depth = 0) {
  const syntax::Tree& t = v.tree;
  const uint32_t tok = t.word(w).token;
  const std::string& form = v.lower[tok];
  if ((form == "who" || form == "whom" || form == "that") && t.Head(w) >= 0 && t.word(t.Head(w)).rel == Rel::kAcl &&
      t.Head(t.Head(w)) >= 0) {
    PeopleOf(v, t.Head(t.Head(w)), out, depth + 1);  // "X, whom they adopted"
    return;
  }
  if (form == "who" || form == "whom") {
    // A relative clause the parser hung elsewhere: the antecedent right before its comma or dash.
    uint32_t k = tok;
    if (k > 0 && (v.lower[k - 1] == "," || v.toks[k - 1].kind == TokenKind::kPunct)) --k;
    if (k > 0 && v.sent_of[k - 1] == v.sent_of[tok] && v.mention_at[k - 1] >= 0 && v.PersonAt(k - 1) >= 0)
      out->push_back(v.PersonAt(k - 1));
    return;
  }
  if (DocView::PronounGender(form) == Gender::kPlural || form == "we" || form == "us" || form == "couple" ||
      form == "pair") {
    for (int32_t e : v.ResolvePlural(tok)) out->push_back(e);
  } else if (t.word(w).sub != syntax::Subtype::kPoss && PossessorName(v, tok)) {
    // "X's co-star, Y, divorced Z" read with X as the subject: the possessed noun's apposition.
    const int32_t e = AppositionAfterPossessed(v, tok);
    if (e >= 0) out->push_back(e);
    return;
  } else if (!DocView::IsPossessivePronoun(form) || form == "his" || form == "her") {
    int32_t e = v.PersonAt(tok);
    // A name the parser hung as a compound on a neighbouring noun ("from Teo Marchetti last
    // spring" read as a compound of "spring").
    // A name the parser hung on a neighbouring noun: as a compound ("from Teo Marchetti last
    // spring" read as a compound of "spring"), or on a descriptor ("actress Marisol Quenby").
    for (size_t k = 0; e < 0 && k < t.Children(w).size(); ++k) {
      const syntax::Word& c = t.word(t.Children(w)[k]);
      const bool attached = c.rel == Rel::kCompound || c.rel == Rel::kAppos || c.rel == Rel::kFlat ||
                            (c.rel == Rel::kNmod && c.sub == syntax::Subtype::kUnmarked);
      if (attached && v.mention_at[c.token] >= 0) e = v.PersonAt(c.token);
    }
    // A descriptor the parser took for the argument, the name right after it ("from model
    // Nadia Ferrante", "divorced TV chef Callum Rourke"): up to two more descriptor words.
    const bool noun = t.word(w).upos == syntax::Upos::kNOUN || t.word(w).upos == syntax::Upos::kPROPN;
    for (uint32_t k = tok + 1; e < 0 && noun && v.mention_at[tok] < 0 && k < v.size() && k <= tok + 3; ++k) {
      if (v.sent_of[k] != v.sent_of[tok] || !v.IsWord(k) || v.word_of_tok[k] < 0) break;
      const syntax::Upos u = t.word(v.word_of_tok[k]).upos;
      // Descriptor words only (the tagger calls some "chef" a verb): no function word.
      if (u == syntax::Upos::kADP || u == syntax::Upos::kSCONJ || u == syntax::Upos::kCCONJ ||
          u == syntax::Upos::kPRON || u == syntax::Upos::kAUX || u == syntax::Upos::kPART ||
          u == syntax::Upos::kDET || u == syntax::Upos::kPUNCT)
        break;
      if (v.mention_at[k] >= 0) {
        e = v.PersonAt(k);
        break;
      }
    }
    if (e >= 0) out->push_back(e);
    // Another person's name the parser hung as a compound on this one, with its conjuncts
    // ("to the Reverend A B and C D" read as compounds of the last name).
    for (int c : t.Children(w)) {
      const uint32_t ct = t.word(c).token;
      if (e >= 0 && depth <= 3 && t.word(c).rel == Rel::kCompound && v.mention_at[ct] >= 0 &&
          v.mention_at[ct] != v.mention_at[tok] && v.PersonAt(ct) >= 0 && v.PersonAt(ct) != e)
        PeopleOf(v, c, out, depth + 1);
    }
  }
  if (depth > 3) return;
  for (int c : t.Children(w))
    if (t.word(c).rel == Rel::kConj) PeopleOf(v, c, out, depth + 1);
}

bool IsIndefinite(const DocView& v, int w) {
  const std::string& f = v.lower[v.tree.word(w).token];
  const uint32_t tok = v.tree.word(w).token;
  if (f == "one") return tok > 0 && v.lower[tok - 1] == "no";  // "dated no one"
  return f == "anyone" || f == "anybody" || f == "someone" || f == "somebody" || f == "nobody";
}

void MatchRow(const DocView& v, const RelationPattern& p, uint32_t row, int w, const Predicate* cls,
              std::vector<PatternMatch>* out) {
  const Predicate pred = p.class_predicate ? (cls ? *cls : Predicate::kNone) : p.predicate;
  if (pred == Predicate::kNone) return;
  const uint32_t tok = v.tree.word(w).token;
  std::vector<int32_t> subjects;
  const std::vector<int> subject_words = Walk(v, p.subject, w);
  for (int s : subject_words) PeopleOf(v, s, &subjects);
  if (subjects.empty()) {
    // The tree gave a subject that is no person ("the producer, who started dating X"): none.
    if (!subject_words.empty()) return;
    if (p.subject.empty() || p.subject[0].kind != PathStep::Kind::kSubject || p.subject_path == p.object_path) return;
    subjects.push_back(-1);  // the caller takes the person before the trigger
  }
  if (p.alone) {
    for (int32_t s : subjects) out->push_back({row, tok, s, -1, UINT32_MAX, pred});
    return;
  }
  for (int o : Walk(v, p.object, w)) {
    if (IsIndefinite(v, o)) {
      for (int32_t s : subjects) out->push_back({row, tok, s, -1, v.tree.word(o).token, pred});
      continue;
    }
    std::vector<int32_t> objects;
    PeopleOf(v, o, &objects);
    if (objects.empty()) {
      // "estranged from his father": a kin noun with a possessor and no name; relations.cc
      // looks the kin up in the claims found so far.
      const syntax::Word& ow = v.tree.word(o);
      const RoleNoun* role = v.IsCap(ow.token) ? nullptr : v.lex.Role(v.lower[ow.token]);
      // "married his fourth wife, Playmate X": the apposition names her; not a kin known before.
      if (v.tree.Child(o, Rel::kAppos) >= 0) continue;
      const int poss = v.tree.Child(o, Rel::kNmod);
      if (role && poss >= 0 && v.tree.word(poss).sub == syntax::Subtype::kPoss) {
        const int32_t anchor = v.PersonAt(v.tree.word(poss).token);
        for (int32_t s : subjects)
          if (anchor >= 0) {
            PatternMatch m{row, tok, s, -1, ow.token, pred};
            m.kin_anchor = anchor;
            m.kin_predicate = role->predicate;
            out->push_back(std::move(m));
          }
      }
      continue;
    }
    for (int32_t s : subjects)
      for (int32_t ob : objects)
        if (s != ob) out->push_back({row, tok, s, ob, v.tree.word(o).token, pred});
  }
}

}  // namespace

std::vector<PatternMatch> MatchPatterns(const DocView& v, const PatternSet& set, int only_row) {
  std::vector<PatternMatch> out;
  const auto& sentences = v.a.syntax.sentences;
  for (const syntax::SentenceParse& sp : sentences) {
    if (!sp.parsed) continue;
    for (uint32_t w = sp.word_begin; w < sp.word_end; ++w) {
      if (!IsPatternTriggerForm(v.lower[v.tree.word(int(w)).token]) &&
          !IsPatternTriggerForm(WordLemma(v, int(w))))
        continue;
      for (uint32_t r = 0; r < set.rows.size(); ++r) {
        if (only_row >= 0 && r != uint32_t(only_row)) continue;
        const Predicate* cls = nullptr;
        if (!Passes(v, int(w), set.rows[r].trigger, &cls)) continue;
        MatchRow(v, set.rows[r], r, int(w), cls, &out);
      }
    }
  }
  return out;
}

namespace {

// Regular inflections of a lemma: -s, -es, -ed, -d, -ing, y -> ies/ied, a doubled final
// consonant ("wed" -> "wedded"), a dropped final e ("date" -> "dating").
void AddForms(const std::string& l, std::unordered_set<std::string>* out) {
  out->insert(l);
  if (l.empty()) return;
  for (const char* suf : {"s", "es", "ed", "d", "ing"}) out->insert(l + suf);
  const char last = l.back();
  if (last == 'y' && l.size() > 1) {
    std::string stem = l.substr(0, l.size() - 1);
    out->insert(stem + "ies");
    out->insert(stem + "ied");
  }
  if (last == 'e') out->insert(l.substr(0, l.size() - 1) + "ing");
  if (std::string("aeiouwxy").find(last) == std::string::npos) {
    out->insert(l + last + "ed");
    if (l.size() > 3) out->insert(l + last + "ing");  // "splitting"; "wedding" is a noun
  }
}

}  // namespace

namespace {

// Where a lemma row's trigger form is a cue for parsing: the prepositions its object path
// asks for (`child=case:...`), one of which must follow the form; and whether the row can
// state a claim about one person alone.
struct FormUse {
  bool alone = false;
  bool negator = false;  // a negated_only or negated row: only with a negator in the sentence
  std::vector<std::string> cues;
};

struct TriggerForms {
  std::unordered_map<std::string, std::vector<FormUse>> lemma_rows;
  std::unordered_set<std::string> class_rows, ending;
};

const TriggerForms& Forms() {
  static const TriggerForms forms = [] {
    TriggerForms f;
    const Lexicon& lex = DefaultLexicon();
    for (const RelationPattern& p : DefaultPatterns().rows) {
      FormUse use;
      use.alone = p.predicate == Predicate::kDating || p.predicate == Predicate::kSpouseOf ||
                  p.predicate == Predicate::kEngagedTo;
      use.negator = p.negated_only || p.negated;
      for (const PathStep& step : p.object)
        for (const WordTest::ChildTest& ct : step.test.children)
          if (ct.rel == Rel::kCase) use.cues.insert(use.cues.end(), ct.lemmas.begin(), ct.lemmas.end());
      for (const std::string& l : p.trigger.lemmas) {
        std::unordered_set<std::string> forms;
        AddForms(l, &forms);
        for (const std::string& form : forms) f.lemma_rows[form].push_back(use);
        if (p.predicate == Predicate::kDivorcedFrom || p.predicate == Predicate::kSplitFrom) AddForms(l, &f.ending);
      }
      if (p.trigger.word_class == "role_nouns")
        for (const auto& [w, r] : lex.role_nouns) f.class_rows.insert(w);
      if (p.trigger.word_class == "event_nouns")
        for (const auto& [w, e] : lex.event_nouns) f.class_rows.insert(w);
    }
    return f;
  }();
  return forms;
}

}  // namespace

bool IsPatternTriggerForm(std::string_view lower_word) {
  const std::string w(lower_word);
  return Forms().lemma_rows.count(w) > 0 || Forms().class_rows.count(w) > 0;
}

bool SentenceWantsPatterns(const std::vector<std::string>& lower, uint32_t people) {
  constexpr size_t kCueWindow = 5;  // words after the form in which its preposition may stand
  bool pair = false, alone = false, negator = false;
  const Lexicon& lex = DefaultLexicon();
  for (const std::string& w : lower) negator = negator || lex.IsNegator(w);
  for (size_t i = 0; i < lower.size(); ++i) {
    people += DocView::PronounGender(lower[i]) != Gender::kUnknown || DocView::IsFirstPerson(lower[i]);
    auto it = Forms().lemma_rows.find(lower[i]);
    if (it == Forms().lemma_rows.end()) continue;
    for (const FormUse& use : it->second) {
      if (use.negator && !negator) continue;
      bool cue = use.cues.empty();
      for (size_t j = i + 1; !cue && j < lower.size() && j <= i + kCueWindow; ++j)
        cue = std::find(use.cues.begin(), use.cues.end(), lower[j]) != use.cues.end();
      if (cue) (use.alone ? alone : pair) = true;
    }
  }
  return (alone && people >= 1) || ((pair || alone) && people >= 2);
}

bool IsEndingTriggerForm(std::string_view lower_word) { return Forms().ending.count(std::string(lower_word)) > 0; }

}  // namespace hearsay::extract
