// Who says so: the document's own outlet, cited outlets, source noun phrases, reporting frames,
// and the source and modality of any token.
#include <algorithm>
#include <cctype>
#include <climits>
#include <map>

#include "common/utf8.h"
#include "extract/internal/passes.h"
#include "extract/own_outlet.h"
#include "ingest/ingest.h"

namespace hearsay::extract {
namespace {

bool HasInnerCapital(std::string_view w) {
  // "RadarOnline", "StarWire": an upper-case letter after a lower-case one.
  for (size_t i = 1; i < w.size(); ++i)
    if (w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' && w[i - 1] <= 'z') return true;
  return false;
}

bool AllCaps(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w)
    if (!(c >= 'A' && c <= 'Z') && c != '!' && c != '&') return false;
  return true;
}

// "RadarOnline.com" -> "RadarOnline"; "www.x.com" -> "x". Keeps other text as is.
std::string StripDomain(std::string s) {
  if (s.rfind("www.", 0) == 0) s = s.substr(4);
  for (const char* suf : {".com", ".co.uk", ".net", ".org", ".tv", ".uk"}) {
    std::string_view sv(suf);
    if (s.size() > sv.size() && s.compare(s.size() - sv.size(), sv.size(), sv) == 0) return s.substr(0, s.size() - sv.size());
  }
  return s;
}

bool IsDomainWord(std::string_view w) {
  if (w.find("http") == 0 || w.find("pic.") == 0 || w.find('/') != std::string_view::npos) return false;
  for (const char* suf : {".com", ".co.uk", ".net", ".org", ".tv"})
    if (w.size() > 4 && w.ends_with(suf)) return true;
  return false;
}

bool IsAux(std::string_view w) {
  return w == "has" || w == "have" || w == "had" || w == "is" || w == "are" || w == "was" || w == "were" ||
         w == "be" || w == "been" || w == "will" || w == "would" || w == "once" || w == "also" || w == "later" ||
         w == "then" || w == "now" || w == "herself" || w == "himself" || w == "themselves" || w == "previously" ||
         w == "recently" || w == "just" || w == "reportedly" || w == "supposedly" || w == "allegedly" ||
         w == "apparently" || w == "exclusively" || w == "first" || w == "did" || w == "does" || w == "do" ||
         w == "can" || w == "could" || w == "may" || w == "might" || w == "repeatedly" || w == "publicly" ||
         w == "even" || w == "still" || w == "further" || w == "simply";
}

// An adverb closing a source phrase before its cue ("her publicist has flatly denied"): a
// lower-case "-ly" word after no determiner or preposition ("a friend of the family" keeps it).
bool IsTrailingAdverb(const DocView& v, uint32_t b, uint32_t k) {
  const std::string& w = v.lower[k];
  if (w.size() <= 4 || !w.ends_with("ly") || v.IsCap(k) || k == b) return false;
  const std::string& p = v.lower[k - 1];
  return !(p == "the" || p == "a" || p == "an" || p == "of" || p == "'s" || p == "'" || DocView::IsPossessivePronoun(p));
}

bool IsDeterminer(std::string_view w) {
  return w == "a" || w == "an" || w == "the" || w == "this" || w == "that" || w == "these" || w == "those" ||
         w == "another" || w == "one" || w == "some" || w == "several" || w == "many" || w == "two" ||
         w == "three" || w == "multiple" || w == "other" || w == "same" || w == "second" || w == "third";
}

Attribution Author(const DocView& v) {
  Attribution a;
  a.kind = SourceKind::kAuthor;
  a.text = v.a.detected_outlet ? *v.a.detected_outlet : v.doc.outlet ? *v.doc.outlet : "the article";
  return a;
}

// Cue verb at tok that is not passive ("is said to") or a noun ("reports have").
const CueVerb* ActiveCue(const DocView& v, uint32_t tok) {
  const CueVerb* c = v.lex.Cue(v.lower[tok]);
  if (!c) return nullptr;
  if (tok > 0) {
    const std::string& p = v.lower[tok - 1];
    if (p == "is" || p == "are" || p == "was" || p == "were" || p == "been" || p == "being" || p == "be" ||
        p == "to" || p == "the" || p == "a" || p == "his" || p == "her" || p == "their" || p == "its")
      return nullptr;
    // The object of another cue is a noun: "denied reports that", "dismissed claims".
    if (v.lex.Cue(p) && v.toks[tok - 1].kind == TokenKind::kWord) return nullptr;
  }
  if (tok + 1 < v.size() && v.lower[tok + 1] == "to" && (v.lower[tok] == "said" || v.lower[tok] == "reported"))
    return nullptr;  // "said to be"
  return c;
}

// Cues that open a reporting frame whatever follows them.
bool CoreCue(std::string_view w) {
  static const char* kCore[] = {"say",     "says",     "said",     "told",      "tells",   "tell",    "claim",
                                "claims",  "claimed",  "suggest",  "suggests",  "suggested", "believe",
                                "believes", "believed", "report",  "reports",   "reported", "writes", "wrote",
                                "insists", "insisted", "revealed", "reveals",   "confirmed", "confirms",
                                "added",   "adds",     "explained", "admitted", "noted",    "alleged",
                                "alleges", "thinks",   "think"};
  for (const char* c : kCore)
    if (w == c) return true;
  return false;
}

// The local person entity whose name contains `word` as a whole word, if exactly one does.
int32_t PersonByNameWord(const DocView& v, std::string_view word) {
  if (word.size() < 3) return -1;
  int32_t found = -1;
  for (size_t e = 0; e < v.a.local_entities.size(); ++e) {
    const LocalEntity& le = v.a.local_entities[e];
    if (le.type != EntityType::kPerson) continue;
    size_t pos = le.name.find(word);
    bool whole = pos != std::string::npos && (pos == 0 || le.name[pos - 1] == ' ') &&
                 (pos + word.size() == le.name.size() || le.name[pos + word.size()] == ' ');
    if (!whole) continue;
    if (found >= 0 && found != static_cast<int32_t>(e)) return -1;
    found = static_cast<int32_t>(e);
  }
  return found;
}

// Does `text` hold `word` as a whole word, ignoring ASCII case?
bool HasWord(std::string_view text, std::string_view word) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (size_t p = 0; p + word.size() <= text.size(); ++p) {
    if (p > 0 && is_alpha(text[p - 1])) continue;
    size_t q = 0;
    while (q < word.size() && lower(text[p + q]) == lower(word[q])) ++q;
    if (q == word.size() && (p + q == text.size() || !is_alpha(text[p + q]))) return true;
  }
  return false;
}

bool IsRumourNoun(std::string_view w) {
  return w == "speculation" || w == "rumors" || w == "rumours" || w == "rumor" || w == "rumour" || w == "whispers";
}

bool ClauseBreakOrComma(const DocView& v, uint32_t k) { return v.IsClauseBreak(k) || v.lower[k] == ","; }

}  // namespace

std::string OutletNameAt(const DocView& v, uint32_t tok, uint32_t* end) {
  const uint32_t n = v.size();
  *end = tok;
  if (tok >= n) return "";
  // A tagged outlet or organisation mention.
  int32_t m = v.mention_at[tok];
  if (m >= 0) {
    const Mention& men = v.a.mentions[m];
    if (men.type == EntityType::kOutlet || men.type == EntityType::kOrg) {
      *end = v.MentionEnd(tok);
      return StripDomain(v.TextRange(v.MentionBegin(tok), *end));
    }
    if (men.type == EntityType::kPerson) return "";
  }
  std::string_view w = v.Text(tok);
  if (v.toks[tok].kind == TokenKind::kUrl || IsDomainWord(w)) {
    if (!IsDomainWord(w)) return "";
    *end = tok + 1;
    return StripDomain(std::string(w));
  }
  // "in Touch Weekly" after a cue: a lower-case "in" that starts an outlet name.
  uint32_t b = tok;
  bool lower_in = v.lower[tok] == "in" && !v.IsCap(tok) && tok + 1 < n && v.IsCap(tok + 1) &&
                  !MonthFromName(v.lower[tok + 1]) && WeekdayFromName(v.lower[tok + 1]) < 0;  // not "in May"
  if (lower_in) ++b;
  // "a September StarWire report": a month before a capitalised name dates it.
  if (!lower_in && b + 1 < n && v.IsCap(b) && v.IsCap(b + 1) && v.lower[b + 1] != "the" && MonthFromName(v.lower[b]))
    ++b;
  if (!v.IsCap(b) || v.toks[b].kind != TokenKind::kWord) return "";
  uint32_t e = b;
  while (e < n && e - b < 5 && v.toks[e].kind == TokenKind::kWord && v.IsCap(e) &&
         v.PersonAt(e) < 0 && !(e > b && v.lower[e - 1].ends_with("'s")) &&
         (e == b || v.sent_of[e] == v.sent_of[b]))  // a name never runs past its sentence (a headline's end)
    ++e;
  if (e == b) return "";
  std::string first(v.Text(b)), last(v.Text(e - 1));
  // "In October", "The Monday": a preposition or article before a date is not an outlet.
  if (e - b >= 2 && (MonthFromName(v.lower[b + 1]) || WeekdayFromName(v.lower[b + 1]) >= 0)) return "";
  bool outlet = HasInnerCapital(first) || AllCaps(first) || v.lex.outlet_heads.count(last) ||
                (e - b == 1 && v.lex.outlet_names.count(first)) ||
                ((first == "The" || first == "In") && e - b >= 2) || lower_in;
  if (!outlet) return "";
  // Pronoun-like or sentence-initial words are never outlets on their own.
  if (e - b == 1 && (v.lower[b] == "he" || v.lower[b] == "she" || v.lower[b] == "they" || v.lower[b] == "we"))
    return "";
  *end = e;
  std::string name = v.TextRange(b, e);
  if (lower_in) name = "In " + name;
  if (name.size() > 2 && name.ends_with("'s")) name.resize(name.size() - 2);
  return StripDomain(name);
}

std::string LastOutletBefore(const PassState& st, uint32_t tok) {
  std::string best;
  for (const auto& o : st.outlets)
    if (o.tok_begin < tok) best = o.outlet;
  return best;
}

std::optional<std::string> ViaOutletAfter(const DocView& v, uint32_t tok, uint32_t limit) {
  if (tok >= limit) return std::nullopt;
  uint32_t end = 0;
  std::string name = OutletNameAt(v, tok, &end);
  if (name.empty() || end > limit) return std::nullopt;
  return name;
}

namespace {

// How an article names itself, around the outlet-shaped name at tokens [b, e):
//   a speech cue with "exclusively" ("exclusively revealed to X", "shared with X EXCLUSIVELY");
//   "X (has) reached out to"; "pick up the new issue of X", "the issue of X, on stands now"; a
//   tip line "a story for X?"; "As X readers know"; a dateline "(X) --" opening the story.
// Not "sources tell X" (copies of other outlets' stories keep those words), nor "the latest
// issue of X insists" (a citation).
bool SelfReference(const DocView& v, uint32_t b, uint32_t e) {
  const auto& w = v.lower;
  const uint32_t n = v.size();
  auto at = [&](uint32_t k) -> const std::string& {
    static const std::string kNone;
    return k < n ? w[k] : kNone;
  };
  uint32_t p = b;  // before a "to"/"with" between the cue and the name
  if (p > 0 && (w[p - 1] == "to" || w[p - 1] == "with")) --p;
  const bool cue_before = p > 0 && v.lex.Cue(w[p - 1]) != nullptr;
  if (cue_before && ((p > 1 && w[p - 2] == "exclusively") || at(e) == "exclusively")) return true;
  if ((at(e) == "reached" && at(e + 1) == "out") || (at(e) == "has" && at(e + 1) == "reached" && at(e + 2) == "out"))
    return true;
  if (b >= 2 && w[b - 1] == "of" && w[b - 2] == "issue") {  // "pick up the new issue of X", "… of X, on stands now"
    for (uint32_t k = b - 2; k > 0 && k + 7 > b - 2; --k)
      if (w[k - 1] == "pick" || w[k - 1] == "see" || w[k - 1] == "grab" || w[k - 1] == "buy") return true;
    if ((at(e) == "," && (at(e + 1) == "on" || at(e + 1) == "out")) || at(e) == "on" || at(e) == "out") return true;
  }
  if (b >= 2 && w[b - 1] == "for" && w[b - 2] == "story" && at(e) == "?") return true;
  if (b >= 1 && w[b - 1] == "as" && at(e) == "readers" && at(e + 1) == "know") return true;
  if (b >= 1 && w[b - 1] == "(" && at(e) == ")" && (at(e + 1) == "--" || at(e + 1) == "\xE2\x80\x94") &&
      v.sent_of[b] != UINT32_MAX && v.a.layout.sentences[v.sent_of[b]].paragraph_idx <= 3 &&
      b < v.a.layout.sentences[v.sent_of[b]].token_begin + 8)  // a dateline opens the story
    return true;
  return false;
}

// The outlet data/outlets/hosts.tsv names for a web address written in the text
// ("HollywoodLife.com" -> "HollywoodLife"); empty when the word is no address of a known host.
std::string KnownOutletOfAddress(std::string_view word) {
  if (!IsDomainWord(word)) return "";
  std::string host(word);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string name = ingest::OutletForHost(host);
  return name == host || name == host.substr(host.rfind("www.", 0) == 0 ? 4 : 0) ? "" : name;
}

// Does the token at b open its paragraph?
bool OpensParagraph(const DocView& v, uint32_t b) {
  if (b == 0) return true;
  uint32_t s = v.sent_of[b], p = v.sent_of[b - 1];
  return s != UINT32_MAX && v.a.layout.sentences[s].token_begin == b &&
         (p == UINT32_MAX || v.a.layout.sentences[p].paragraph_idx != v.a.layout.sentences[s].paragraph_idx);
}

// Do the words around the outlet-shaped name at tokens [b, e) match a context of
// data/attribution/self_reference.tsv ("_ has learned", "exclusively told _", "tells _ <domain>":
// the name written as its web address, "^ _ <domain>": such an address opening a paragraph)?
bool MinedSelfReference(const DocView& v, uint32_t b, uint32_t e) {
  // The contexts were mined around names of publications: only a web address of a known outlet
  // (data/outlets/hosts.tsv), a name the tagger reads as an outlet, or one ending in an outlet
  // head word ("… Weekly", outlet_words.tsv).
  const bool domain = e == b + 1 && !KnownOutletOfAddress(v.Text(b)).empty();
  const bool tagged = v.mention_at[b] >= 0 && v.a.mentions[v.mention_at[b]].type == EntityType::kOutlet;
  if (!domain && !tagged && !(e > b + 1 && v.lex.outlet_heads.count(v.Text(e - 1)))) return false;
  for (const SelfReferenceContext& c : v.lex.self_references) {
    const bool wants_domain = c.right.size() == 1 && c.right[0] == "<domain>";
    if (wants_domain != domain) continue;
    if (c.left.size() == 1 && c.left[0] == "^") {
      if (OpensParagraph(v, b)) return true;
      continue;
    }
    if (c.left.size() > b) continue;
    bool match = true;
    for (size_t i = 0; i < c.left.size() && match; ++i) match = v.lower[b - c.left.size() + i] == c.left[i];
    for (size_t i = 0; i < c.right.size() && match && !wants_domain; ++i) match = e + i < v.size() && v.lower[e + i] == c.right[i];
    if (match) return true;
  }
  return false;
}

}  // namespace

namespace {

// A citation of `outlet` by tokens [b, e) (tok: the cue); one per outlet and sentence, none of
// the article's own outlet `own`.
void AddCitation(DocView& v, PassState* st, const std::string& own, const std::string& outlet, uint32_t b, uint32_t e,
                 uint32_t tok) {
  if (outlet.empty()) return;
  st->outlets.push_back({b, e, outlet});
  if (!own.empty() && outlet == own) return;
  uint32_t s = v.sent_of[tok];
  uint32_t eb = s == UINT32_MAX ? v.toks[b].byte_begin : v.a.layout.sentences[s].byte_begin;
  uint32_t ee = s == UINT32_MAX ? v.toks[e - 1].byte_end : v.a.layout.sentences[s].byte_end;
  for (const CitedOutlet& c : v.a.citations)
    if (c.outlet == outlet && c.byte_begin == eb) return;  // one citation per outlet and sentence
  v.a.citations.push_back(CitedOutlet{outlet, ProvenanceKind::kCites, eb, ee});
}

}  // namespace

SelfReferenceKind SelfReferenceAt(const DocView& v, uint32_t i, uint32_t end) {
  const uint32_t n = v.size();
  const auto& w = v.lower;
  if (v.quote_at[i] >= 0) return SelfReferenceKind::kNone;  // someone quoted speaks, not the article
  if (end + 1 < n) {
    const std::string& a1 = w[end];
    const std::string& a2 = w[end + 1];
    if ((a1 == "can" && (a2 == "reveal" || a2 == "confirm" || a2 == "exclusively" || a2 == "now")) ||
        (a1 == "has" && (a2 == "learned" || a2 == "learnt" || a2 == "exclusively")) || (a1 == "understands") ||
        (a1 == "exclusively" && (a2 == "reveals" || a2 == "learned")) ||
        (a1 == "has" && (a2 == "confirmed" || a2 == "obtained")))  // "X has confirmed"
      return SelfReferenceKind::kFrame;
    if (i > 0 && (w[i - 1] == "told" || w[i - 1] == "tells") && a1 == "exclusively") return SelfReferenceKind::kFrame;
  }
  // "a source exclusively tells X". ("our X" is no such frame: "our YouTube channel", "our TV
  // screens", and inside quotations anyone's.)
  if (i > 1 && (w[i - 1] == "told" || w[i - 1] == "tells") && w[i - 2] == "exclusively") return SelfReferenceKind::kFrame;
  if (SelfReference(v, i, end)) return SelfReferenceKind::kPhrase;
  if (MinedSelfReference(v, i, end)) return SelfReferenceKind::kMined;
  return SelfReferenceKind::kNone;
}

std::string OwnOutletByRules(const DocView& v) {
  const uint32_t n = v.size();
  for (uint32_t i = 0; i + 2 < n; ++i) {
    uint32_t end = 0;
    std::string name = OutletNameAt(v, i, &end);
    if (name.empty()) continue;
    const SelfReferenceKind kind = SelfReferenceAt(v, i, end);
    if (kind == SelfReferenceKind::kMined) {
      if (std::string known = KnownOutletOfAddress(v.Text(i)); end == i + 1 && !known.empty()) return known;
    }
    if (kind != SelfReferenceKind::kNone) return name;
    i = std::max(i, end ? end - 1 : i);
  }
  return "";
}

namespace {

// Citations: "according to X", "told X", "reported by X", "X now writes", "X reported".
void FindCitations(DocView& v, PassState* st, const std::string& own) {
  const uint32_t n = v.size();
  const auto& w = v.lower;
  auto add_cite = [&](const std::string& outlet, uint32_t b, uint32_t e, uint32_t tok) {
    AddCitation(v, st, own, outlet, b, e, tok);
  };
  for (uint32_t i = 0; i < n; ++i) {
    // "according to X"; also the missing space of "according toX".
    if (w[i] == "according" && i + 1 < n) {
      if (w[i + 1] == "to" && i + 2 < n) {
        uint32_t end = 0;
        std::string name = OutletNameAt(v, i + 2, &end);
        if (!name.empty()) add_cite(name, i + 2, end, i);
      } else if (w[i + 1].size() > 3 && w[i + 1].rfind("to", 0) == 0) {
        std::string_view rest = v.Text(i + 1).substr(2);
        if (!rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z' && (HasInnerCapital(rest) || IsDomainWord(rest)))
          add_cite(StripDomain(std::string(rest)), i + 1, i + 2, i);
      }
      continue;
    }
    // "told X", "tells X" (X an outlet), "reported by X", "repeated by X".
    if ((w[i] == "told" || w[i] == "tells" || w[i] == "telling" || w[i] == "tell") && i + 1 < n) {
      uint32_t end = 0;
      std::string name = OutletNameAt(v, i + 1, &end);
      if (!name.empty()) add_cite(name, i + 1, end, i);
      continue;
    }
    if (w[i] == "by" && i > 0 && i + 1 < n) {
      bool after_report = false;
      for (uint32_t k = i; k-- > 0 && i - k <= 4;)
        if (w[k] == "reported" || w[k] == "repeated" || w[k] == "published" || w[k] == "broken" ||
            w[k] == "revealed" || w[k] == "first")
          after_report = true;
      if (after_report) {
        uint32_t end = 0;
        std::string name = OutletNameAt(v, i + 1, &end);
        if (!name.empty()) add_cite(name, i + 1, end, i);
      }
      continue;
    }
    // "X now writes", "X reported", "X report", "X's report".
    bool run_start = i == 0 || !v.IsCap(i - 1) || v.lower[i - 1] == "a" || v.sent_of[i - 1] != v.sent_of[i];
    if (v.IsCap(i) && run_start) {
      uint32_t end = 0;
      std::string name = OutletNameAt(v, i, &end);
      if (name.empty() || end >= n) continue;
      uint32_t k = end;
      if (w[k] == "'s" || w[k] == "'") ++k;
      while (k < n && (w[k] == "now" || w[k] == "first" || w[k] == "also" || w[k] == "later" || w[k] == "has" ||
                       w[k] == "had" || w[k] == "previously" || w[k] == "exclusively" || w[k] == "recently"))
        ++k;
      if (k < n && (w[k] == "writes" || w[k] == "wrote" || w[k] == "reports" || w[k] == "reported" ||
                    w[k] == "report" || w[k] == "story" || w[k] == "article" || w[k] == "claims" ||
                    w[k] == "claimed" || w[k] == "revealed" || w[k] == "reveals" || w[k] == "says" ||
                    w[k] == "said" || w[k] == "interview" || w[k] == "exclusive" || w[k] == "published" ||
                    w[k] == "notes" || w[k] == "added" || w[k] == "adds" || w[k] == "insists"))
        add_cite(name, i, end, i);
      i = end - 1;
    }
  }
}

}  // namespace

void FindOutlets(DocView& v, PassState* st) {
  // The document's own outlet: the hand rules, else the learned model (own_outlet.h).
  std::string own = OwnOutletByRules(v);
  if (own.empty() && st->own_outlet) own = PredictOwnOutlet(v, *st->own_outlet).value_or("");
  if (!own.empty()) v.a.detected_outlet = own;
  // Without an outlet frame in the text, the outlet of the document's metadata is its own: a
  // source who "told The Marquee Report" in its own article is no citation.
  if (own.empty() && v.doc.outlet) own = StripDomain(*v.doc.outlet);
  FindCitations(v, st, own);
}

namespace {
constexpr size_t kAnonymousLookback = 256;
Attribution ResolveTrimmed(DocView& v, PassState* st, uint32_t b, uint32_t e, uint32_t cue_tok);
}  // namespace

int32_t PersonNamedLike(const DocView& v, std::string_view word) {
  if (word.size() < 3) return -1;
  int32_t found = -1;
  for (size_t e = 0; e < v.a.local_entities.size(); ++e) {
    const LocalEntity& le = v.a.local_entities[e];
    if (le.type != EntityType::kPerson || !HasWord(le.name, word)) continue;
    if (found >= 0) return -1;
    found = static_cast<int32_t>(e);
  }
  return found;
}

Attribution ResolveSource(DocView& v, PassState* st, uint32_t b, uint32_t e, uint32_t cue_tok) {
  const auto& w = v.lower;
  // Trim punctuation, conjunctions and auxiliaries.
  while (b < e && (v.toks[b].kind == TokenKind::kPunct || v.toks[b].kind == TokenKind::kQuote || w[b] == "and" ||
                   w[b] == "but" || w[b] == "as" || w[b] == "while" || w[b] == "so"))
    ++b;
  while (e > b && (v.toks[e - 1].kind == TokenKind::kPunct || v.toks[e - 1].kind == TokenKind::kQuote ||
                   IsAux(w[e - 1]) || IsTrailingAdverb(v, b, e - 1)))
    --e;
  // A date opening the phrase is no part of the source ("Last month a source told X").
  DateSpan date;
  if (uint32_t after = b < e ? MatchDate(v, b, e, &date) : 0; after > b && after < e) b = after;
  // A long subject is a name with its apposition ("X, director of …, and a professor at …"):
  // its words up to the first comma.
  if (e - b > 14)
    for (uint32_t k = b + 1; k < e; ++k)
      if (v.IsPunct(k, ",")) { e = k; break; }
  if (b >= e || e - b > 14) return Attribution{};
  auto key = std::make_pair(b, e);
  auto it = st->resolved.find(key);
  if (it != st->resolved.end()) return it->second;
  Attribution a = ResolveTrimmed(v, st, b, e, cue_tok);
  a.byte_begin = v.toks[b].byte_begin;  // the trimmed phrase is the source's words
  a.byte_end = v.toks[e - 1].byte_end;
  st->resolved[key] = a;
  return a;
}

namespace {

// What reading one token of a source phrase decided: nothing (read the next rule), skip to the
// next token, or the source is found.
enum class Read { kOn, kSkip, kDone };

// Token k of the phrase [b, e) as a mention: a possessor is skipped ("X's publicist", "Quenby's
// team": the head noun is the source; *k moves past it), an outlet or organisation speaks as an
// outlet, a named person (or a resolved descriptor such as "the actress") is named.
Read MentionRead(const DocView& v, uint32_t e, uint32_t* k, Attribution* a) {
  const auto& w = v.lower;
  int32_t m = v.mention_at[*k];
  if (m < 0) return Read::kOn;
  uint32_t after = v.MentionEnd(*k);
  const Mention& men = v.a.mentions[m];
  if (after + 1 < e && (w[after] == "'s" || w[after] == "'") && men.type == EntityType::kPerson) {
    *k = after;
    return Read::kSkip;
  }
  if (men.type == EntityType::kOutlet || men.type == EntityType::kOrg) {
    uint32_t end = 0;
    std::string name = OutletNameAt(v, *k, &end);
    a->kind = SourceKind::kOutlet;
    a->text = name.empty() ? v.TextRange(v.MentionBegin(*k), v.MentionEnd(*k)) : name;
    a->via_outlet = a->text;
    return Read::kDone;
  }
  if (men.type == EntityType::kPerson && men.entity_idx >= 0 &&
      (!men.descriptor || DocView::PronounGender(w[*k]) == Gender::kUnknown)) {
    a->kind = SourceKind::kNamed;
    a->entity_idx = men.entity_idx;
    return Read::kDone;
  }
  return Read::kOn;
}

// The anonymous source whose head noun `t` (a source noun of class `cls`) stands at k of the
// phrase starting at b. Definite and "one"/"same" references continue the latest anonymous
// source before this one in the text; indefinite ones ("a source", "another insider") start a
// new one. The latest one named with the same head noun ("the friend" after "a friend of the
// couple", past a publicist quoted in between); for the generic "the source" / "one", the
// latest that is no on-record role; else the latest.
void AnonymousIdentity(const DocView& v, PassState* st, uint32_t b, uint32_t k, SourceNounKind cls, bool continues,
                       bool another, Attribution* a) {
  const std::string& t = v.lower[k];
  a->kind = SourceKind::kAnonymous;
  bool generic = t == "one" || t == "source" || t == "sources";
  bool role = cls == SourceNounKind::kRole;
  // Only the kAnonymousLookback sources met last are candidates: a real article names a
  // handful, and scanning all of them made a document of thousands quadratic (issue 18).
  int32_t prev = -1, preferred = -1;
  size_t first_candidate = st->anonymous.size() > kAnonymousLookback ? st->anonymous.size() - kAnonymousLookback : 0;
  for (size_t id = first_candidate; id < st->anonymous.size(); ++id) {
    if (st->anonymous_tok[id] >= b) continue;
    auto later = [&](int32_t cur) { return cur < 0 || st->anonymous_tok[id] > st->anonymous_tok[cur]; };
    if (later(prev)) prev = static_cast<int32_t>(id);
    bool fits = generic ? !st->anonymous_role[id] : HasWord(st->anonymous[id].text, v.Text(k));
    if (fits && later(preferred)) preferred = static_cast<int32_t>(id);
  }
  if (preferred >= 0) prev = preferred;
  if ((continues || t == "one") && !another && prev >= 0) {
    a->anonymous_id = prev;
    a->via_outlet = st->anonymous[prev].via_outlet;
  } else {
    a->anonymous_id = static_cast<int32_t>(st->anonymous.size());
    st->anonymous.push_back(*a);
    st->anonymous_tok.push_back(b);
    st->anonymous_role.push_back(role);
  }
}

// Token k of the phrase [b, e) as a source noun (source_nouns.tsv): written words are skipped,
// a source noun in capitals is an outlet's name ("PEOPLE confirms"), "the tabloid" the latest
// outlet named, a role before a person's name gives way to the name; else an anonymous source.
Read SourceNounRead(const DocView& v, PassState* st, uint32_t b, uint32_t e, uint32_t k, bool continues,
                    bool another, Attribution* a) {
  const std::string& t = v.lower[k];
  auto sn = v.lex.source_nouns.find(t);
  // "the statement (released by her publicist)": written words are no source ("the Post" may be).
  if (sn != v.lex.source_nouns.end() && sn->second == SourceNounKind::kWriting && !v.IsCap(k)) return Read::kSkip;
  // "another", "a third" name a source only as the head ("Another posted:"), not before one
  // ("Another star, X, said").
  if ((t == "another" || t == "third") && k + 1 != e) return Read::kSkip;
  if (sn == v.lex.source_nouns.end()) return Read::kOn;
  if (t.size() > 2 && AllCaps(std::string(v.Text(k)))) {
    uint32_t end = 0;
    std::string name = OutletNameAt(v, k, &end);
    if (!name.empty()) {
      a->kind = SourceKind::kOutlet;
      a->text = name;
      a->via_outlet = name;
      return Read::kDone;
    }
  }
  if (sn->second == SourceNounKind::kWriting || v.toks[k].kind != TokenKind::kWord || v.mention_at[k] >= 0)
    return Read::kOn;
  if (sn->second == SourceNounKind::kOutletRef) {
    std::string o = LastOutletBefore(*st, b);
    if (o.empty()) return Read::kSkip;
    a->kind = SourceKind::kOutlet;
    a->via_outlet = o;
    return Read::kDone;
  }
  if (t == "one" && k + 1 < e && !v.IsPunct(k + 1, ",")) return Read::kSkip;  // "one family friend": head follows
  // A role before the person's name ("Representative X", "publicist Jane X"): the person.
  if (k + 1 < e && v.mention_at[k + 1] >= 0 && v.a.mentions[v.mention_at[k + 1]].type == EntityType::kPerson &&
      v.a.mentions[v.mention_at[k + 1]].entity_idx >= 0)
    return Read::kSkip;
  AnonymousIdentity(v, st, b, k, sn->second, continues, another, a);
  return Read::kDone;
}

// Token k of the phrase [k, e) as a capitalised name the tagger did not mark: an outlet by its
// shape (or any name before a writing cue), else a named person without an entity (kept as
// text), matched to a local person by a name word when one has it; a word the document also
// writes in lower case is no name.
Read CapitalisedRead(const DocView& v, uint32_t e, uint32_t k, uint32_t cue_tok, Attribution* a) {
  const auto& w = v.lower;
  const std::string& t = w[k];
  if (!(v.IsCap(k) && v.toks[k].kind != TokenKind::kPunct && !IsDeterminer(t) && t != "according")) return Read::kOn;
  uint32_t end = 0;
  std::string name = OutletNameAt(v, k, &end);
  bool writing = cue_tok != UINT32_MAX && v.lex.Cue(w[cue_tok]) && v.lex.Cue(w[cue_tok])->cls == CueClass::kWriting;
  if (!name.empty() || writing) {
    a->kind = SourceKind::kOutlet;
    a->text = name.empty() ? v.TextRange(k, e) : name;
    a->via_outlet = a->text;
    return Read::kDone;
  }
  for (uint32_t j = k + 1; j < e && v.IsCap(j); ++j)
    if (v.mention_at[j] >= 0) return Read::kSkip;  // "De Armas" where the tagger marked only "Armas"
  // A capitalised sentence opener before lower-case words ("Prior to the most recent") is
  // no name. So is a lone opener followed by a comma ("However, …", "Meanwhile, …").
  bool opener = k == v.SentenceOf(k).token_begin &&
                ((k + 1 < e && !v.IsCap(k + 1)) || (k + 1 < v.size() && v.IsPunct(k + 1, ",")));
  if (v.toks[k].kind != TokenKind::kWord || v.mention_at[k] >= 0 || opener) return Read::kOn;
  // Nor a common word written with a capital ("When asked …", "Good cheer:", "They said"): the
  // document writes it in lower case elsewhere.
  if (v.WrittenLowerElsewhere(k)) return Read::kSkip;
  // A name the tagger missed: the local person whose name has this word ("Castellane" for
  // "Priya Castellane"), else a named source without an entity.
  a->kind = SourceKind::kNamed;
  a->entity_idx = -1;
  for (uint32_t j = k; j < e && j < k + 4 && v.IsCap(j) && a->entity_idx < 0; ++j)
    a->entity_idx = PersonByNameWord(v, v.Text(j));
  return Read::kDone;
}

Attribution ResolveTrimmed(DocView& v, PassState* st, uint32_t b, uint32_t e, uint32_t cue_tok) {
  const auto& w = v.lower;
  Attribution a;
  a.text = v.TextRange(b, e);
  bool definite = IsDeterminer(w[b]) && (w[b] == "the" || w[b] == "this" || w[b] == "that");
  bool same = false, another = false;
  for (uint32_t k = b; k < e; ++k) {
    if (w[k] == "same") same = true;
    if (w[k] == "another" || w[k] == "second" || w[k] == "third" || w[k] == "other") another = true;
  }
  const bool continues = definite || same;  // "the/this/same …" continue an earlier source
  for (uint32_t k = b; k < e; ++k) {
    Read r = MentionRead(v, e, &k, &a);
    if (r == Read::kOn) {
      const std::string& t = w[k];
      Gender g = DocView::PronounGender(t);
      if ((g == Gender::kMale || g == Gender::kFemale) && !DocView::IsPossessivePronoun(t)) {
        a.kind = SourceKind::kNamed;
        a.entity_idx = v.ResolvePronoun(k);
        if (a.entity_idx < 0) a.kind = SourceKind::kUnknown;
        return a;
      }
      if (t == "i" || t == "we") {
        a.kind = SourceKind::kUnknown;
        return a;
      }
      r = SourceNounRead(v, st, b, e, k, continues, another, &a);
    }
    if (r == Read::kOn) r = CapitalisedRead(v, e, k, cue_tok, &a);
    if (r == Read::kDone) return a;
  }
  a.kind = SourceKind::kUnknown;
  return a;
}
}  // namespace

void AttachVia(PassState* st, Attribution* a, const std::string& via) {
  if (a->via_outlet) return;
  a->via_outlet = via;
  if (a->anonymous_id < 0) return;
  if (!st->anonymous[a->anonymous_id].via_outlet) st->anonymous[a->anonymous_id].via_outlet = via;
  for (auto& [key, attr] : st->resolved)
    if (attr.anonymous_id == a->anonymous_id && !attr.via_outlet) attr.via_outlet = via;
}

namespace {

// The first token of the clause ending at `tok`: after the last clause break or quotation
// before it in [sb, tok).
uint32_t ClauseStartBefore(const DocView& v, uint32_t sb, uint32_t tok) {
  uint32_t k = tok;
  while (k > sb && !v.IsClauseBreak(k - 1) && v.quote_at[k - 1] < 0) --k;
  return k;
}

// Is the cue at `cue`, with its subject starting at np_b, the end of its sentence's report:
// a comma before the subject, a clause of at least four words before that, and at most a
// few words ("Friday", "in a statement") after the cue?
bool TrailingSubject(const DocView& v, const Sentence& sn, uint32_t np_b, uint32_t cue) {
  if (np_b < sn.token_begin + 5 || v.lower[np_b - 1] != ",") return false;
  uint32_t end = sn.token_end;
  while (end > cue + 1 && v.toks[end - 1].kind == TokenKind::kPunct) --end;
  if (end > cue + 5) return false;
  for (uint32_t k = sn.token_begin; k < np_b; ++k)
    if (v.quote_at[k] >= 0 || v.IsClauseBreak(k)) return false;
  return true;
}

// "…, said Jeffrey X, a senior official." / "…, says the report.": an inverted cue after a
// comma whose speaker follows it up to the next comma or the sentence end.
bool TrailingCue(DocView& v, PassState* st, const Sentence& sn, uint32_t cue, Attribution* src, uint32_t* np_b,
                 uint32_t* np_e) {
  if (cue < sn.token_begin + 5 || v.lower[cue - 1] != "," || cue + 1 >= sn.token_end) return false;
  uint32_t e = cue + 1;
  while (e < sn.token_end && !v.IsPunct(e, ",") && !v.IsClauseBreak(e) && v.quote_at[e] < 0) ++e;
  if (e == cue + 1 || e - cue > 8) return false;
  for (uint32_t k = sn.token_begin; k < cue; ++k)
    if (v.quote_at[k] >= 0 || v.IsClauseBreak(k)) return false;
  Attribution a = ResolveSource(v, st, cue + 1, e, cue);
  if (a.kind == SourceKind::kUnknown) return false;
  *src = a;
  *np_b = cue + 1;
  *np_e = e;
  return true;
}

}  // namespace

Attribution CueSubject(DocView& v, PassState* st, uint32_t sb, uint32_t cue, uint32_t* np_b, uint32_t* np_e) {
  uint32_t b = cue;
  while (b > sb && !v.IsPunct(b - 1, ",") && !v.IsClauseBreak(b - 1) && v.quote_at[b - 1] < 0) --b;
  *np_b = b;
  *np_e = cue;
  if (b < cue) return ResolveSource(v, st, b, cue, cue);
  // "X, a spokesman for the union, said": the noun phrase before the first comma.
  if (cue == sb || !v.IsPunct(cue - 1, ",")) return Attribution{};
  // The clause starts after a quotation before the cue ("“…,” X, a mayor, said").
  for (uint32_t k = cue; k > sb; --k)
    if (v.quote_at[k - 1] >= 0 || v.toks[k - 1].kind == TokenKind::kQuote) {
      sb = k;
      break;
    }
  while (sb < cue && v.IsPunct(sb, ",")) ++sb;
  uint32_t first_comma = sb;
  while (first_comma < cue && !v.IsPunct(first_comma, ",")) ++first_comma;
  if (first_comma == sb || first_comma + 1 >= cue) return Attribution{};
  *np_b = sb;
  *np_e = first_comma;
  return ResolveSource(v, st, sb, first_comma, cue);
}

namespace {

// Whether the speech cue at token `cue` was addressed to a person in the article ("X told his
// ex-wife that …", "X told him that …"): the cue's object (on the parse), else the words right
// after the cue up to "that" or a punctuation mark, hold a person. An outlet or the press as the
// addressee ("told Us Weekly", "told reporters") is not one.
bool SpokeToAPerson(const DocView& v, uint32_t cue) {
  auto person_in = [&v](uint32_t b, uint32_t e) {
    for (uint32_t tok = b; tok < e && tok < v.size(); ++tok) {
      if (v.TypeAt(tok) == EntityType::kOutlet) return false;
      if (v.PersonAt(tok) >= 0) return true;
    }
    return false;
  };
  if (v.use_parse && v.HasParse(cue)) {
    int obj = v.tree.Object(v.word_of_tok[cue]);
    if (obj < 0) return false;
    auto [first, last] = v.tree.Span(obj);
    return person_in(v.tree.word(first).token, v.tree.word(last).token + 1);
  }
  uint32_t e = cue + 1;
  const uint32_t end = v.SentenceOf(cue).token_end;
  while (e < end && e < cue + 7 && v.IsWord(e) && v.lower[e] != "that" && v.quote_at[e] < 0) ++e;
  return person_in(cue + 1, e);
}

// "According to X, …" at token i of sentence sn (i is "according", i + 1 "to" or "toX"): X as
// the frame's source (an outlet, a person, an unnamed publication), or the inner source of
// "according to X, insiders claim …" with via X. False when token i opens no such phrase.
bool AccordingFrame(DocView& v, PassState* st, const Sentence& sn, uint32_t i, PassState::Frame* f) {
  const auto& w = v.lower;
  if (f->present || w[i] != "according" || i + 1 >= sn.token_end || !(w[i + 1] == "to" || w[i + 1].rfind("to", 0) == 0))
    return false;
  uint32_t np_b = w[i + 1] == "to" ? i + 2 : i + 1;
  uint32_t np_e = np_b;
  while (np_e < sn.token_end && !v.IsPunct(np_e, ",") && !v.IsClauseBreak(np_e)) ++np_e;
  if (np_e == np_b) return true;
  Attribution src;
  uint32_t end = 0;
  std::string name = w[i + 1] == "to" ? OutletNameAt(v, np_b, &end) : StripDomain(std::string(v.Text(i + 1).substr(2)));
  if (!name.empty()) {
    src.kind = SourceKind::kOutlet;
    src.text = name;
    src.via_outlet = name;
    src.byte_begin = v.toks[np_b].byte_begin;
    src.byte_end = v.toks[np_e - 1].byte_end;
  } else {
    src = ResolveSource(v, st, np_b, np_e, UINT32_MAX);
    if (src.kind == SourceKind::kUnknown) {
      // "according to a new report": an unnamed publication.
      src.kind = SourceKind::kOutlet;
      src.text = v.TextRange(np_b, np_e);
      src.byte_begin = v.toks[np_b].byte_begin;
      src.byte_end = v.toks[np_e - 1].byte_end;
    }
  }
  f->present = true;
  f->source = src;
  f->content_tok = np_e;
  // "…, according to federal statistics.": the clause before owns the content.
  if (i > sn.token_begin + 4 && v.IsPunct(i - 1, ",") && np_e + 1 >= sn.token_end) {
    f->content_tok = sn.token_begin;
    f->content_end = i - 1;
  }
  f->modality = Modality::kReported;
  f->source_tok_begin = np_b;
  f->source_tok_end = np_e;
  f->cue_tok = i;
  // "According to X, insiders claim ...": the inner source, via X. Not when the inner speech
  // went to another person ("according to X, Y told his ex-wife that …"): X reports it.
  for (uint32_t k = np_e + 1; k < sn.token_end && k < np_e + 8; ++k) {
    const CueVerb* c = ActiveCue(v, k);
    if (!c || v.quote_at[k] >= 0) continue;
    if (SpokeToAPerson(v, k)) break;
    Attribution inner = ResolveSource(v, st, np_e + 1, k, k);
    if (inner.kind == SourceKind::kAnonymous || inner.kind == SourceKind::kNamed) {
      if (src.kind == SourceKind::kOutlet && !src.text.empty() && src.via_outlet) AttachVia(st, &inner, src.text);
      f->source = inner;
      f->content_tok = k + 1;
      f->source_tok_begin = np_e + 1;
      f->source_tok_end = k;
      f->cue_tok = k;
      f->modality = Weaker(Modality::kReported, c->modality);
    }
    break;
  }
  return true;
}

// The content of a denial cue at i: "denied (the) reports (saying) that …" → the token after
// "that"; 0 when no "that" follows.
uint32_t DeniedContent(const DocView& v, const Sentence& sn, uint32_t i) {
  const auto& w = v.lower;
  uint32_t k = i + 1;
  auto at = [&](uint32_t j, std::initializer_list<std::string_view> words) {
    return j < sn.token_end && std::find(words.begin(), words.end(), w[j]) != words.end();
  };
  if (at(k, {"the", "these", "those", "any"})) ++k;
  if (k < sn.token_end && (IsRumourNoun(w[k]) || at(k, {"reports", "claims", "allegations", "suggestions"}))) {
    ++k;
    if (at(k, {"saying", "claiming", "suggesting"})) ++k;
  }
  return at(k, {"that"}) ? k + 1 : 0;
}

// The frame of the reporting cue at token i, if i is one whose subject resolves: its source,
// content (after the cue, or the clause before a trailing cue) and modality. The subject is
// resolved even when the sentence already has a frame (anonymous identities in reading order);
// only the first frame is kept.
void CueFrame(DocView& v, PassState* st, const Sentence& sn, uint32_t i, PassState::Frame* f) {
  const auto& w = v.lower;
  const CueVerb* c = ActiveCue(v, i);
  if (!c) return;
  const bool denial = c->cls == CueClass::kDenial;
  uint32_t denied_b = 0;  // "X denied (reports) that …": the content after "that"
  if (denial && (denied_b = DeniedContent(v, sn, i)) == 0) return;
  // Verbs that are cues only in a reporting frame ("shares a bond", "echoed the
  // sentiment") need the frame's punctuation or "that" right after them.
  if (!denial && !CoreCue(w[i]) && i + 1 < sn.token_end) {
    const std::string& nx = w[i + 1];
    if (nx != "that" && nx != ":" && nx != "," && v.toks[i + 1].kind != TokenKind::kQuote) return;
  }
  uint32_t np_b = i, np_e = i;
  uint32_t content_b = i + 1, content_e = UINT32_MAX;
  Attribution src;
  if (denial) {
    src = CueSubject(v, st, ClauseStartBefore(v, sn.token_begin, i), i, &np_b, &np_e);
    content_b = denied_b;
  } else if (!TrailingCue(v, st, sn, i, &src, &np_b, &np_e)) {
    src = CueSubject(v, st, ClauseStartBefore(v, sn.token_begin, i), i, &np_b, &np_e);
    if (src.kind != SourceKind::kUnknown && TrailingSubject(v, sn, np_b, i)) {
      content_b = sn.token_begin;  // "The economy is strong, the senator said Friday."
      content_e = np_b - 1;
    }
  } else {
    content_b = sn.token_begin;  // "…, said Jeffrey X, a senior official."
    content_e = i - 1;
  }
  if (src.kind == SourceKind::kUnknown) return;
  if (src.kind == SourceKind::kAnonymous || src.kind == SourceKind::kNamed) {
    auto via = ViaOutletAfter(v, i + 1, sn.token_end);
    if (via) AttachVia(st, &src, *via);
  }
  if (f->present) return;
  f->present = true;
  f->source = src;
  f->content_tok = content_b;
  f->content_end = content_e;
  f->modality = c->modality;
  f->source_tok_begin = np_b;
  f->source_tok_end = np_e;
  f->cue_tok = i;
  f->denial = denial;
}

}  // namespace

void FindFrames(DocView& v, PassState* st) {
  const auto& sents = v.a.layout.sentences;
  st->frames.assign(sents.size(), {});
  for (uint32_t s = 0; s < sents.size(); ++s) {
    const Sentence& sn = sents[s];
    PassState::Frame& f = st->frames[s];
    // Every cue's subject is resolved, in text order, so anonymous sources get their identities
    // in reading order; the first frame of the sentence is kept.
    for (uint32_t i = sn.token_begin; i < sn.token_end; ++i) {
      if (v.quote_at[i] >= 0) continue;
      if (AccordingFrame(v, st, sn, i, &f)) continue;
      CueFrame(v, st, sn, i, &f);
    }
  }
}

namespace {

// Is tok, outside quotation marks in sentence `sn`, in an aside the author inserts into a reported
// clause: a parenthesis ("X (who has two kids with Y) cheated"), a relative clause between commas
// ("X, who shares twins with Y, says"), an age after a name ("X, 42, says") or an age word ("the
// 49-year-old actress")?
bool AuthorAside(const DocView& v, const Sentence& sn, uint32_t tok) {
  const std::string& w = v.lower[tok];
  if (w.find("year-old") != std::string::npos || w.find("years-old") != std::string::npos) return true;
  for (uint32_t k = tok; k-- > sn.token_begin;) {
    if (v.IsPunct(k, ")")) break;
    if (v.IsPunct(k, "(")) return true;
  }
  uint32_t b = tok;
  while (b > sn.token_begin && !ClauseBreakOrComma(v, b - 1) && v.quote_at[b - 1] < 0) --b;
  uint32_t e = tok + 1;
  while (e < sn.token_end && !ClauseBreakOrComma(v, e) && v.quote_at[e] < 0) ++e;
  if (b == sn.token_begin || !v.IsPunct(b - 1, ",") || e >= sn.token_end || !v.IsPunct(e, ",")) return false;
  const std::string& first = v.lower[b];
  if (first == "who" || first == "whose" || first == "who's" || first == "whom") return true;
  return e == b + 1 && v.toks[b].kind == TokenKind::kNumber;  // "X, 42, says"
}

}  // namespace

Attribution SourceAt(const DocView& v, const PassState& st, uint32_t tok) {
  if (tok < v.size()) {
    int32_t q = v.quote_at[tok];
    if (q >= 0 && v.quote_record[q] >= 0) return v.a.quotes[v.quote_record[q]].speaker;
    uint32_t s = v.sent_of[tok];
    if (s != UINT32_MAX && st.InFrame(s, tok) && !AuthorAside(v, v.a.layout.sentences[s], tok))
      return st.frames[s].source;
  }
  return Author(v);
}

Modality ModalityAt(const DocView& v, const PassState& st, uint32_t tok) {
  Modality m = Modality::kAsserted;
  Attribution src = SourceAt(v, st, tok);
  if (src.kind != SourceKind::kAuthor) m = Modality::kReported;
  uint32_t s = v.sent_of[tok];
  if (s == UINT32_MAX) return m;
  if (st.InFrame(s, tok)) m = Weaker(m, st.frames[s].modality);
  const Sentence& sn = v.a.layout.sentences[s];
  int32_t q = v.quote_at[tok];
  // Hedges count in the clause of tok (between commas and clause marks), inside the same quote
  // or outside quotes; a hedge right before a comma that opens the clause counts too
  // ("Reportedly, ...").
  uint32_t cb = tok, ce = tok;
  while (cb > sn.token_begin && !ClauseBreakOrComma(v, cb - 1)) --cb;
  if (cb > sn.token_begin + 1 && v.lower[cb - 1] == "," && cb - 1 == sn.token_begin + 1) cb = sn.token_begin;
  while (ce < sn.token_end && !ClauseBreakOrComma(v, ce)) ++ce;
  for (uint32_t k = cb; k < ce; ++k) {
    if (v.quote_at[k] != q) continue;
    // "May" as a month is not the modal.
    if (v.lower[k] == "may" && v.IsCap(k) && k != sn.token_begin) continue;
    Modality hm;
    uint32_t len = v.MatchHedge(k, &hm);
    // Rumour nouns hedge only what they introduce ("speculation that X", "rumors about X"),
    // not a clause that merely mentions them ("the speculation ... since his divorce").
    if (len && IsRumourNoun(v.lower[k]) && k < tok) {
      uint32_t nx = k + len;
      bool introduces = nx < sn.token_end && (v.lower[nx] == "that" || v.lower[nx] == "about" ||
                                               v.lower[nx] == "of" || v.lower[nx] == "continues");
      if (!introduces) len = 0, k += 0;
      if (!introduces) continue;
    }
    if (len) {
      m = Weaker(m, hm);
      k += len - 1;
    }
  }
  return m;
}

}  // namespace hearsay::extract
