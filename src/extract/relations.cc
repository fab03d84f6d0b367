// Claims: ages and relations between people, each with its source, modality, polarity, time
// and evidence. Patterns work on tokens and mentions (chunk-like), never on fixed sentences:
//   role nouns   "his daughter X", "ex-wife X", "X, Y's publicist,", "X, the stepson of Y",
//                "his adopted children, A and B", "the children he adopted alongside Y; A and B"
//   event nouns  "Y's divorce from X", "her relationship with X", "his interest in X"
//   verbs        subject ... "split from" / "ended her relationship with" / "wooing" ... object
//   pair phrases "they were an item", "strictly professional", "there is no bad blood"
#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>
#include <unordered_set>

#include "extract/extract.h"
#include "hearsay/predicate.h"
#include "extract/internal/passes.h"
#include "extract/internal/patterns.h"
#include "extract/relation_scorer.h"
#include "extract/internal/scope.h"

namespace hearsay::extract {

bool IsPersonNoun(const DocView& v, std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "actor",   "actress", "star",     "superstar", "singer",  "model",     "rapper",  "musician", "producer",
      "director", "comedian", "host",   "presenter", "dancer",  "designer",  "chef",    "player",   "athlete",
      "personality", "reality", "tv",   "socialite", "writer",  "author",    "frontman", "songwriter", "heir",
      "heiress", "man",     "woman",    "boy",       "girl",    "mom",       "mother",  "dad",      "father",
      "mogul",   "icon",    "legend",   "pop",       "country", "hip-hop",   "former",  "newly",    "single",
      "screenwriter", "filmmaker", "poet", "painter", "politician", "businessman", "businesswoman",
      "entrepreneur", "philanthropist", "composer", "journalist", "novelist", "playwright", "activist",
      "lawyer", "photographer", "engineer", "surgeon", "doctor", "professor", "teacher", "coach", "editor",
      "artist", "stylist", "influencer", "broadcaster", "reporter", "cinematographer", "choreographer"};
  for (std::string_view n : kNouns)
    if (w == n) return true;
  return v.lex.Role(w) != nullptr;
}

namespace {

constexpr Predicate kAdopted = Predicate::kAdoptedChildOf;

// Kinship by birth holds for life: a role noun's claim takes no date from its clause ("his son
// ..., has not spoken to him since 2023"). The traits table says which predicates.
bool Timeless(Predicate p) { return IsTimeless(p); }

bool IsPluralWord(const DocView& v, uint32_t k) {
  const std::string& w = v.lower[k];
  return w == "they" || w == "we" ||
         ((w == "couple" || w == "pair" || w == "two") && k > 0 && v.lower[k - 1] == "the");
}

bool Symmetric(Predicate p) { return IsSymmetric(p); }

bool IsNumberTok(const DocView& v, uint32_t k, int* value) {
  if (k >= v.size()) return false;
  const std::string& s = v.lower[k];
  if (s.empty() || s.size() > 3) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  *value = std::atoi(s.c_str());
  return true;
}

// Adjectives and modifiers allowed between a possessor and its noun ("his long-standing rift").
bool IsModifier(const DocView& v, uint32_t k) {
  if (k >= v.size() || !v.IsWord(k) || v.IsCap(k)) return false;
  const std::string& w = v.lower[k];
  if (w.empty() || w[0] == '\'' || w.ends_with("'s")) return false;
  if (v.lex.Role(w) || v.lex.Event(w) || v.lex.Cue(w) || v.lex.IsNegator(w)) return false;
  static const char* kStop[] = {"and", "or", "but", "with", "from", "to", "of", "in", "on", "for", "that",
                                "who", "whom", "which", "is", "was", "are", "were", "has", "have", "had", "the",
                                "a", "an", "he", "she", "they", "it", "his", "her", "their", "its", "this",
                                "that", "these", "those", "my", "our", "your", "him", "them"};
  for (const char* s : kStop)
    if (w == s) return false;
  return true;
}

// An indefinite object: "anyone" (under negation: nobody at all), "someone" (an unnamed
// partner), "nobody" / "no one" (negates by itself).
enum class Indefinite : uint8_t { kNone, kAny, kSome, kNoOne };
Indefinite IndefiniteAt(const DocView& v, uint32_t k) {
  const std::string& w = v.lower[k];
  if (w == "anyone" || w == "anybody") return Indefinite::kAny;
  if (w == "someone" || w == "somebody") return Indefinite::kSome;
  if (w == "nobody" || (w == "no" && k + 1 < v.size() && v.lower[k + 1] == "one")) return Indefinite::kNoOne;
  return Indefinite::kNone;
}

// Auxiliaries, negators and adverbs of a verb group ("has not publicly", "is now reportedly",
// "has never been"), walked over to find the group's subject.
bool IsVerbGroupWord(const DocView& v, uint32_t k) {
  static const std::set<std::string> kWords = {
      "has", "have", "had", "is", "are", "am", "was", "were", "be", "been", "being", "will", "would",
      "could", "can", "may", "might", "should", "must", "did", "does", "do", "'s", "'re", "'ve", "'d",
      "still", "ever", "yet", "now", "also", "even", "since", "then", "so", "far", "currently", "longer"};
  const std::string& w = v.lower[k];
  if (v.toks[k].kind == TokenKind::kQuote) return true;
  if (!v.IsWord(k) || v.IsCap(k)) return false;
  return kWords.count(w) > 0 || v.lex.IsNegator(w) || (w.size() > 4 && w.ends_with("ly")) || w == "said" || w == "believed" || w == "thought" || w == "reported" ||
         w == "understood" || w == "to";
}

// Words that may follow a state word and end its phrase ("single since 2012", "single ever since").
bool EndsStatePhrase(const DocView& v, uint32_t k, uint32_t limit) {
  if (k >= limit || !v.IsWord(k)) return true;
  static const std::set<std::string> kAfter = {"since", "ever", "again", "for", "and", "but", "now", "after",
                                               "following", "at", "until", "so", "or", "right", "in", "these",
                                               "throughout", "all", "then", "yet", "of", "anymore"};
  return kAfter.count(v.lower[k]) > 0;
}

// Is the token a relative or personal pronoun that opens a relative clause ("whom he shares")?
bool IsSubjectPronoun(const std::string& w) { return w == "he" || w == "she"; }

// The surname of a full name, lower-cased and split at hyphens ("Jolie-Pitt" -> jolie, pitt);
// generational suffixes and regnal numbers (Jr., Sr., II, XIV) skipped; empty for a one-word
// name.
std::vector<std::string> SurnameParts(const std::string& name) {
  std::vector<std::string> words;
  std::string cur;
  for (char ch : name + " ") {
    if (ch != ' ') {
      cur += (ch >= 'A' && ch <= 'Z') ? char(ch | 0x20) : ch;
      continue;
    }
    if (!cur.empty()) words.push_back(cur);
    cur.clear();
  }
  auto suffix = [](const std::string& w) {
    if (w == "jr." || w == "jr" || w == "sr." || w == "sr") return true;
    return w.find_first_not_of("ivxlc") == std::string::npos;  // a regnal number: "Louis XIV"
  };
  while (!words.empty() && suffix(words.back())) words.pop_back();
  if (words.size() < 2) return {};
  std::vector<std::string> parts;
  std::string part;
  for (char ch : words.back() + "-") {
    if (ch != '-') {
      part += ch;
    } else if (!part.empty()) {
      parts.push_back(part);
      part.clear();
    }
  }
  return parts;
}

struct Ctx {
  DocView& v;
  PassState& st;
  const PatternSet& patterns;
  std::set<std::tuple<int32_t, Predicate, int32_t, std::string, uint32_t, int>> seen;
  std::set<uint32_t> listed;  // name tokens a list of a plural role noun took ("children: A and B")
  bool ended_here = false;    // set around Emit calls: "her late husband", "ditched her friendship with"
  bool guessed_here = false;  // set around Emit calls: the anchor is the nearest person, a guess
  mutable std::vector<uint8_t> characters;  // IsCharacter's answers by local entity, filled once

  // Is entity e named in sentence s (a person mention that is neither a pronoun nor a descriptor)?
  bool NamedIn(uint32_t s, int32_t e) const {
    if (s == UINT32_MAX || e < 0) return false;
    const Sentence& sn = v.a.layout.sentences[s];
    for (uint32_t k = sn.token_begin; k < sn.token_end; ++k) {
      const int32_t m = v.mention_at[k];
      if (m < 0 || v.a.mentions[m].entity_idx != e || v.a.mentions[m].descriptor) continue;
      if (DocView::PronounGender(v.lower[k]) == Gender::kUnknown && !DocView::IsFirstPerson(v.lower[k])) return true;
    }
    return false;
  }

  // Is `e` written in sentence `s` by a one-word name only ("her brother Jermaine")?
  bool OnlyFirstNameIn(uint32_t s, int32_t e) const {
    if (s == UINT32_MAX || e < 0) return false;
    const Sentence& sn = v.a.layout.sentences[s];
    bool one = false;
    for (uint32_t k = sn.token_begin; k < sn.token_end; ++k) {
      const int32_t m = v.mention_at[k];
      if (m < 0 || v.a.mentions[m].entity_idx != e || v.a.mentions[m].descriptor) continue;
      if (DocView::PronounGender(v.lower[k]) != Gender::kUnknown || DocView::IsFirstPerson(v.lower[k])) continue;
      if (v.MentionEnd(k) - v.MentionBegin(k) > 1) return false;
      one = true;
    }
    return one;
  }

  // Siblings read through a one-word name that resolve joined to a person of another family
  // ("Janet X ... her brother Jermaine" resolved to an unrelated "Jermaine Y"): both people
  // have full names, one is written by the first name alone here, and their surnames share no
  // part. The claim is dropped rather than given to the wrong person.
  bool SiblingOfAnotherFamily(uint32_t s, int32_t a, int32_t b) const {
    if (!OnlyFirstNameIn(s, a) && !OnlyFirstNameIn(s, b)) return false;
    std::vector<std::string> pa = SurnameParts(v.a.local_entities[a].name),
                             pb = SurnameParts(v.a.local_entities[b].name);
    if (pa.empty() || pb.empty()) return false;
    for (const std::string& x : pa)
      if (std::find(pb.begin(), pb.end(), x) != pb.end()) return false;
    return true;
  }

  uint32_t SentBegin(uint32_t tok) const { return v.SentenceOf(tok).token_begin; }
  uint32_t SentEnd(uint32_t tok) const { return v.SentenceOf(tok).token_end; }

  // The person a possessed kin noun's copula names: "(his brother was) the future bishop X",
  // "(her father is) X": up to three descriptor words, then a named person who is not a
  // possessor ("was X's friend") and ends the phrase. Empty when the complement names nobody.
  std::vector<int32_t> CopulaHolder(uint32_t k, uint32_t se) const {
    uint32_t j = k;
    while (j < se && j < k + 3 && (v.lower[j] == "the" || v.lower[j] == "a" || v.lower[j] == "an" || IsModifier(v, j)))
      ++j;
    if (j >= se || v.PersonAt(j) < 0 || v.mention_at[j] < 0) return {};
    if (DocView::PronounGender(v.lower[j]) != Gender::kUnknown || DocView::IsFirstPerson(v.lower[j])) return {};
    uint32_t e = v.MentionEnd(j);
    if (e < se && (v.lower[e] == "'s" || v.lower[e] == "'")) return {};
    return {v.PersonAt(j)};
  }

  // "X (, 37,) and husband Y": the name right before the "and" that precedes the role noun's
  // phrase at mb, unless it holds a role or a possession itself ("her son A and daughter B",
  // "Kim's friend A and husband B"). -1 when none.
  int32_t CoordinatedNameBefore(uint32_t mb) const {
    const uint32_t sb = SentBegin(mb);
    if (mb < sb + 2 || v.lower[mb - 1] != "and") return -1;
    uint32_t k = mb - 2;
    int num;
    if (k >= sb + 3 && v.lower[k] == "," && IsNumberTok(v, k - 1, &num) && v.lower[k - 2] == ",") k -= 3;
    if (v.mention_at[k] < 0 || v.PersonAt(k) < 0) return -1;
    const uint32_t b = v.MentionBegin(k);
    if (b > sb && (v.lex.Role(v.lower[b - 1]) || DocView::IsPossessivePronoun(v.lower[b - 1]) ||
                   v.lower[b - 1] == "'s" || v.lower[b - 1] == "'" || v.lower[b - 1] == "and"))
      return -1;
    return v.PersonAt(k);
  }

  // When tok lies in a relative clause ", who …" / "(who …" with no comma between and no
  // subject of its own ("…, who he shares with", "who met while X was filming"): true, with
  // *antecedent the person right before the mark, -1 when that names nobody ("the
  // entertainer, who shares …").
  bool InRelativeClause(uint32_t tok, int32_t* antecedent) const {
    const uint32_t sb = SentBegin(tok);
    for (uint32_t k = tok; k-- > sb + 1;) {
      const bool who = v.lower[k] == "who" || v.lower[k] == "whose";
      if (!who && (v.lower[k] == "," || v.lower[k] == ";")) return false;
      if (v.PersonAt(k) >= 0 && k + 1 < tok && IsVerbGroupWord(v, k + 1)) return false;  // "X was filming"
      if (!who) continue;
      if (v.lower[k - 1] != "," && v.lower[k - 1] != "(") return false;
      if (k + 1 < tok && IsSubjectPronoun(v.lower[k + 1])) return false;  // "who he shares with"
      *antecedent = k >= sb + 2 && v.mention_at[k - 2] >= 0 ? v.PersonAt(k - 2) : -1;
      return true;
    }
    return false;
  }

  // "a great mum X has been", "a dedicated mother X is": the holder right after the noun is the
  // subject of a copula, the phrase a description of X.
  bool HolderThenCopula(uint32_t noun) const {
    const uint32_t k = noun + 1, se = SentEnd(noun);
    if (k >= se || v.mention_at[k] < 0) return false;
    const uint32_t e = v.MentionEnd(k);
    if (e >= se) return false;
    const std::string& w = v.lower[e];
    return w == "is" || w == "was" || w == "'s" || w == "has" || w == "had";
  }

  // Whether a list of a plural role noun took a name of person e before tok in its sentence.
  bool ListedBefore(int32_t e, uint32_t tok) const {
    for (auto it = listed.lower_bound(SentBegin(tok)); it != listed.end() && *it < tok; ++it)
      if (v.PersonAt(*it) == e) return true;
    return false;
  }

  // Whether ", and" / ", but" / ", while" stands between the last mention of person e before
  // tok and tok, in tok's sentence: a new clause opens between them.
  bool CoordinatedClauseBetween(int32_t e, uint32_t tok) const {
    const uint32_t sb = SentBegin(tok);
    for (uint32_t k = tok; k-- > sb + 1;) {
      if (v.PersonAt(k) == e) return false;
      if (v.lower[k - 1] == "," && (v.lower[k] == "and" || v.lower[k] == "but" || v.lower[k] == "while")) return true;
    }
    return false;
  }

  // Whether the tree gives the clause of the word at tok a subject that is no person ("her
  // problems stem from …"); false without a tree or a subject.
  bool ClauseSubjectIsNoPerson(uint32_t tok) const {
    if (!v.HasParse(tok)) return false;
    const syntax::Tree& t = v.tree;
    const int subj = t.Subject(t.ClauseOf(v.word_of_tok[tok]));
    if (subj < 0) return false;
    const uint32_t st = t.word(subj).token;
    if (DocView::PronounGender(v.lower[st]) != Gender::kUnknown || DocView::IsFirstPerson(v.lower[st])) return false;
    if (v.lower[st] == "who" || v.lower[st] == "that" || v.lower[st] == "which") return false;
    return v.mention_at[st] < 0 || v.PersonAt(st) < 0;
  }

  // Nearest person (mention or pronoun) before tok in its sentence, within the clause.
  int32_t SubjectBefore(uint32_t tok, int32_t exclude) const {
    uint32_t sb = SentBegin(tok);
    int32_t q = v.quote_at[tok];
    for (uint32_t k = tok; k-- > sb;) {
      if (v.lower[k] == ";" || (v.lower[k] == ":" && q < 0)) break;
      if (v.quote_at[k] != q) break;
      int32_t e = v.PersonAt(k);
      if (e < 0) continue;
      if (DocView::IsPossessivePronoun(v.lower[k]) && v.lower[k] != "her") continue;
      if (e == exclude) continue;
      // "her" is an object or a possessive pronoun here, never a subject.
      if (v.lower[k] == "her" || v.lower[k] == "him") continue;
      // A possessive name ("Cruise's interest") is fine as the subject of its own noun only.
      if (k + 1 < v.size() && (v.lower[k + 1] == "'s" || v.lower[k + 1] == "'")) continue;
      return e;
    }
    return -1;
  }

  // "He was born in Ohio, the son of Y and Z", "Born in Rome, the daughter of Y, she …": an
  // apposition after the birthplace (`comma` before it, no person there) describes the one
  // born: the person before "born" in the clause, or, when "born" opens the sentence, the
  // first person after the apposition's next comma who is none of its anchors. -1 when none.
  int32_t BornHolder(uint32_t comma, uint32_t noun, int32_t anchor, const std::vector<int32_t>& co) const {
    const uint32_t sb = SentBegin(noun), se = SentEnd(noun);
    uint32_t born = comma;
    while (born > sb && comma - born < 8 && v.lower[born] != "born" && !v.IsClauseBreak(born)) --born;
    if (v.lower[born] != "born") return -1;
    if (born > sb) return SubjectBefore(born, anchor);
    auto other = [&](int32_t e) { return e >= 0 && e != anchor && std::find(co.begin(), co.end(), e) == co.end(); };
    for (uint32_t k = noun + 1; k + 1 < se && !v.IsClauseBreak(k); ++k)
      if (v.lower[k] == "," && other(v.PersonAt(k + 1)) && v.mention_at[k + 1] >= 0) return v.PersonAt(k + 1);
    return -1;
  }

  // First person after tok: skips determiners, modifiers, capitalised descriptors and role nouns
  // ("Batman actor Affleck", "actress Ana X", "the much younger actress"); stops at clause breaks,
  // commas and prepositions.
  int32_t ObjectAfter(uint32_t tok, uint32_t limit, uint32_t* at, std::string* text) const {
    static const std::set<std::string> kObjectStops = {"and", "or", "with", "alongside", "to", "from", "in", "at",
                                                       "for", "by", "on", "of", "that", "who", "as", "after",
                                                       "before", "since", "when", "while", "last", "this"};
    uint32_t end = std::min(limit, tok + 7);
    for (uint32_t k = tok; k < end; ++k) {
      if (uint32_t noun = KinNounAfter(k, limit)) {
        // "his wife Jane" names her; "his father" is the person the claims so far make the
        // possessor's father, else nobody (never the possessor).
        uint32_t name = noun + 1 < limit && v.lower[noun + 1] == "," ? noun + 2 : noun + 1;
        if (name < limit && v.mention_at[name] >= 0 && v.PersonAt(name) >= 0) {
          *at = name;
          return v.PersonAt(name);
        }
        *at = noun;
        return KinOf(v.PersonAt(k), v.lex.Role(v.lower[noun])->predicate);
      }
      // "of his onscreen co-star X": a possessive before more of its phrase is X's possessor.
      const bool possessor = (v.lower[k] == "his" || v.lower[k] == "her") && k + 1 < end && v.IsWord(k + 1) &&
                             !v.IsClauseBreak(k + 1) && !kObjectStops.count(v.lower[k + 1]);
      int32_t e = possessor ? -1 : v.PersonAt(k);
      if (e >= 0) {
        *at = k;
        return e;
      }
      if (possessor) continue;
      const std::string& w = v.lower[k];
      if (IndefiniteAt(v, k) != Indefinite::kNone) {
        *text = w == "no" ? "no one" : w;
        *at = k;
        return -1;
      }
      // "the actor and screenwriter X": "and" between two descriptor nouns.
      bool descriptor_and = w == "and" && k > tok && IsPersonNoun(v, v.lower[k - 1]) && k + 1 < end &&
                            !v.IsCap(k + 1) && IsPersonNoun(v, v.lower[k + 1]);
      if (descriptor_and) continue;
      if (v.IsClauseBreak(k) || w == "," || w == "and" || w == "with" || w == "alongside" || w == "to" ||
          w == "from" || w == "in" || w == "at" || w == "for" || w == "by" || w == "on" || w == "of" ||
          w == "that" || w == "who" || w == "each" || v.toks[k].kind == TokenKind::kQuote)
        return -1;
      if (v.lex.Cue(w) && !v.IsCap(k)) return -1;
    }
    return -1;
  }

  // The role noun of a kin phrase at k ("his father", "her late husband": a possessive
  // pronoun, up to two modifiers, a role noun of a person-to-person relation), or 0.
  uint32_t KinNounAfter(uint32_t k, uint32_t limit) const {
    const std::string& w = v.lower[k];
    if (!DocView::IsPossessivePronoun(w) || w == "its" || w == "their") return 0;
    for (uint32_t j = k + 1; j < limit && j <= k + 3; ++j) {
      const RoleNoun* role = v.IsCap(j) ? nullptr : v.lex.Role(v.lower[j]);
      if (role) return role->predicate == Predicate::kMemberOf ? 0 : j;
      if (!IsModifier(v, j)) return 0;
    }
    return 0;
  }

  // The person holding `predicate` relative to `anchor` by the affirmed claims found so far:
  // predicate(H, anchor), its symmetric twin, or the inverse parent_of / child_of. -1 unless
  // exactly one person does.
  int32_t KinOf(int32_t anchor, Predicate predicate) const {
    if (anchor < 0) return -1;
    auto child = [](Predicate p) { return p == Predicate::kChildOf || p == Predicate::kAdoptedChildOf; };
    int32_t found = -1;
    for (const Claim& c : v.a.claims) {
      if (c.polarity != Polarity::kAffirmed || c.object_entity < 0) continue;
      int32_t h = -1;
      if (c.predicate == predicate && c.object_entity == anchor) h = c.subject_entity;
      else if (c.predicate == predicate && Symmetric(predicate) && c.subject_entity == anchor) h = c.object_entity;
      else if (predicate == Predicate::kParentOf && child(c.predicate) && c.subject_entity == anchor) h = c.object_entity;
      else if (child(predicate) && c.predicate == Predicate::kParentOf && c.subject_entity == anchor) h = c.object_entity;
      if (h < 0 || h == found) continue;
      if (found >= 0) return -1;
      found = h;
    }
    return found;
  }

  // The people coordinated with the object found at `at`: "directors X and Y and, of course, Z"
  // gives Y and Z. Between names only commas, "and"/"or", a few adverbials ("of course",
  // "also") and role nouns may stand; anything else (an apposition: ", the stepson of Y")
  // ends the list.
  std::vector<int32_t> CoordinatedAfter(uint32_t at, uint32_t limit) const {
    std::vector<int32_t> more;
    bool joined = false;  // an "and"/"or" since the last name
    for (uint32_t k = v.MentionEnd(at); k < limit; ++k) {
      const std::string& w = v.lower[k];
      if (w == "and" || w == "or" || w == "&") {
        joined = true;
        continue;
      }
      if (w == "," || w == "also" || w == "even" || w == "of" || w == "course" || w == "especially" ||
          ((v.lex.Role(w) || IsPersonNoun(v, w) || w == "the") && !v.IsCap(k)))
        continue;
      int32_t e = v.mention_at[k] >= 0 ? v.PersonAt(k) : -1;
      if (e < 0 || !joined) break;
      more.push_back(e);
      k = v.MentionEnd(k) - 1;
      joined = false;
    }
    return more;
  }

  // A month name the tagger took for a person ("June", "in May") is a date, never a party;
  // nor is a name of initials alone ("L. A."), a place more often than a person.
  bool IsNoParty(int32_t e) const {
    if (e >= 0 && e < static_cast<int32_t>(v.a.local_entities.size())) {
      const std::string& name = v.a.local_entities[e].name;
      bool initials = !name.empty();
      for (size_t k = 0; k < name.size(); ++k) {
        char ch = name[k];
        bool letter = (ch >= 'A' && ch <= 'Z');
        if (letter && k + 1 < name.size() && name[k + 1] != '.') initials = false;
        if (!letter && ch != '.' && ch != ' ') initials = false;
      }
      if (initials) return true;
    }
    static constexpr std::string_view kMonths[] = {"january", "february", "march", "april", "may", "june",
                                                   "july", "august", "september", "october", "november",
                                                   "december"};
    if (e < 0 || e >= static_cast<int32_t>(v.a.local_entities.size())) return false;
    std::string n = v.a.local_entities[e].name;
    for (char& ch : n)
      if (ch >= 'A' && ch <= 'Z') ch = char(ch | 0x20);
    for (std::string_view m : kMonths)
      if (n == m) return true;
    return IsCharacter(e);
  }

  // A role an actor plays ("who stars as NYPD detective X", "playing X", "the role of X"):
  // every name mention of entity e follows a casting word; such a character is no party to a
  // relation of the people the article is about. Computed once per document.
  bool IsCharacter(int32_t e) const {
    if (characters.empty()) {
      characters.assign(v.a.local_entities.size(), 0);  // 0 unseen, 1 character so far, 2 a person
      for (uint32_t k = 0; k < v.size(); ++k) {
        if (v.mention_at[k] < 0 || v.MentionBegin(k) != k || !v.IsCap(k)) continue;
        const int32_t x = v.PersonAt(k);
        if (x < 0 || x >= static_cast<int32_t>(characters.size())) continue;
        characters[x] = AfterCastingWord(k) && characters[x] != 2 ? 1 : 2;
      }
    }
    return e >= 0 && e < static_cast<int32_t>(characters.size()) && characters[e] == 1;
  }

  // Whether a casting word comes right before the name at k, over up to three descriptor words.
  bool AfterCastingWord(uint32_t k) const {
    static const std::set<std::string> kCast = {"star", "stars", "starred", "starring", "play", "plays", "played",
                                                "playing", "portray", "portrays", "portrayed", "portraying", "cast"};
    const uint32_t sb = SentBegin(k);
    uint32_t j = k;
    while (j > sb && k - j < 3 && v.IsWord(j - 1) && v.mention_at[j - 1] < 0 && v.lower[j - 1] != "as" &&
           v.lower[j - 1] != "of")
      --j;
    if (j <= sb + 1) return false;
    if (v.lower[j - 1] == "of") return v.lower[j - 2] == "role";
    if (v.lower[j - 1] != "as") return kCast.count(v.lower[j - 1]) > 0;
    return kCast.count(v.lower[j - 2]) > 0;
  }

  Claim* Emit(uint32_t tok, int32_t subject, Predicate predicate, int32_t object, bool negated,
              Modality extra) {
    if (subject < 0 || subject == object || IsNoParty(subject) || IsNoParty(object)) return nullptr;
    if (object >= 0 && Symmetric(predicate) && object < subject) std::swap(subject, object);
    uint32_t s = v.sent_of[tok];
    if (predicate == Predicate::kSiblingOf && object >= 0 && SiblingOfAnotherFamily(s, subject, object)) return nullptr;
    auto key = std::make_tuple(subject, predicate, object, std::string(), s, negated ? 1 : 0);
    if (!seen.insert(key).second) return nullptr;
    Claim* c = AddClaim(v, st, tok, subject, predicate, object);
    // A relation the source of a denial frame denies ("X denied reports that Y is dating Z");
    // not a role a descriptor gives ("Velvet Static singer Z").
    const TreeScope scope = ScopeAt(v, tok, KindAt(tok));
    if (negated != scope.denied_by_frame || (DeniedByFrame(tok) && !v.lex.Role(v.lower[tok])))
      c->polarity = Polarity::kDenied;
    c->modality = Weaker(Weaker(c->modality, extra), scope.modality);
    c->ended = ended_here;
    // A party not named in the sentence (a pronoun, "the actress") or a guessed anchor.
    c->subject_inferred = guessed_here || !NamedIn(s, subject) || (object >= 0 && !NamedIn(s, object));
    if (Timeless(predicate)) return c;
    if (auto t = TimeNear(v, tok)) {
      if (t->from) c->time_from = FormatIso(*t->from);
      if (t->to) c->time_to = FormatIso(*t->to);
    } else if (c->polarity == Polarity::kAffirmed && IsPartnerState(predicate) && PastState(tok)) {
      c->ended = true;  // "when X was still married to Y", "she dated Y": a state of the past
    }
    return c;
  }

  // A relation verb in the simple past with no date: "was (still) married to", "were dating",
  // "dated". Perfect and present forms ("has been married", "is dating") are not.
  bool PastState(uint32_t tok) const {
    if (v.lex.Role(v.lower[tok]) || v.lex.Event(v.lower[tok])) return false;
    if (v.lower[tok] == "dated") return tok == 0 || (v.lower[tok - 1] != "has" && v.lower[tok - 1] != "have");
    uint32_t sb = SentBegin(tok);
    for (uint32_t k = tok; k-- > sb && tok - k <= 3;) {
      const std::string& w = v.lower[k];
      if (w == "was" || w == "were") return true;
      if (!(w == "still" || w == "then" || w == "already" || w == "happily" || w == "briefly" || w == "not" ||
            w == "never" || w == "once"))
        return false;
    }
    return false;
  }

  // "getting married", "get married": the wedding is still to come.
  bool Upcoming(uint32_t tok) const {
    if (tok == 0 || tok == SentBegin(tok)) return false;
    const std::string& w = v.lower[tok - 1];
    // "after getting married in 2015" is a wedding of the past.
    if (w == "getting" && tok - 1 > SentBegin(tok) && (v.lower[tok - 2] == "after" || v.lower[tok - 2] == "since"))
      return false;
    return w == "getting" || w == "get" || w == "gets";
  }

  TriggerKind KindAt(uint32_t tok) const {
    if (v.lex.Role(v.lower[tok])) return TriggerKind::kRoleNoun;
    if (v.lex.Event(v.lower[tok])) return TriggerKind::kEventNoun;
    return TriggerKind::kVerb;
  }

  // Is tok (outside quotation marks) content of a denial frame ("X denied reports that …")?
  bool DeniedByFrame(uint32_t tok) const {
    uint32_t s = v.sent_of[tok];
    return s != UINT32_MAX && v.quote_at[tok] < 0 && st.InFrame(s, tok) && st.frames[s].denial;
  }

  // Negation of the trigger at `tok`: on the tree when its sentence is parsed (a negation
  // covers the clause it attaches to; a role noun used as an argument is never negated),
  // else a negator up to `lookback` tokens before `from` in the clause.
  bool Negated(uint32_t tok, uint32_t from, uint32_t lookback, TriggerKind kind) const {
    TreeScope sc = ScopeAt(v, tok, kind);
    return sc.parsed ? sc.negated : NegatedBefore(from, lookback);
  }

  bool NegatedBefore(uint32_t tok, uint32_t lookback) const {
    uint32_t sb = SentBegin(tok);
    for (uint32_t k = tok; k-- > sb && tok - k <= lookback;) {
      if (v.IsClauseBreak(k) || v.lower[k] == ",") return false;
      if (v.lex.IsNegator(v.lower[k])) return true;
    }
    return false;
  }

  // Person list starting at k: "A, 29, and B, 31", "A and B", "adopted son A, 13, and daughter
  // B", "A, 12, whom they adopted in 2017, and B". Role nouns of the list's predicate and
  // relative clauses may stand between the names; "adopted" before a name or in its relative
  // clause marks that person. Moves *k past the list.
  struct Listed {
    int32_t entity = -1;
    uint32_t tok = 0;
    bool adopted = false;
  };
  std::vector<Listed> NameList(uint32_t* k, uint32_t limit, Predicate predicate) const {
    std::vector<Listed> out;
    uint32_t i = *k;
    bool adopted = false;
    while (i < limit) {
      int32_t e = v.PersonAt(i);
      const std::string& w = v.lower[i];
      if (e >= 0 && v.mention_at[i] >= 0) {
        out.push_back({e, i, adopted});
        adopted = false;
        i = v.MentionEnd(i);
        continue;
      }
      int num;
      const RoleNoun* role = v.IsCap(i) ? nullptr : v.lex.Role(w);
      if (w == "," || w == "and" || w == "&" || IsNumberTok(v, i, &num) || (role && role->predicate == predicate)) {
        ++i;
        continue;
      }
      if (w == "adopted") {
        adopted = true;
        ++i;
        continue;
      }
      if ((w == "whom" || w == "who") && !out.empty() && i > 0 && v.lower[i - 1] == ",") {
        // A relative clause on the last name, up to its closing comma.
        uint32_t j = i + 1;
        while (j < limit && j < i + 10 && v.lower[j] != "," && !v.IsClauseBreak(j)) {
          if (v.lower[j] == "adopted") out.back().adopted = true;
          ++j;
        }
        if (j >= limit || v.lower[j] != ",") break;
        i = j;
        continue;
      }
      break;
    }
    *k = i;
    return out;
  }

  // The first token of the clause holding k: after the last ";" before it in its sentence.
  uint32_t ClauseStart(uint32_t k) const {
    uint32_t sb = SentBegin(k);
    for (uint32_t q = k; q-- > sb;)
      if (v.lower[q] == ";") return q + 1;
    return sb;
  }

  // The two people the verb group ending before `tok` has as its subject: a coordination
  // "X (, 43,) and Y", "they", "we" (in a quotation), "the couple"; after "and"/"but" those of
  // the first conjunct ("X and Y married in 2013 and divorced in 2021"). With `possession`,
  // a verb of having may stand between ("They share two children", "X and Y have a son").
  std::vector<int32_t> PluralSubject(uint32_t tok, bool possession = false) const {
    static const std::set<std::string> kHave = {"share", "shares", "shared", "have", "has", "had",
                                                "welcomed", "raised", "raise", "adopted", "two", "three",
                                                "four", "five", "a"};
    uint32_t sb = SentBegin(tok);
    uint32_t j = tok;
    while (j > sb && (IsVerbGroupWord(v, j - 1) || (possession && kHave.count(v.lower[j - 1])))) --j;
    if (j == sb) return {};
    uint32_t k = j - 1;
    int num = 0;
    if (v.lower[k] == "," && k >= sb + 3 && IsNumberTok(v, k - 1, &num) && v.lower[k - 2] == ",") k -= 3;
    if (IsPluralWord(v, k)) return v.ResolvePlural(k);
    if (v.lower[k] != "and" && v.lower[k] != "but") return v.CoordinationBefore(k + 1);
    // The first conjunct: its first person (or plural word) and the coordination it opens.
    for (uint32_t q = ClauseStart(k); q < k; ++q) {
      if (IsPluralWord(v, q)) return v.ResolvePlural(q);
      if (v.mention_at[q] < 0 || v.PersonAt(q) < 0 || DocView::IsPossessivePronoun(v.lower[q])) continue;
      uint32_t m = v.MentionEnd(q);
      if (m + 2 < k && v.lower[m] == "," && IsNumberTok(v, m + 1, &num) && v.lower[m + 2] == ",") m += 3;
      if (m + 1 >= k || v.lower[m] != "and" || v.mention_at[m + 1] < 0) return {};
      return v.CoordinationBefore(v.MentionEnd(m + 1));
    }
    return {};
  }

  // Skips back from `tok` over a verb of having, its auxiliaries and a count ("had four",
  // "share two", "have"); the first token of that group, or `tok` when there is none.
  uint32_t HaveGroupStart(uint32_t tok) const {
    static const std::set<std::string> kHave = {"share", "shares", "shared", "have", "has", "had", "welcomed"};
    uint32_t sb = SentBegin(tok), j = tok;
    int num = 0;
    while (j > sb && (IsNumberTok(v, j - 1, &num) || v.lower[j - 1] == "a")) --j;
    if (j == sb || !kHave.count(v.lower[j - 1])) return tok;
    --j;
    while (j > sb && IsVerbGroupWord(v, j - 1)) --j;
    return j;
  }

  // "Y, with whom he had four children": the pronoun's person and Y (the parents of the
  // noun at `tok`); empty when the noun is not the object of such a relative clause.
  std::vector<int32_t> WithWhomParents(uint32_t tok) const {
    uint32_t j = HaveGroupStart(tok), sb = SentBegin(tok);
    if (j == tok || j < sb + 5 || !IsSubjectPronoun(v.lower[j - 1])) return {};
    if (v.lower[j - 2] != "whom" || v.lower[j - 3] != "with" || v.lower[j - 4] != ",") return {};
    int32_t parent = v.ResolvePronoun(j - 1), other = v.mention_at[j - 5] >= 0 ? v.PersonAt(j - 5) : -1;
    if (parent < 0 || other < 0 || parent == other) return {};
    return {parent, other};
  }

  // Is the noun at `tok` the object of "they/the couple (verb group) have (count)", opening
  // its sentence?
  bool PluralHaveSubject(uint32_t tok) const {
    uint32_t j = HaveGroupStart(tok), sb = SentBegin(tok);
    if (j == tok || j == sb) return false;
    return j - 1 == sb ? v.lower[sb] == "they" : j - 2 == sb && v.lower[sb] == "the" && v.lower[j - 1] == "couple";
  }

  // The two people of the latest affirmed, current partner claim (spouse_of, engaged_to,
  // dating) read in the sentence before the one starting at `tok` or the one before that,
  // when the text named both there; empty otherwise.
  std::vector<int32_t> LatestCouple(uint32_t tok) const {
    const Sentence& here = v.a.layout.sentences[v.sent_of[tok]];
    uint32_t s = v.sent_of[tok];
    uint32_t from = v.a.layout.sentences[s >= 2 ? s - 2 : 0].byte_begin;
    for (size_t k = v.a.claims.size(); k-- > 0;) {
      const Claim& c = v.a.claims[k];
      if (c.evidence_byte_begin >= here.byte_begin) continue;
      if (c.evidence_byte_begin < from) break;
      if (c.object_entity < 0 || c.polarity != Polarity::kAffirmed || c.ended || c.subject_inferred) continue;
      if (c.predicate == Predicate::kSpouseOf || c.predicate == Predicate::kEngagedTo || c.predicate == Predicate::kDating)
        return {c.subject_entity, c.object_entity};
    }
    return {};
  }

  // The subject of the verb group ending before `tok` (auxiliaries, negators and adverbs
  // skipped): the person right before it; for "who" its antecedent ("Ashby, who has never
  // married"); after "and"/"but" the subject of the first conjunct ("X split from Y in March
  // and has remained single": X). -1 when none.
  int32_t GroupSubject(uint32_t tok) const {
    uint32_t sb = SentBegin(tok);
    uint32_t j = tok;
    while (j > sb && IsVerbGroupWord(v, j - 1)) --j;
    if (j == sb) return -1;
    uint32_t k = j - 1;
    int age = 0;
    if (v.lower[k] == "," && k >= sb + 3 && IsNumberTok(v, k - 1, &age) && v.lower[k - 2] == ",")
      k -= 3;  // "Ferrante, 31, has been single"
    const std::string& w = v.lower[k];
    if (w == "who") return k > sb + 1 && v.lower[k - 1] == "," ? v.PersonAt(k - 2) : v.PersonAt(k - 1);
    if (w == "and" || w == "but") {
      for (uint32_t q = ClauseStart(k); q < k; ++q) {
        int32_t e = v.PersonAt(q);
        if (e < 0 || DocView::IsPossessivePronoun(v.lower[q]) || v.lower[q] == "him" || v.lower[q] == "her") continue;
        if (q + 1 < v.size() && (v.lower[q + 1] == "'s" || v.lower[q + 1] == "'")) continue;
        return e;
      }
      return -1;
    }
    int32_t e = v.PersonAt(k);
    if (e < 0 || w == "him" || w == "her" || w == "them" || DocView::IsPossessivePronoun(w)) return -1;
    return e;
  }

  // A claim about the subject alone, with a null object (the claim contract): "has not
  // dated anyone", "is single", "has never married", "is dating someone". Time: the date
  // expression of the clause ("since 2012", "ever since" -> the date before); else "never"
  // covers everything up to the publication day and any other form the publication day.
  Claim* EmitAlone(uint32_t tok, int32_t subject, Predicate predicate, bool denied, Modality extra) {
    if (subject < 0 || IsNoParty(subject)) return nullptr;
    auto key = std::make_tuple(subject, predicate, -1, std::string(), v.sent_of[tok], denied ? 1 : 0);
    if (!seen.insert(key).second) return nullptr;
    Claim* c = AddClaim(v, st, tok, subject, predicate, -1);
    if (denied != DeniedByFrame(tok)) c->polarity = Polarity::kDenied;
    c->modality = Weaker(Weaker(c->modality, extra), ScopeAt(v, tok, KindAt(tok)).modality);
    if (auto t = TimeNear(v, tok)) {
      if (t->from) c->time_from = FormatIso(*t->from);
      if (t->to) c->time_to = FormatIso(*t->to);
    } else if (v.published) {
      bool never = false;
      for (uint32_t k = tok; k-- > SentBegin(tok) && !v.IsClauseBreak(k) && v.lower[k] != ",";)
        if (v.lower[k] == "never") never = true;
      c->time_to = FormatIso(*v.published);
      if (!never) c->time_from = c->time_to;
    }
    return c;
  }

  // A role noun being read (RoleNouns and its steps).
  struct RoleMatch {
    const RoleNoun* role;
    uint32_t i, sb, se;       // the noun, its sentence
    uint32_t mb = 0;          // first word of the noun's modifiers
    Predicate pred = Predicate::kNone;
    bool ended = false;       // "her late husband", "former friend"
    bool of_anchor = false;   // "the NOUN of Y"
    bool guessed = false;     // the anchor is the nearest person before, a guess
    int32_t anchor = -1;
    std::vector<int32_t> co_anchors, holders;
    std::set<int32_t> adopted_holders;  // "A, whom they adopted": adopted_child_of for A alone
  };
  void RoleNouns(uint32_t i);
  bool CopulaComplementAt(uint32_t k) const;
  bool HeadsPhrase(uint32_t k, uint32_t se) const;
  bool ReadRoleModifiers(RoleMatch& m) const;
  void TakeList(RoleMatch& m, uint32_t* from);
  bool ReadHoldersAfter(RoleMatch& m, uint32_t* k);
  void ReadRoleRelativeClause(RoleMatch& m, uint32_t k);
  void ReadHolderBefore(RoleMatch& m);
  void FindRoleAnchor(RoleMatch& m);
  void EmitRole(RoleMatch& m);
  void EventNouns(uint32_t i);
  void EmitPattern(const PatternMatch& m);
  bool Past(uint32_t tok) const;
  void PairPhrases(uint32_t i);
  void StateWords(uint32_t i);
  bool PossessedTitle(uint32_t frame, uint32_t after, uint32_t se) const;
};

// Is the noun phrase starting at k the complement of a copula ("was the", "is his", "became Y's")?
bool Ctx::CopulaComplementAt(uint32_t k) const {
  uint32_t sb = SentBegin(k);
  uint32_t j = k;
  if (j > sb && (v.lower[j - 1] == "the" || v.lower[j - 1] == "a" || v.lower[j - 1] == "an" ||
                 DocView::IsPossessivePronoun(v.lower[j - 1])))
    --j;
  else if (j > sb && (v.lower[j - 1] == "'s" || v.lower[j - 1] == "'")) {
    j = v.MentionBegin(j - 2 < v.size() ? j - 2 : 0);
  } else if (j > sb && v.lower[j - 1].ends_with("'s")) {
    j = v.MentionBegin(j - 1);
  }
  if (j <= sb) return false;
  const std::string& w = v.lower[j - 1];
  return w == "was" || w == "is" || w == "became" || w == "becomes" || w == "remains" || w == "remained";
}

// The noun heads its phrase ("was the son of Y", "is Y's wife."), not a modifier of a word
// after it ("whose dress was baby blue", "was sister company to").
bool Ctx::HeadsPhrase(uint32_t k, uint32_t se) const {
  static const std::set<std::string> kAfter = {"of", "and", "or", "to", "for", "in", "since", "who", "whom", "that",
                                               "with", "from", "at", "on", "but", "now", "too", "again", "as"};
  return k >= se || !v.IsWord(k) || v.IsCap(k) || kAfter.count(v.lower[k]) > 0;
}

// Modifiers before the noun ("adopted", "ex", "former", "estranged", "late", "future") and an
// ending event before them ("his divorce from second wife X") set the predicate's form and
// m.mb, the phrase's first word. False when the phrase names no relation to read here: a
// future or activity partner ("her dance partner X"), a group membership (MemberOf reads it).
bool Ctx::ReadRoleModifiers(RoleMatch& m) const {
  bool adopted = false, former = false, future = false;
  m.mb = m.i;
  while (m.mb > m.sb && (IsModifier(v, m.mb - 1) || v.lower[m.mb - 1] == "ex")) {
    const std::string& w = v.lower[m.mb - 1];
    if (w == "adopted") adopted = true;
    // "ex", "former", and a fused "ex-" on the modifier: "her ex-best friend X".
    if (w == "former" || w == "ex" || w == "previous" || w.starts_with("ex-")) former = true;
    // "her late husband" (the relation ended with a death), "his first wife" (a later one followed).
    if (w == "late" || (w == "first" && IsPartnerState(m.pred))) m.ended = true;
    if (w == "future" || w == "potential" || w == "next" || w == "new") future = true;
    --m.mb;
  }
  if (future) return false;
  for (uint32_t q = m.mb; q < m.i && m.pred == Predicate::kDating; ++q) {
    const ScopeClass* cls = v.lex.Scope(v.lower[q]);
    if (cls && *cls == ScopeClass::kActivity) return false;
  }
  // The partner named by an ending event ("his divorce from second wife X", "her split from
  // husband X", "divorced husband X") is a partner of the past.
  if (m.mb > m.sb + 1 && IsPartnerState(m.pred)) {
    uint32_t q = m.mb - 1;
    // "after splitting from her husband X": past the possessor.
    if (DocView::IsPossessivePronoun(v.lower[q]) && q > m.sb + 1) --q;
    // "divorced X, his wife of ten years": the apposition's name, then the event before it.
    if (v.lower[q] == "," && q > m.sb + 1 && v.mention_at[q - 1] >= 0 && v.MentionBegin(q - 1) > m.sb)
      q = v.MentionBegin(q - 1) - 1;
    if ((v.lower[q] == "from" || v.lower[q] == "with") && q > m.sb) --q;
    const EventNoun* ev = v.lex.Event(v.lower[q]);
    bool ending = (ev && (ev->predicate == Predicate::kDivorcedFrom || ev->predicate == Predicate::kSplitFrom)) ||
                  IsEndingTriggerForm(v.lower[q]);
    if (ending) former = true;
  }
  // "divorced X, his wife of ten years", "she and husband X had divorced": the tree's verb.
  if (IsPartnerState(m.pred) && TreeEndingHead(v, m.i)) former = true;
  // "X and fiance Y have tied the knot": married now.
  if (m.pred == Predicate::kEngagedTo && !former && TreeWeddingHead(v, m.i)) m.pred = Predicate::kSpouseOf;
  if (adopted && m.pred == Predicate::kChildOf) m.pred = Predicate::kAdoptedChildOf;
  if (former && EndedForm(m.pred) != Predicate::kNone) m.pred = EndedForm(m.pred);
  else if (former && !Timeless(m.pred)) m.ended = true;  // "former friend", "ex-best friend": no ended predicate
  // "Velvet Static frontman X" / "frontman of Velvet Static": the group is an ORG or a
  // capitalised name, not a person; MemberOf reads it.
  return m.pred != Predicate::kMemberOf;
}

void Ctx::TakeList(RoleMatch& m, uint32_t* from) {
  for (const Listed& l : NameList(from, m.se, m.pred)) {
    m.holders.push_back(l.entity);
    listed.insert(l.tok);
    if (l.adopted) m.adopted_holders.insert(l.entity);
  }
}

// The role holder(s) named right after the noun: a list after a plural noun ("his children
// included A and B", "two sons, A and B", with a co-parent: "…, with her ex-husband Y"), a
// name ("his daughter Suri"), an apposition ("his younger brother, stunt coordinator Declan
// X"), a copula ("His younger brother was the future bishop X"). Sets *k to the word after
// what was read. False when a list of children already took the name there.
bool Ctx::ReadHoldersAfter(RoleMatch& m, uint32_t* k_out) {
  const uint32_t se = m.se;
  uint32_t k = m.i + 1;
  if (k < se && m.role->plural && (v.lower[k] == "included" || v.lower[k] == "include" || v.lower[k] == "includes" ||
                                   v.lower[k] == "are" || v.lower[k] == "were"))
    ++k;
  if (k < se && (v.lower[k] == "," || v.lower[k] == ":") && m.role->plural) ++k;
  *k_out = k;
  // A pronoun after the noun starts a relative clause instead ("the daughter he shares with Y").
  bool pronoun_after =
      k < se && (DocView::PronounGender(v.lower[k]) != Gender::kUnknown || DocView::IsFirstPerson(v.lower[k]));
  if (!m.role->plural && listed.count(k)) return false;
  if (k < se && m.role->plural && (v.PersonAt(k) >= 0 || v.lower[k] == "adopted") && !pronoun_after) {
    TakeList(m, &k);
    if (k + 1 < se && v.lower[k] == "," && v.lower[k + 1] == "with") ++k;
    // A co-parent after a list of children ("two sons, A and B, with her ex-husband Y"); not
    // after friends or co-stars ("friends A and B with his fiancee Y").
    const bool children = m.pred == Predicate::kChildOf || m.pred == Predicate::kAdoptedChildOf;
    if (children && k < se && (v.lower[k] == "with" || v.lower[k] == "alongside")) {
      uint32_t at = 0;
      std::string text;
      int32_t co = ObjectAfter(k + 1, se, &at, &text);
      if (co >= 0) m.co_anchors.push_back(co);
    }
  } else if (k < se && !pronoun_after && v.PersonAt(k) >= 0 && v.mention_at[k] >= 0) {
    m.holders = {v.PersonAt(k)};
  } else if (k < se && v.lower[k] == "," && !m.role->plural) {
    uint32_t j = k + 1;  // up to three descriptor words
    while (j < se && j < k + 4 && v.IsWord(j) && v.PersonAt(j) < 0 && !v.IsCap(j)) ++j;
    if (j < se && v.PersonAt(j) >= 0 && v.mention_at[j] >= 0) m.holders.push_back(v.PersonAt(j));
  } else if (m.anchor >= 0 && !m.role->plural && k < se && (v.lower[k] == "was" || v.lower[k] == "is")) {
    m.holders = CopulaHolder(k + 1, se);
  }
  *k_out = k;
  return true;
}

// A relative clause right after the noun names the anchor and co-parents: "the daughter he
// shares with Y", "the children he adopted alongside Y; A and B".
void Ctx::ReadRoleRelativeClause(RoleMatch& m, uint32_t k) {
  const uint32_t se = m.se;
  if (m.anchor >= 0 || k >= se) return;
  if (!(IsSubjectPronoun(v.lower[k]) || ((v.lower[k] == "that" || v.lower[k] == "whom" || v.lower[k] == "who") &&
                                         k + 1 < se && IsSubjectPronoun(v.lower[k + 1]))))
    return;
  uint32_t p = IsSubjectPronoun(v.lower[k]) ? k : k + 1;
  m.anchor = v.ResolvePronoun(p);
  uint32_t j = p + 1;
  for (; j < se && !v.IsClauseBreak(j) && v.lower[j] != ","; ++j) {
    if (v.lower[j] == "adopted" && m.pred == Predicate::kChildOf) m.pred = Predicate::kAdoptedChildOf;
    if ((v.lower[j] == "with" || v.lower[j] == "alongside") && j + 1 < se) {
      uint32_t at = 0;
      std::string text;
      int32_t co = ObjectAfter(j + 1, se, &at, &text);
      if (co >= 0) m.co_anchors.push_back(co);
    }
  }
  if (m.holders.empty() && j < se && (v.lower[j] == ";" || v.lower[j] == ":" || v.lower[j] == ",") && m.role->plural) {
    uint32_t from = j + 1;
    TakeList(m, &from);
  }
}

// The holder before the noun: an apposition ("X, the stepson of Y", "X, Y's publicist", "X
// (father of Y)"), else the subject of a copula ("X was the son of Y", "X is Y's wife").
void Ctx::ReadHolderBefore(RoleMatch& m) {
  const uint32_t sb = m.sb;
  uint32_t j = m.mb;
  if (j > sb && (v.lower[j - 1] == "the" || v.lower[j - 1] == "a" || v.lower[j - 1] == "an")) --j;
  else if (m.anchor >= 0 && !m.of_anchor && j > sb) {
    --j;  // skip the possessor ("Y's" or "his")
    if (j > sb && (v.lower[j] == "'s" || v.lower[j] == "'")) j = v.MentionBegin(j - 1);
    else if (v.mention_at[j] >= 0) j = v.MentionBegin(j);
  }
  if (j > sb + 1 && (v.lower[j - 1] == "," || v.lower[j - 1] == "(")) {
    uint32_t h = j - 2;
    int num;
    if (IsNumberTok(v, h, &num) && h >= sb + 2 && v.lower[h - 1] == ",") h -= 2;
    // "He was born in X, the son of Y": the one born, not the birthplace (which the tagger
    // may take for a person).
    const int32_t born = m.of_anchor && !m.role->plural ? BornHolder(j - 1, m.i, m.anchor, m.co_anchors) : -1;
    if (born >= 0) m.holders.push_back(born);
    else if (h < v.size() && v.mention_at[h] >= 0 && v.PersonAt(h) >= 0) m.holders.push_back(v.PersonAt(h));
  }
  if (m.holders.empty() && CopulaComplementAt(m.mb) && HeadsPhrase(m.i + 1, m.se)) {
    int32_t subj = SubjectBefore(m.mb, m.anchor);
    if (subj >= 0) m.holders.push_back(subj);
  }
}

// The anchor when no possessor or "of" named it: the nearest possessive before ("with
// daughter X"), a coordinated name ("X and wife Y"), a couple ("Y, with whom he had four
// children", "They share two children", the couple the text just named), the clause's
// subject, else the nearest person before (a guess). A person holding a parallel role is no
// anchor ("daughter Ella and son Alexander").
void Ctx::FindRoleAnchor(RoleMatch& m) {
  const uint32_t sb = m.sb, mb = m.mb;
  bool possessed = false;
  for (uint32_t j = mb; j-- > sb && mb - j <= 6;) {
    if (v.IsClauseBreak(j)) break;
    // Only a possessor right before the phrase counts as one ("Ne-Yo's wife", "his wife").
    if (DocView::IsPossessivePronoun(v.lower[j]) && v.lower[j] != "its" && v.lower[j] != "their") {
      m.anchor = v.ResolvePronoun(j);
      possessed = j + 1 == mb && (v.lower[j] == "his" || v.lower[j] == "her");
      break;
    }
    if (v.lower[j] == "'s" || v.lower[j] == "'") {
      m.anchor = j > 0 ? v.PersonAt(j - 1) : -1;
      // A name, or a common noun other than a couple word ("each student's best friend"; "the
      // couple's daughters" are the couple's, read below).
      possessed = j + 1 == mb && j > sb && (v.IsCap(j - 1) || !IsPluralWord(v, j - 1));
      break;
    }
  }
  // A possessor naming no person we know ("Ne-Yo's wife, Y" with "Ne-Yo" untagged): the
  // anchor is that possessor, never a name nearby.
  if (possessed && m.anchor < 0) return;
  // A coordinated name, not inside a list of children ("four kids: A and son B, as well as C
  // and son D": C is a sibling).
  const bool in_list = listed.lower_bound(sb) != listed.end() && *listed.lower_bound(sb) < mb;
  const bool coordinated = m.co_anchors.empty() && !(in_list && m.pred == Predicate::kChildOf);
  if (m.anchor < 0 && coordinated) m.anchor = TreeCoordinatedAnchor(v, m.i);
  if (m.anchor < 0 && coordinated) m.anchor = CoordinatedNameBefore(mb);
  // "four kids: A and son B": a name a list of the same kin took is a sibling, not the anchor.
  if (m.anchor >= 0 && ListedBefore(m.anchor, mb)) m.anchor = -1;
  if (m.anchor < 0 && m.co_anchors.empty()) {
    std::vector<int32_t> pair = WithWhomParents(mb);
    if (pair.empty()) pair = PluralSubject(mb, /*possession=*/true);
    if (pair.empty() && m.role->plural && PluralHaveSubject(mb)) pair = LatestCouple(SentBegin(m.i));
    if (pair.size() == 2) {
      m.anchor = pair[0];
      m.co_anchors.push_back(pair[1]);
    }
  }
  // "X waved while being watched by girlfriend Y": the subject of the clause (through an
  // adverbial clause without its own), not the nearest name before.
  if (m.anchor < 0) m.anchor = TreeClauseAnchor(v, m.i, m.holders[0]);
  // In a relative clause ("the singer, who shares twins A and B with ex-husband Y"), the
  // anchor is the person it is on, never a name inside it; none when that names nobody.
  int32_t antecedent = -1;
  if (m.anchor < 0 && InRelativeClause(mb, &antecedent)) {
    if (antecedent < 0) return;
    m.anchor = antecedent;
  }
  // No guess for a descriptor ("what a dedicated mother X is", "a great mum"), nor for a
  // friend or co-star, whose other party the nearest name rarely is ("as did frequent
  // collaborator X and co-stars Y and Z", "friend X told ET").
  const bool descriptor = mb > sb && (v.lower[mb - 1] == "what" || ((v.lower[mb - 1] == "a" || v.lower[mb - 1] == "an") &&
                                                                     HolderThenCopula(m.i)));
  if (m.anchor < 0 && (descriptor || m.pred == Predicate::kFriendsWith || m.pred == Predicate::kCollaboratesWith ||
                       (in_list && m.pred == Predicate::kChildOf)))
    return;
  if (m.anchor < 0) {
    m.anchor = SubjectBefore(mb, m.holders[0]);
    // Not across a coordination of clauses (", and A-Rod is the father of daughters X").
    if (m.anchor >= 0 && (CoordinatedClauseBetween(m.anchor, mb) || ListedBefore(m.anchor, mb))) m.anchor = -1;
    m.guessed = m.anchor >= 0;
  }
  if (m.anchor >= 0 && m.co_anchors.empty()) {
    for (uint32_t j = mb; j-- > sb && mb - j <= 8;) {
      if (v.PersonAt(j) != m.anchor || v.mention_at[j] < 0) continue;
      uint32_t b = v.MentionBegin(j);
      const RoleNoun* before = b > sb && !v.IsCap(b - 1) ? v.lex.Role(v.lower[b - 1]) : nullptr;
      if (before && before->predicate == m.role->predicate) m.anchor = -1;
      break;
    }
  }
}

// The claims of a read role: holder PRED anchor (and each co-anchor); the holders of a plural
// child or sibling noun are siblings of each other ("four children: A, B, C and D").
void Ctx::EmitRole(RoleMatch& m) {
  // A listed holder resolved to one of its own anchors ("Paul X married Y. They have four
  // children: Paul, …", the child's one-word name joined to the father's) is a resolution
  // slip: no claim on it. (A single holder equal to its anchor is the anchor's slip instead, a
  // descriptor resolved to the holder: "X, son of the chef Y and Z"; only the anchor is skipped.)
  if (m.holders.size() >= 2)
    std::erase_if(m.holders, [&](int32_t h) {
      return h == m.anchor || std::find(m.co_anchors.begin(), m.co_anchors.end(), h) != m.co_anchors.end();
    });
  if (m.holders.empty()) return;
  bool negated = Negated(m.i, m.mb, 3, TriggerKind::kRoleNoun);
  ended_here = m.ended && !Timeless(m.pred);
  guessed_here = m.guessed;
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{ended_here}, reset_guess{guessed_here};
  if (m.role->plural && (m.pred == Predicate::kChildOf || m.pred == Predicate::kSiblingOf))
    for (size_t x = 0; x < m.holders.size(); ++x)
      for (size_t y = x + 1; y < m.holders.size(); ++y)
        Emit(m.i, m.holders[x], Predicate::kSiblingOf, m.holders[y], negated, Modality::kAsserted);
  for (int32_t h : m.holders) {
    const Predicate p = m.adopted_holders.count(h) && m.pred == Predicate::kChildOf ? kAdopted : m.pred;
    // Role "X is Y's parent": parent_of(X, Y).
    if (m.anchor >= 0 && h != m.anchor) Emit(m.i, h, p, m.anchor, negated, Modality::kAsserted);
    for (int32_t co : m.co_anchors)
      if (co != h && co != m.anchor) Emit(m.i, h, p, co, negated, Modality::kAsserted);
  }
}

// A kin or role noun ("his daughter Suri", "X, the son of Y", "two children, A and B"): the
// holders, the anchor they hold the role for, and the claims.
void Ctx::RoleNouns(uint32_t i) {
  const RoleNoun* role = v.lex.Role(v.lower[i]);
  if (!role || v.IsCap(i)) return;
  // "friend"/"member" as source nouns in source phrases ("a friend said") are handled as sources.
  RoleMatch m{role, i, SentBegin(i), SentEnd(i)};
  m.pred = role->predicate;
  if (!ReadRoleModifiers(m)) return;
  // The anchor: possessor right before the modifiers, or "the NOUN of Y".
  m.anchor = v.PossessorBefore(m.mb);
  m.of_anchor = m.anchor < 0 && i + 1 < m.se && v.lower[i + 1] == "of";
  if (m.of_anchor) {
    uint32_t at = 0;
    std::string text;
    m.anchor = ObjectAfter(i + 2, m.se, &at, &text);
    if (m.anchor < 0) return;  // "the son of a preacher": no person to anchor on
    m.co_anchors = CoordinatedAfter(at, m.se);  // "the son of X and the actor Y"
  }
  uint32_t k = 0;
  if (!ReadHoldersAfter(m, &k)) return;
  ReadRoleRelativeClause(m, k);
  if (m.holders.empty()) ReadHolderBefore(m);
  if (m.holders.empty()) return;
  if (m.anchor < 0) FindRoleAnchor(m);
  EmitRole(m);
}

void Ctx::EventNouns(uint32_t i) {
  const EventNoun* ev = v.lex.Event(v.lower[i]);
  if (!ev || v.IsCap(i)) return;
  uint32_t sb = SentBegin(i), se = SentEnd(i);
  Predicate pred = ev->predicate;
  uint32_t mb = i;
  bool former = false, rumored = false;
  while (mb > sb && i - mb < 3 && (IsModifier(v, mb - 1) || v.toks[mb - 1].kind == TokenKind::kNumber)) {
    const std::string& w = v.lower[mb - 1];
    if (w == "former" || w == "previous" || w == "first" || w == "ex") former = true;
    if (w == "rumored" || w == "rumoured" || w == "alleged" || w == "possible" || w == "potential") rumored = true;
    // "his friendly relationship with X", "a working relationship": no romance.
    if (pred == Predicate::kDating && (w == "friendly" || w == "professional" || w == "working" || w == "platonic"))
      return;
    --mb;
  }
  if (former && pred == Predicate::kSpouseOf) pred = Predicate::kDivorcedFrom;
  // The preposition introducing the other person.
  uint32_t p = i + 1;
  if (p >= se) return;
  bool prep_ok = false;
  for (const std::string& prep : ev->prepositions)
    if (v.lower[p] == prep) prep_ok = true;
  if (!prep_ok) return;
  uint32_t at = 0;
  std::string text;
  int32_t object = ObjectAfter(p + 1, se, &at, &text);
  if (object < 0 && text.empty()) return;
  // "her relationship with her ex-wife X", "his relationship with his father": the kin noun
  // states the relation (role nouns); only conflict nouns ("rift with his father") add one.
  if (KinNounAfter(p + 1, se) && pred != Predicate::kEstrangedFrom && pred != Predicate::kFriendsWith && pred != Predicate::kCollaboratesWith)
    return;
  int32_t subject = v.PossessorBefore(mb);
  // "the divorce with X" names an event known from elsewhere: its party is the subject of the
  // noun's own clause, not a name further back ("she believes her problems stem from the
  // divorce with X").
  if (subject < 0 && mb > sb && v.lower[mb - 1] == "the" && ClauseSubjectIsNoPerson(i)) return;
  if (subject < 0 && mb > sb && (v.lower[mb - 1] == "a" || v.lower[mb - 1] == "the" || v.lower[mb - 1] == "an"))
    subject = object < 0 ? GroupSubject(mb - 1 > sb && v.lower[mb - 2] == "in" ? mb - 2 : mb - 1) : SubjectBefore(mb - 1, object);
  // Joint activities ("made two films with X", "we are planning projects with X") belong to
  // the clause subject; in a quotation with no subject in its sentence ("It's not one but a
  // few projects with X"), to the named speaker.
  if (subject < 0 && object >= 0 && (pred == Predicate::kCollaboratesWith || pred == Predicate::kFriendsWith)) {
    subject = SubjectBefore(mb, object);
    if (subject < 0) subject = v.QuoteSpeakerAt(i);
  }
  if (subject < 0) return;
  if (object < 0) {
    // "is not in a relationship with anyone", "her romance with someone".
    bool negated = Negated(i, mb, 3, TriggerKind::kEventNoun);
    Indefinite ind = IndefiniteAt(v, at);
    if (pred != Predicate::kDating && pred != Predicate::kSpouseOf && pred != Predicate::kEngagedTo) return;
    if ((ind == Indefinite::kAny && !negated) || (ind != Indefinite::kAny && negated)) return;
    EmitAlone(i, subject, pred, ind != Indefinite::kSome, rumored ? Modality::kSpeculative : Modality::kAsserted);
    return;
  }
  // "his rift with daughter X": the role noun in between also gives a role claim (RoleNouns).
  Modality modality = rumored ? Modality::kSpeculative : Modality::kAsserted;
  bool negated = Negated(i, mb, 3, TriggerKind::kEventNoun);
  // "ended their engagement" -> split_from; "ditched her friendship with X": ended.
  if (ScopeAt(v, i, TriggerKind::kEventNoun).ended) {
    if (EndedForm(pred) != Predicate::kNone) pred = EndedForm(pred);
    else ended_here = true;
  }
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{ended_here};
  Emit(i, subject, pred, object, negated, modality);
  for (int32_t other : CoordinatedAfter(at, se)) Emit(i, subject, pred, other, negated, modality);
}

// A match of a relation pattern (data/relations/relation_patterns.tsv, internal/patterns.h):
// the row's scope on the tree (negation, modality, "no longer"), its flags, and the readings
// the row's words leave to time: "getting married" is a wedding to come, "previously linked
// to" and "no longer dating" a relation that has ended.
void Ctx::EmitPattern(const PatternMatch& m) {
  const RelationPattern& p = patterns.rows[m.row];
  const uint32_t i = m.trigger_tok;
  const TreeScope scope = ScopeAt(v, i, p.kind);
  bool negated = scope.negated;
  Modality extra = p.speculative ? Modality::kSpeculative : Modality::kAsserted;
  Predicate pred = m.predicate;
  if (pred == Predicate::kSpouseOf && Upcoming(i)) pred = Predicate::kEngagedTo;  // "is getting married to X"
  int32_t object = m.object;
  // No person as the tree's subject ("(X, infamously, has no contact with Y" misparsed): the
  // nearest person before the trigger in its clause.
  const int32_t subject_found = m.subject >= 0 ? m.subject : SubjectBefore(i, object);
  if (subject_found < 0) return;
  guessed_here = m.subject < 0;
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{guessed_here};
  if (m.kin_anchor >= 0) {
    object = KinOf(m.kin_anchor, m.kin_predicate);  // "his father": whom the claims so far make so
    if (object < 0 || object == subject_found) return;
  }
  if (object < 0) {
    if (pred != Predicate::kDating && pred != Predicate::kSpouseOf && pred != Predicate::kEngagedTo) return;
    bool denied = true;
    if (p.alone) {
      if (p.negated && !negated) return;  // "has never married"; not "married in June"
    } else {
      // "has not dated anyone" (denied), "is dating someone" (affirmed), "dated no one".
      const std::string& w = v.lower[m.object_tok];
      const bool any = w == "anyone" || w == "anybody";
      const bool some = w == "someone" || w == "somebody";
      if (any != negated) return;
      denied = !some;
    }
    EmitAlone(i, subject_found, pred, denied, extra);
    return;
  }
  if (p.negated_only) {
    if (!negated) return;
    negated = false;
  }
  // "divorced Y, his wife of ten years": a partner noun taken by an ending verb.
  const bool ending_noun = p.kind == TriggerKind::kRoleNoun && IsPartnerState(pred) && TreeEndingHead(v, i);
  if ((Past(i) || scope.ended || ending_noun) && !negated && EndedForm(pred) != Predicate::kNone) pred = EndedForm(pred);
  int32_t subject = subject_found;
  if (p.swap) std::swap(subject, object);
  Emit(i, subject, pred, object, negated, extra);
}

// "was previously linked to X", "had once dated X": an adverb of the past on the trigger.
bool Ctx::Past(uint32_t tok) const {
  if (!v.HasParse(tok)) return false;
  const int w = v.word_of_tok[tok];
  for (int c : v.tree.Children(w)) {
    const ScopeClass* cls = v.lex.Scope(v.lower[v.tree.word(c).token]);
    if (v.tree.word(c).rel == syntax::Rel::kAdvmod && cls && *cls == ScopeClass::kPast) return true;
  }
  return false;
}

// "X is single", "he has remained single ever since", "has no children": a state word after
// its frame (a copula, or "have") says the person has no relation of that kind.
// "Brad X's single "Start a Band"": the "'s" before the state word is a name's possessive and
// the word a noun naming a title that follows in quotation marks (after an optional comma).
bool Ctx::PossessedTitle(uint32_t frame, uint32_t after, uint32_t se) const {
  if (frame == 0 || (v.lower[frame] != "'s" && v.lower[frame] != "’s") || v.mention_at[frame - 1] < 0) return false;
  if (DocView::PronounGender(v.lower[frame - 1]) != Gender::kUnknown) return false;  // "she's single"
  if (after < se && v.lower[after] == ",") ++after;
  if (after + 1 >= se || v.toks[after].kind != TokenKind::kQuote) return false;
  return v.quote_at[after + 1] >= 0 && v.quote_at[after + 1] != v.quote_at[frame];  // it opens a quotation
}

void Ctx::StateWords(uint32_t i) {
  auto it = v.lex.state_first.find(v.lower[i]);
  if (it == v.lex.state_first.end()) return;
  uint32_t sb = SentBegin(i), se = SentEnd(i);
  for (uint32_t idx : it->second) {
    const Phrase& ph = v.lex.state_words[idx];
    uint32_t n = 0;
    while (n < ph.words.size() && i + n < se && v.lower[i + n] == ph.words[n]) ++n;
    if (n < ph.words.size() || !EndsStatePhrase(v, i + n, se)) continue;
    if (!ph.have_frame && (ph.words.size() > 1 || v.lower[i + n] == "with")) continue;
    if (ph.have_frame && i + n < se && (v.lower[i + n] == "with" || v.lower[i + n] == "by" || v.lower[i + n] == "together"))
      continue;  // "no children with X" is about one pair
    // The frame: walk back over adverbs, quote marks and negators to a copula or "have".
    static const std::set<std::string> kBe = {"is", "are", "am", "was", "were", "be", "been", "being",
                                              "remains", "remained", "remain", "stays", "stayed", "stay",
                                              "became", "becomes", "become", "'s", "'re"};
    static const std::set<std::string> kHave = {"has", "have", "had", "having"};
    bool negated = false;
    uint32_t k = i;
    while (k > sb) {
      const std::string& w = v.lower[k - 1];
      if ((ph.have_frame ? kHave : kBe).count(w)) break;
      bool skippable = v.toks[k - 1].kind == TokenKind::kQuote || w == "very" || w == "still" || w == "now" ||
                       w == "happily" || w == "currently" || w == "officially" || w == "once" || w == "again" ||
                       w == "longer" || (w.size() > 4 && w.ends_with("ly")) || v.lex.IsNegator(w);
      if (!skippable) break;
      if (v.lex.IsNegator(w)) negated = true;
      --k;
    }
    if (k == sb || !(ph.have_frame ? kHave : kBe).count(v.lower[k - 1])) continue;
    uint32_t frame = k - 1;
    if (PossessedTitle(frame, i + n, se)) continue;
    for (uint32_t q = frame; q > sb && IsVerbGroupWord(v, q - 1); --q)  // "has never been single"
      if (v.lex.IsNegator(v.lower[q - 1])) negated = true;
    EmitAlone(i, GroupSubject(frame), ph.predicate, !negated, Modality::kAsserted);
    return;
  }
}

void Ctx::PairPhrases(uint32_t i) {
  auto it = v.lex.pair_first.find(v.lower[i]);
  if (it == v.lex.pair_first.end()) return;
  uint32_t sb = SentBegin(i), se = SentEnd(i);
  const Phrase* best = nullptr;
  uint32_t best_len = 0;
  for (uint32_t idx : it->second) {
    const Phrase& ph = v.lex.pair_phrases[idx];
    uint32_t k = 0;
    while (k < ph.words.size() && i + k < se && v.lower[i + k] == ph.words[k]) ++k;
    if (k == ph.words.size() && k > best_len) {
      best = &ph;
      best_len = k;
    }
  }
  if (!best) return;
  // The pair: people named in the sentence, else the latest two named before it.
  std::vector<int32_t> pair;
  auto add = [&](int32_t e) {
    if (e >= 0 && std::find(pair.begin(), pair.end(), e) == pair.end()) pair.push_back(e);
  };
  Attribution src = SourceAt(v, st, i);
  // "the pair were an item", "they are just friends": the pair the plural names.
  for (uint32_t k = i; k-- > sb && i - k <= 4 && !v.IsClauseBreak(k);) {
    if (!IsPluralWord(v, k)) continue;
    for (int32_t e : v.ResolvePlural(k)) add(e);
    if (pair.size() < 2) pair.clear();  // unresolved: the people named, as below
    break;
  }
  for (uint32_t k = sb; k < se && pair.size() < 2; ++k)
    if (v.mention_at[k] >= 0 && v.PersonAt(k) >= 0 && v.PersonAt(k) != src.entity_idx) add(v.PersonAt(k));
  for (uint32_t k = sb; k-- > 0 && pair.size() < 2 && sb - k < 200;)
    if (v.mention_at[k] >= 0 && v.PersonAt(k) >= 0 && v.PersonAt(k) != src.entity_idx) add(v.PersonAt(k));
  if (pair.size() < 2) return;
  bool negated = false;
  bool own_negation = false;
  for (const std::string& w : best->words)
    if (v.lex.IsNegator(w)) own_negation = true;
  if (!own_negation) negated = NegatedBefore(i, 3);
  bool denied = best->denied != negated;
  Emit(i, pair[0], best->predicate, pair[1], denied, Modality::kAsserted);
}

// The first token of the group name after "of" at `of`: "of Velvet Static", "of the band
// Velvet Static", "of rock band Velvet Static" (up to two words before a group noun). 0 when
// no capitalised non-person name follows.
uint32_t GroupNameAfterOf(const DocView& v, uint32_t of, uint32_t limit) {
  static const std::set<std::string> kGroupNouns = {"band", "group", "duo", "trio", "quartet", "quintet",
                                                    "outfit", "ensemble", "orchestra", "collective", "act"};
  if (of + 1 >= limit || v.lower[of] != "of") return 0;
  uint32_t g = of + 1;
  if (v.lower[g] == "the") ++g;
  for (uint32_t k = g; k < limit && k <= g + 2 && !v.IsCap(k); ++k)
    if (kGroupNouns.count(v.lower[k])) {
      g = k + 1;
      break;
    }
  return g < limit && v.IsCap(g) && v.PersonAt(g) < 0 ? g : 0;
}

// "Velvet Static frontman X", "X, the frontman of Velvet Static", "drummer X" (group from context).
void MemberOf(Ctx& c, uint32_t i) {
  DocView& v = c.v;
  const RoleNoun* role = v.lex.Role(v.lower[i]);
  if (!role || role->predicate != Predicate::kMemberOf || v.IsCap(i)) return;
  uint32_t sb = c.SentBegin(i), se = c.SentEnd(i);
  // The group: a capitalised non-person run right before the noun, or after "of".
  std::string group;
  int32_t group_entity = -1;
  if (i > sb && v.IsCap(i - 1) && v.PersonAt(i - 1) < 0) {
    uint32_t b = i - 1;
    while (b > sb && v.IsCap(b - 1) && v.PersonAt(b - 1) < 0 && v.lower[b - 1] != "the") --b;
    if (v.lower[b] == "the" && b + 1 < i) ++b;
    group = v.TextRange(b, i);
    group_entity = v.EntityAt(i - 1);
  } else if (uint32_t g = GroupNameAfterOf(v, i + 1, se)) {
    uint32_t e = g;
    while (e < se && v.IsCap(e) && v.PersonAt(e) < 0) ++e;
    group = v.TextRange(g, e);
    group_entity = v.EntityAt(g);
  }
  if (group.empty() || group == "The") return;
  int32_t holder = -1;
  if (i + 1 < se && v.mention_at[i + 1] >= 0) holder = v.PersonAt(i + 1);
  if (holder < 0 && i + 2 < se && v.lower[i + 1] == "," && v.mention_at[i + 2] >= 0) holder = v.PersonAt(i + 2);
  if (holder < 0) {
    // Appositive or descriptor: "X, the frontman of G", "The G frontman, 37," (resolved descriptor).
    int32_t m = v.mention_at[i];
    if (m >= 0 && v.a.mentions[m].type == EntityType::kPerson) holder = v.a.mentions[m].entity_idx;
  }
  if (holder < 0) {
    uint32_t j = i;
    while (j > sb && v.lower[j - 1] != ",") --j;
    if (j > sb + 1 && v.mention_at[j - 2] >= 0) holder = v.PersonAt(j - 2);
  }
  if (holder < 0) return;
  uint32_t s = v.sent_of[i];
  auto key = std::make_tuple(holder, Predicate::kMemberOf, group_entity, group, s, 0);
  if (!c.seen.insert(key).second) return;
  Claim* cl = AddClaim(v, c.st, i, holder, Predicate::kMemberOf, group_entity);
  if (group_entity < 0) cl->object_text = group;
}

// Membership stated with a participle or verb and a group: "X remains deeply involved in G",
// "X is affiliated with G", "X joined G", and the relative form "G, in which X remains
// involved". The group is an ORG or MISC mention, or a place-typed one with an organisation
// head word ("the Church of X", which the tagger may call a place).
void MemberVerbs(Ctx& c, uint32_t i) {
  DocView& v = c.v;
  struct Word {
    const char* word;
    const char* prep;  // the preposition introducing the group ("" for a direct object)
  };
  static constexpr Word kWords[] = {{"involved", "in"}, {"affiliated", "with"}, {"active", "in"},
                                    {"joined", ""},     {"belongs", "to"},      {"belonged", "to"}};
  const Word* word = nullptr;
  for (const Word& w : kWords)
    if (v.lower[i] == w.word) word = &w;
  if (!word) return;
  uint32_t sb = c.SentBegin(i), se = c.SentEnd(i);
  // An organisation-like group: ORG or MISC, or a place-typed name with an organisation
  // head word ("Church of X", "X Football Club": the tagger often calls them places).
  static constexpr std::string_view kOrgHeads[] = {"church", "club",    "foundation", "party",   "society",
                                                   "association", "trust", "institute", "union", "guild",
                                                   "council", "committee", "league", "academy", "order"};
  auto group_at = [&](uint32_t k) -> int32_t {
    if (k >= se || v.mention_at[k] < 0) return -1;
    EntityType t = v.TypeAt(k);
    if (t == EntityType::kOrg || t == EntityType::kMisc) return v.EntityAt(k);
    if (t != EntityType::kLoc) return -1;
    for (uint32_t j = v.MentionBegin(k); j < v.MentionEnd(k); ++j)
      for (std::string_view head : kOrgHeads)
        if (v.lower[j] == head) return v.EntityAt(k);
    return -1;
  };
  int32_t holder = -1, group = -1;
  uint32_t g = i + 1;
  if (*word->prep && g < se && v.lower[g] == word->prep) ++g;
  if (g < se && v.lower[g] == "the") ++g;
  if (*word->prep == 0 || g > i + 1) group = group_at(g);
  if (group >= 0) {
    holder = c.SubjectBefore(i, -1);
  } else if (*word->prep) {
    // "G, in which X remains involved": the person between "which" and the word.
    for (uint32_t k = i; k-- > sb && i - k <= 8;) {
      if (v.lower[k] != "which" || k < sb + 3 || v.lower[k - 1] != word->prep || v.lower[k - 2] != ",") continue;
      group = group_at(k - 3);
      for (uint32_t j = k + 1; j < i && group >= 0; ++j)
        if (v.mention_at[j] >= 0 && v.PersonAt(j) >= 0) {
          holder = v.PersonAt(j);
          break;
        }
      break;
    }
  }
  if (holder < 0 || group < 0) return;
  auto key = std::make_tuple(holder, Predicate::kMemberOf, group, std::string(), v.sent_of[i], 0);
  if (!c.seen.insert(key).second) return;
  AddClaim(v, c.st, i, holder, Predicate::kMemberOf, group);
}

}  // namespace

Claim* AddClaim(DocView& v, const PassState& st, uint32_t tok, int32_t subject, Predicate predicate,
                int32_t object) {
  Claim c;
  c.subject_entity = subject;
  c.predicate = predicate;
  c.object_entity = object;
  c.source = SourceAt(v, st, tok);
  c.modality = ModalityAt(v, st, tok);
  uint32_t s = v.sent_of[tok];
  if (s != UINT32_MAX) {
    c.evidence_byte_begin = v.a.layout.sentences[s].byte_begin;
    c.evidence_byte_end = v.a.layout.sentences[s].byte_end;
  } else {
    c.evidence_byte_begin = v.toks[tok].byte_begin;
    c.evidence_byte_end = v.toks[tok].byte_end;
  }
  v.a.claims.push_back(std::move(c));
  return &v.a.claims.back();
}

std::optional<DateSpan> TimeNear(const DocView& v, uint32_t tok) {
  uint32_t s = v.sent_of[tok];
  if (s == UINT32_MAX) return std::nullopt;
  const Sentence& sn = v.a.layout.sentences[s];
  // After the trigger, within its clause ("since her divorce in 2021", "ever since").
  for (uint32_t k = tok; k < sn.token_end; ++k) {
    if (v.lower[k] == ";" || (v.lower[k] == "," && k > tok + 1 && v.lower[k + 1 < sn.token_end ? k + 1 : k] == "when"))
      break;
    if (auto d = AnaphoricSince(v, k)) return d;
    DateSpan d;
    if (MatchDate(v, k, sn.token_end, &d)) return SinceGoverns(v, k, tok) ? OpenSince(v, d) : d;
  }
  // Before it ("his 2001 divorce", "In 2013, they married", "Since her divorce in 2021, she").
  for (uint32_t k = tok; k-- > sn.token_begin && tok - k <= 6;) {
    if (v.lower[k] == ";") break;
    DateSpan d;
    if (MatchDate(v, k, sn.token_end, &d)) return SinceGoverns(v, k, sn.token_begin) ? OpenSince(v, d) : d;
  }
  // "Since then, he has not ...": an anaphoric "since" opening the clause.
  for (uint32_t k = tok; k-- > sn.token_begin;) {
    if (v.lower[k] == ";") break;
    if (auto d = AnaphoricSince(v, k)) return d;
  }
  return std::nullopt;
}

// The learned scorer over the family claims of the rules (from `first` on) and the kin
// candidates no rule read (relation_scorer.h): drops and adds.
static void ApplyRelationScorer(Ctx& c, size_t first, const RelationScorer& scorer) {
  DocView& v = c.v;
  const std::vector<FamilyCandidate> cands = FamilyCandidates(v, first);
  std::vector<bool> drop(v.a.claims.size(), false);
  std::vector<const FamilyCandidate*> add;
  for (const FamilyCandidate& cand : cands) {
    const float s = scorer.Score(cand.features);
    if (cand.claim >= 0 && s <= scorer.drop_threshold) drop[cand.claim] = true;
    if (cand.claim < 0 && s > scorer.add_threshold) add.push_back(&cand);
  }
  size_t out = first;
  for (size_t i = first; i < v.a.claims.size(); ++i)
    if (!drop[i]) v.a.claims[out++] = std::move(v.a.claims[i]);
  v.a.claims.resize(out);
  for (const FamilyCandidate* cand : add)
    c.Emit(cand->trigger_tok, cand->subject, cand->predicate, cand->object, /*negated=*/false, Modality::kAsserted);
}

void FindRelations(DocView& v, PassState* st, const RelationScorer* scorer) {
  const size_t first_claim = v.a.claims.size();
  Ctx c{v, *st, DefaultPatterns(), {}, {}};
  // The tree patterns' matches, emitted at their trigger in text order with the token rules.
  std::vector<PatternMatch> matches = MatchPatterns(v, c.patterns);
  std::stable_sort(matches.begin(), matches.end(),
                   [](const PatternMatch& a, const PatternMatch& b) { return a.trigger_tok < b.trigger_tok; });
  size_t next = 0;
  for (uint32_t i = 0; i < v.size(); ++i) {
    if (v.sent_of[i] == UINT32_MAX || !v.IsWord(i)) continue;
    c.RoleNouns(i);
    MemberOf(c, i);
    MemberVerbs(c, i);
    c.EventNouns(i);
    for (; next < matches.size() && matches[next].trigger_tok <= i; ++next) c.EmitPattern(matches[next]);
    c.PairPhrases(i);
    c.StateWords(i);
  }
  if (scorer) ApplyRelationScorer(c, first_claim, *scorer);
}

namespace {

// Ages of people ("62-year-old X", "X, 19,", "in her 30s", "she is 37") as age claims with
// a value; one per person and sentence.
class AgeReader {
 public:
  AgeReader(DocView& v, PassState* st) : v_(v), w_(v.lower), st_(st) {}

  void Run() {
    for (uint32_t i = 0; i < v_.size(); ++i) {
      if (v_.sent_of[i] == UINT32_MAX) continue;
      if (HyphenAge(i) || CommaAge(i) || DecadeAge(i)) continue;
      CopulaAge(i);
    }
  }

 private:
  void Emit(uint32_t tok, int32_t e, const std::string& value, bool inferred) {
    if (e < 0) return;
    uint32_t s = v_.sent_of[tok];
    if (!done_.insert({e, s}).second) return;
    Claim* c = AddClaim(v_, *st_, tok, e, Predicate::kAge, -1);
    c->value = value;
    c->subject_inferred = inferred;
    // Ages are facts of the moment of writing: the source matters, hedges of the sentence do not.
    c->modality = c->source.kind == SourceKind::kAuthor ? Modality::kAsserted : Modality::kReported;
    if (v_.published) c->time_from = c->time_to = FormatIso(*v_.published);
  }

  // The person a mention at tok names, and whether it is a descriptor (inferred).
  int32_t PersonMention(uint32_t tok, bool* inferred) const {
    int32_t m = v_.mention_at[tok];
    *inferred = true;
    if (m < 0 || v_.a.mentions[m].type != EntityType::kPerson) return -1;
    *inferred = v_.a.mentions[m].descriptor;
    return v_.a.mentions[m].entity_idx;
  }

  // "62-year-old" (one token), "62-year old", "62-years-old": the mention it is part of, a
  // name within the descriptor after it, else the descriptor's referent.
  bool HyphenAge(uint32_t i) {
    const std::string& t = w_[i];
    const uint32_t n = v_.size(), se = v_.SentenceOf(i).token_end;
    size_t dash = t.find("-year");
    if (dash == std::string::npos || dash == 0 || dash > 3) return false;
    for (size_t c = 0; c < dash; ++c)
      if (t[c] < '0' || t[c] > '9') return false;
    if (!(t.ends_with("-old") || (i + 1 < n && w_[i + 1] == "old"))) return false;
    int age = std::atoi(t.substr(0, dash).c_str());
    bool inferred = true;
    int32_t e = PersonMention(i, &inferred);
    if (e < 0) {
      // "62-year-old Tom Cruise", "the 62-year-old Top Gun actor Tom Cruise": a name within
      // the descriptor, after capitalised words and person nouns only. "the 27-year-old
      // player blocked Kim" (a verb) and "a 16-year-old friend of X" (another person's
      // noun) end the descriptor before the name.
      for (uint32_t k = i + 1; k < se && k < i + 6; ++k) {
        if (v_.IsClauseBreak(k) || w_[k] == ",") break;
        // A relative clause ends the descriptor, capitalised or not: "His 22-Year-Old
        // Assistant Who Looks Like X" is not about X.
        if (w_[k] == "who" || w_[k] == "whom" || w_[k] == "that" || w_[k] == "which") break;
        if (v_.mention_at[k] < 0 && !v_.IsCap(k) && !IsPersonNoun(v_, w_[k])) break;
        if (v_.mention_at[k] >= 0 && v_.PersonAt(k) >= 0) {
          e = v_.PersonAt(k);
          inferred = v_.a.mentions[v_.mention_at[k]].descriptor;
          break;
        }
      }
    }
    // A descriptor without a name ("the 62-year-old actor") is resolve's (its descriptor
    // mention, PersonMention above); one resolve left open names nobody.
    if (e >= 0) Emit(i, e, std::to_string(age), inferred);
    return true;
  }

  // "Name, 19," / "The Ballerina actress, 37,".
  bool CommaAge(uint32_t i) {
    const uint32_t n = v_.size();
    int num = 0;
    if (!(w_[i] == "," && i + 2 < n && IsNumberTok(v_, i + 1, &num) && num > 0 && num < 120 &&
          (w_[i + 2] == "," || w_[i + 2] == "." || w_[i + 2] == ";" || w_[i + 2] == ")" || w_[i + 2] == "and" ||
           w_[i + 2] == "who" || w_[i + 2] == "\xE2\x80\x94") &&
          i > 0))
      return false;
    bool inferred = true;
    // A name or a descriptor resolve linked ("The Ballerina actress, 37,").
    int32_t e = PersonMention(i - 1, &inferred);
    if (e >= 0) Emit(i + 1, e, std::to_string(num), inferred);
    return true;
  }

  // "in her 30s", "in his early 40s": an age range.
  bool DecadeAge(uint32_t i) {
    const uint32_t n = v_.size();
    if (!(w_[i] == "in" && i + 2 < n && (w_[i + 1] == "his" || w_[i + 1] == "her"))) return false;
    uint32_t k = i + 2;
    int lo_off = 0, hi_off = 9;
    if (w_[k] == "early") lo_off = 0, hi_off = 3, ++k;
    else if (w_[k] == "mid" || w_[k] == "mid-") lo_off = 3, hi_off = 6, ++k;
    else if (w_[k] == "late") lo_off = 6, hi_off = 9, ++k;
    if (k < n && w_[k].size() == 3 && w_[k][2] == 's' && w_[k][0] >= '1' && w_[k][0] <= '9' && w_[k][1] == '0') {
      int decade = (w_[k][0] - '0') * 10;
      int32_t e = v_.ResolvePronoun(i + 1);
      if (e >= 0) Emit(k, e, std::to_string(decade + lo_off) + "-" + std::to_string(decade + hi_off), /*inferred=*/true);
    }
    return true;
  }

  // "despite being 18", "she is 37", "turned 40": the nearest person before in the same
  // quote or narration. Not "was 15": mostly an age at some past event ("William was 15
  // when ...").
  void CopulaAge(uint32_t i) {
    const uint32_t n = v_.size();
    const std::string& t = w_[i];
    int num = 0;
    if (!((t == "being" || t == "turned" || t == "turns" || t == "is") && i + 2 < n && IsNumberTok(v_, i + 1, &num) &&
          num > 0 && num < 120 &&
          (w_[i + 2] == "," || w_[i + 2] == "." || w_[i + 2] == ";" || w_[i + 2] == "and" ||
           // "is 37 years old", not "is 15 years her senior"
           (w_[i + 2] == "years" && i + 3 < n && w_[i + 3] == "old"))))
      return;
    uint32_t sb = v_.SentenceOf(i).token_begin;
    int32_t q = v_.quote_at[i];
    for (uint32_t k = i; k-- > sb;) {
      if (v_.quote_at[k] != q) break;
      int32_t p = v_.PersonAt(k);
      if (p >= 0 && w_[k] != "her" && w_[k] != "him" && w_[k] != "his") {
        Emit(i + 1, p, std::to_string(num), v_.mention_at[k] < 0 || v_.a.mentions[v_.mention_at[k]].descriptor);
        return;
      }
    }
  }

  DocView& v_;
  const std::vector<std::string>& w_;
  PassState* st_;
  std::set<std::pair<int32_t, uint32_t>> done_;  // (entity, sentence) with an age already
};

}  // namespace

void FindAges(DocView& v, PassState* st) { AgeReader(v, st).Run(); }

}  // namespace hearsay::extract

namespace hearsay::extract {

// A relation needs its sentence parsed when a kin or partner trigger of the relation lexicons
// (a role noun, an event noun, the first word of a relation verb, a state word, for a family
// or romance predicate) stands with a person and a scope the tree must read: a negator
// ("not", "never", "no", "without", "n't") or a verb that denies or ends ("denied",
// "lied", "ditched", "replacing") within ten tokens of the trigger, an "and" right before it ("X and
// wife Y"), or a question mark. Collaboration, friendship and group words, and other
// sentences, are left to the token patterns: parsing costs speed (docs/extract.md, "Speed").
namespace {
bool FamilyOrRomance(Predicate p) {
  return IsPartnerState(p) || IsTimeless(p) || p == Predicate::kDivorcedFrom || p == Predicate::kSplitFrom ||
         p == Predicate::kAdoptedChildOf || p == Predicate::kRomanticInterest || p == Predicate::kEstrangedFrom;
}
}  // namespace

namespace {
// The sentence's words, lower-cased (ASCII), for the pattern selection.
void LowerWords(const Document& doc, const TextLayout& layout, const Sentence& s, std::vector<std::string>* out) {
  out->clear();
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    const Token& tok = layout.tokens[t];
    out->emplace_back(doc.text, tok.byte_begin, tok.byte_end - tok.byte_begin);
    for (char& c : out->back())
      if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
  }
}
}  // namespace

std::vector<bool> RelationSentencesToParse(const Document& doc, const TextLayout& layout,
                                           const std::vector<Mention>& mentions) {
  const Lexicon& lex = DefaultLexicon();
  // The trigger words, collected once from the compiled-in lexicons (immutable afterwards).
  static const std::unordered_set<std::string> kTriggers = [] {
    const Lexicon& lex = DefaultLexicon();
    std::unordered_set<std::string> words;
    for (const auto& [w, role] : lex.role_nouns)
      if (FamilyOrRomance(role.predicate)) words.insert(w);
    for (const auto& [w, ev] : lex.event_nouns)
      if (FamilyOrRomance(ev.predicate)) words.insert(w);
    for (const Phrase& ph : lex.state_words)
      if (FamilyOrRomance(ph.predicate) && !ph.words.empty()) words.insert(ph.words.front());
    return words;
  }();
  auto is_trigger = [&](const std::string& w) { return kTriggers.count(w) > 0; };
  std::vector<bool> out(layout.sentences.size(), false);
  std::string lower;
  std::vector<std::string> words;
  size_t m = 0;  // mentions are sorted by byte offset
  for (size_t si = 0; si < layout.sentences.size(); ++si) {
    const Sentence& s = layout.sentences[si];
    uint32_t people = 0, named = 0;
    while (m < mentions.size() && mentions[m].byte_begin < s.byte_begin) ++m;
    for (size_t k = m; k < mentions.size() && mentions[k].byte_begin < s.byte_end; ++k) {
      people += mentions[k].type == EntityType::kPerson;
      named += mentions[k].type == EntityType::kPerson && !mentions[k].descriptor;
    }
    LowerWords(doc, layout, s, &words);
    if (SentenceWantsPatterns(words, people)) {
      out[si] = true;
      continue;
    }
    if (named == 0) continue;
    // A negator within kNear tokens of a trigger, or a question mark anywhere.
    constexpr uint32_t kNear = 10;
    bool question = false, near = false, prev_and = false;
    uint32_t last_trigger = UINT32_MAX, last_negator = UINT32_MAX;
    for (uint32_t t = s.token_begin; t < s.token_end && !near; ++t) {
      const Token& tok = layout.tokens[t];
      lower.assign(doc.text, tok.byte_begin, tok.byte_end - tok.byte_begin);
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
      question = question || lower == "?";
      if (tok.kind != TokenKind::kWord) continue;
      if (is_trigger(lower)) {
        last_trigger = t;
        // "X and wife Y": the anchor is the first conjunct, which the tree shows.
        if (t > s.token_begin && prev_and) last_negator = t;
      }
      // Negators, and verbs that deny or end what they govern ("denied claims that",
      // "ditched her friendship with"): their scope is read on the tree.
      if (lex.IsNegator(lower) || lower.starts_with("deni") || lower.starts_with("deny") ||
          lower.starts_with("ditch") || lower.starts_with("replac") || lower == "lied")
        last_negator = t;
      prev_and = lower == "and";
      near = last_trigger != UINT32_MAX && last_negator != UINT32_MAX &&
             (last_trigger > last_negator ? last_trigger - last_negator : last_negator - last_trigger) <= kNear;
    }
    const bool trigger = last_trigger != UINT32_MAX, cue = near || question;
    out[si] = trigger && cue;
  }
  return out;
}

}  // namespace hearsay::extract
