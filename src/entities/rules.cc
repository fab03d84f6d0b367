#include "entities/rules.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "entities/features.h"

namespace hearsay::entities {
namespace {

// Token access over one document.
struct Toks {
  const Document& doc;
  const TextLayout& layout;
  mutable std::vector<std::string> lower_cache;  // filled on first use
  std::string_view Text(size_t i) const {
    const Token& t = layout.tokens[i];
    return std::string_view(doc.text).substr(t.byte_begin, t.byte_end - t.byte_begin);
  }
  const std::string& Lower(size_t i) const {
    if (lower_cache.empty()) {
      lower_cache.reserve(layout.tokens.size());
      for (size_t k = 0; k < layout.tokens.size(); ++k) lower_cache.push_back(LowerCase(Text(k)));
    }
    return lower_cache[i];
  }
  bool Cap(size_t i) const {
    auto w = Text(i);
    unsigned char c = w.empty() ? 0 : w[0];
    return (c >= 'A' && c <= 'Z') || (c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) < 0x9F);
  }
  size_t size() const { return layout.tokens.size(); }
};

bool IsNumber(std::string_view w, int* value) {
  if (w.empty() || w.size() > 4) return false;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

// String tests compare lengths before bytes (the lists are literals of known length);
// they run for every token of every document.
int MonthIndex(std::string_view lw) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::string_view kShort[] = {"jan.", "feb.", "mar.", "apr.", "may", "jun.",
                                                "jul.", "aug.", "sept.", "oct.", "nov.", "dec."};
  if (lw.size() < 3 || lw.size() > 9) return -1;
  for (int m = 0; m < 12; ++m)
    if (lw == kMonths[m] || lw == kShort[m] || (m == 8 && lw == "sep.")) return m;
  return -1;
}

bool IsWeekday(std::string_view lw) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (lw.size() < 6 || lw.size() > 9) return false;
  for (std::string_view d : kDays)
    if (lw == d) return true;
  return false;
}

bool IsIn(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}
template <size_t N>
bool IsIn(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

// Sentence index of every token (tokens outside sentences: UINT32_MAX).
std::vector<uint32_t> SentenceOfToken(const TextLayout& layout) {
  std::vector<uint32_t> out(layout.tokens.size(), UINT32_MAX);
  for (uint32_t s = 0; s < layout.sentences.size(); ++s)
    for (uint32_t t = layout.sentences[s].token_begin; t < layout.sentences[s].token_end; ++t) out[t] = s;
  return out;
}

// Token index whose byte_begin == byte (binary search); -1 if none.
long TokenAt(const TextLayout& layout, uint32_t byte) {
  auto it = std::lower_bound(layout.tokens.begin(), layout.tokens.end(), byte,
                             [](const Token& t, uint32_t b) { return t.byte_begin < b; });
  if (it == layout.tokens.end() || it->byte_begin != byte) return -1;
  return it - layout.tokens.begin();
}
long TokenEndingAt(const TextLayout& layout, uint32_t byte) {
  auto it = std::lower_bound(layout.tokens.begin(), layout.tokens.end(), byte,
                             [](const Token& t, uint32_t b) { return t.byte_end < b; });
  if (it == layout.tokens.end() || it->byte_end != byte) return -1;
  return it - layout.tokens.begin();
}

bool IsNameType(EntityType t) {
  return t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kLoc || t == EntityType::kMisc ||
         t == EntityType::kWork || t == EntityType::kOutlet;
}


// Two slips of the tagger on unfamiliar names, fixed by their context: an emphasised adverb in
// capitals glued to the end of a name ("shared with Harbor Weekly EXCLUSIVELY") leaves the
// span, and a PERSON right after a group noun ("rock band Velvet Static", "the group X") is a
// group (ORG).
void FixGroupsAndShoutedAdverbs(const Toks& tk, const TextLayout& layout, const std::vector<uint32_t>& sent,
                                std::vector<Mention>* mentions) {
  auto all_caps_adverb = [&](long i) {
    std::string_view w = tk.Text(i);
    if (w.size() < 4 || !w.ends_with("LY")) return false;
    for (char c : w)
      if (c < 'A' || c > 'Z') return false;
    return true;
  };
  auto lower_case_word = [&](long i) {
    std::string_view w = tk.Text(i);
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  for (Mention& m : *mentions) {
    if (!IsNameType(m.type)) continue;
    long a = TokenAt(layout, m.byte_begin), b = TokenEndingAt(layout, m.byte_end);
    if (a < 0 || b < a) continue;
    if (b > a && all_caps_adverb(b) && lower_case_word(a)) m.byte_end = layout.tokens[b - 1].byte_end;
    if (m.type == EntityType::kPerson && a > 0 && sent[a - 1] == sent[a] &&
        IsIn(tk.Lower(a - 1), {"band", "group", "duo", "trio"}))
      m.type = EntityType::kOrg;
  }
}

}  // namespace

namespace {

constexpr std::string_view kMoneySigns[] = {"$", "£", "€"};
constexpr std::string_view kMoneyScales[] = {"million", "billion", "thousand", "m", "bn"};
// Words before a month that make it a date even when the month is also a name ("May", "March").
constexpr std::string_view kMonthCues[] = {"in",   "since", "last",  "next",   "this",   "early",  "late",    "until", "by",
                                           "mid",  "on",    "from",  "of",     "before", "after",  "during", "through"};
// Words before a bare year ("in 2012").
constexpr std::string_view kYearCues[] = {"in",    "since", "of",     "by",     "until", "from",
                                          "before", "after", "during", "til",   "till"};
// What may follow "Name, 37" for 37 to be an age.
constexpr std::string_view kAfterAge[] = {",", ".", ";", ")", "and", ":"};

// FindRuleMentions' steps: each Match* looks at token i, pushes what it finds and returns the
// last token it used (or -1 when nothing matched).
class RuleMentionFinder {
 public:
  RuleMentionFinder(const Document& doc, const TextLayout& layout)
      : tk_{doc, layout, {}}, layout_(layout), sent_(SentenceOfToken(layout)), used_(tk_.size(), false) {}

  std::vector<Mention> Run(const std::vector<Mention>& mentions) {
    for (size_t i = 0; i < tk_.size(); ++i) {
      long last = MatchToken(i);
      if (last >= 0) i = static_cast<size_t>(last);
    }
    AgesAfterNames(mentions);
    return std::move(add_);
  }

 private:
  bool SameSentence(size_t a, size_t b) const { return b < tk_.size() && sent_[a] == sent_[b] && sent_[a] != UINT32_MAX; }
  void Push(size_t first, size_t last, EntityType type) {
    add_.push_back(Mention{layout_.tokens[first].byte_begin, layout_.tokens[last].byte_end, type, 1.0f, -1, false});
  }

  long MatchToken(size_t i) {
    if (layout_.tokens[i].kind == TokenKind::kHandle) {
      Push(i, i, EntityType::kHandle);
      return static_cast<long>(i);
    }
    long last = MatchAge(i);
    if (last < 0) last = MatchMoney(i);
    if (last >= 0 || used_[i]) return last;
    last = MatchMonthDate(i);
    if (last < 0) last = MatchOtherDate(i);
    return last;
  }

  // Ages: "62-year-old", "62-year-old's"; "62-year" "old". ("62" "-" "year" …: the tagger.)
  long MatchAge(size_t i) {
    const std::string& lw = tk_.Lower(i);
    int v = 0;
    size_t dash = lw.find("-year");
    if (dash == std::string::npos || !IsNumber(std::string_view(lw).substr(0, dash), &v) || v <= 0 || v >= 130) return -1;
    std::string_view rest = std::string_view(lw).substr(dash);
    if (rest.rfind("-year-old", 0) == 0) {
      Push(i, i, EntityType::kAge);
      return static_cast<long>(i);
    }
    if (rest == "-year" && SameSentence(i, i + 1) && tk_.Lower(i + 1) == "old") {
      Push(i, i + 1, EntityType::kAge);
      return static_cast<long>(i + 1);
    }
    return -1;
  }

  // Money: "$3", "$3.5 million", "£2 billion".
  long MatchMoney(size_t i) {
    if (layout_.tokens[i].kind != TokenKind::kSymbol || !IsIn(tk_.Lower(i), kMoneySigns) || !SameSentence(i, i + 1) ||
        layout_.tokens[i + 1].kind != TokenKind::kNumber)
      return -1;
    size_t last = i + 1;
    if (SameSentence(i, i + 2) && IsIn(tk_.Lower(i + 2), kMoneyScales)) last = i + 2;
    Push(i, last, EntityType::kMoney);
    return static_cast<long>(last);
  }

  // "July 27", "July 27, 2024", "July 2024", "27 July 2024", "in May"; a bare "May" or
  // "March" with no day, year or cue is no date.
  long MatchMonthDate(size_t i) {
    int month = MonthIndex(tk_.Lower(i));
    if (month < 0 || !tk_.Cap(i)) return -1;
    size_t last = i;
    int v = 0;
    if (SameSentence(i, i + 1) && IsNumber(tk_.Text(i + 1), &v) && v >= 1 && v <= 31) {
      last = i + 1;
      if (SameSentence(i, i + 3) && tk_.Text(i + 2) == "," && IsNumber(tk_.Text(i + 3), &v) && v >= 1800) last = i + 3;
    } else if (SameSentence(i, i + 1) && IsNumber(tk_.Text(i + 1), &v) && v >= 1800 && v <= 2200) {
      last = i + 1;
    }
    bool cue = i > 0 && SameSentence(i - 1, i) && IsIn(tk_.Lower(i - 1), kMonthCues);
    if (!(last > i || cue || (month != 4 && month != 2))) return -1;
    size_t first = i;
    if (i > 0 && SameSentence(i - 1, i) && IsNumber(tk_.Text(i - 1), &v) && v >= 1 && v <= 31) first = i - 1;
    Push(first, last, EntityType::kDate);
    for (size_t j = first; j <= last; ++j) used_[j] = true;
    return static_cast<long>(last);
  }

  // Weekdays, ISO dates (2025-05-27) and years after a preposition ("in 2012").
  long MatchOtherDate(size_t i) {
    const Token& k = layout_.tokens[i];
    bool date = IsWeekday(tk_.Lower(i)) && tk_.Cap(i);
    if (!date && (k.kind == TokenKind::kNumber || k.kind == TokenKind::kWord)) {
      int v = 0;
      auto w = tk_.Text(i);
      date = (w.size() == 10 && w[4] == '-' && w[7] == '-' && IsNumber(w.substr(0, 4), &v)) ||
             (IsNumber(w, &v) && v >= 1900 && v <= 2100 && i > 0 && SameSentence(i - 1, i) &&
              IsIn(tk_.Lower(i - 1), kYearCues));
    }
    if (!date) return -1;
    Push(i, i, EntityType::kDate);
    return static_cast<long>(i);
  }

  // "Name, 37," -> AGE on the number after a PERSON mention.
  void AgesAfterNames(const std::vector<Mention>& mentions) {
    for (const Mention& m : mentions) {
      if (m.type != EntityType::kPerson) continue;
      long last = TokenEndingAt(layout_, m.byte_end);
      if (last < 0 || !SameSentence(last, last + 2)) continue;
      int v = 0;
      if (tk_.Text(last + 1) == "," && IsNumber(tk_.Text(last + 2), &v) && v > 0 && v < 120 &&
          (!SameSentence(last, last + 3) || IsIn(tk_.Text(last + 3), kAfterAge)))
        Push(last + 2, last + 2, EntityType::kAge);
    }
  }

  Toks tk_;
  const TextLayout& layout_;
  std::vector<uint32_t> sent_;
  std::vector<bool> used_;  // tokens inside a date found already
  std::vector<Mention> add_;
};

}  // namespace

void FindRuleMentions(const Document& doc, const TextLayout& layout, std::vector<Mention>* mentions) {
  std::vector<Mention> add = RuleMentionFinder(doc, layout).Run(*mentions);
  mentions->insert(mentions->end(), add.begin(), add.end());
}

namespace {

// The word classes the type rules read (lower case).
namespace words {
constexpr std::string_view kTellVerbs[] = {"told", "tells", "telling", "tell"};
// "X reported", "X magazine": a word after a name that makes it a publication.
constexpr std::string_view kOutletVerbsAfter[] = {"reported", "reports", "magazine",
                                                                        "writes",   "wrote",   "revealed"};
constexpr std::string_view kOutletAuxAfter[] = {"can", "has"};
constexpr std::string_view kOutletClaimsAfter[] = {"reveal", "learned", "confirmed"};
// Last words of a multi-word name that make it a publication ("Harbor Weekly").
constexpr std::string_view kOutletHeads[] = {
    "news",  "daily",  "weekly", "magazine", "online", "times", "post",   "journal", "tribune",
    "herald", "gazette", "tv",   "radio",    "network", "media", "images", "press"};
constexpr std::string_view kPossessive[] = {"'s", "’s"};
constexpr std::string_view kHolidayHeads[] = {"day", "eve"};
constexpr std::string_view kPhotoCreditWords[] = {"photo", "photos", "credit", "image", "picture"};
// Role nouns after a title: "the <Title> actor".
constexpr std::string_view kRolesAfterTitle[] = {
    "actor", "actress",  "star",       "co-star",   "costar", "director", "franchise", "alum",  "hitmaker", "creator",
    "showrunner", "frontman", "singer", "universe", "saga",   "trilogy",  "sequel",    "films", "movies",   "character"};
constexpr std::string_view kActorNouns[] = {"actor", "actress"};
// Lower-case words inside a title ("Pride and Prejudice").
constexpr std::string_view kTitleInnerWords[] = {"of", "the", "to", "in", "and"};
constexpr std::string_view kArticles[] = {"the", "a", "an"};
constexpr std::string_view kNotTitleOpeners[] = {"the", "a",    "an",   "he",
                                                                       "she", "they", "his", "her"};
// What may stand before "<Title> actor": a determiner, a possessive, "former", a list.
constexpr std::string_view kBeforeTitle[] = {
    "the", "a", "an", "'s", "’s", "former", "ex", ",", "with", "and", "fellow", "his", "her", "their"};
// Work nouns before a quoted title ("the film “X”").
constexpr std::string_view kWorkNounsBeforeQuote[] = {
    "film",  "films", "movie", "movies", "series",      "show",   "shows",   "album",    "song",     "single",
    "novel", "book",  "documentary",     "sitcom",      "musical", "thriller", "drama",  "comedy",  "franchise", "sequel"};
// Work nouns before an unquoted title ("the action thriller X").
constexpr std::string_view kWorkNounsBeforeTitle[] = {
    "film",   "movie", "thriller", "comedy", "drama", "documentary", "sitcom", "series",
    "album", "single", "song",     "novel",  "book",  "biopic",      "musical"};
constexpr std::string_view kTitleInnerWordsOrColon[] = {"of", "the", "to", "in", "and", ":"};
}  // namespace words

// RefineTypes' steps over one document: retype the tagger's spans, then add outlet and work
// spans it missed. `covered` marks tokens inside a mention; the name type per token is built
// on first use and repainted where a new work span drops the names it overlaps.
class TypeRefiner {
 public:
  TypeRefiner(const Document& doc, const TextLayout& layout, const Gazetteer* gaz, std::vector<Mention>* mentions)
      : tk_{doc, layout, {}}, layout_(layout), gaz_(gaz), mentions_(mentions), sent_(SentenceOfToken(layout)) {}

  void Run() {
    FixGroupsAndShoutedAdverbs(tk_, layout_, sent_, mentions_);
    covered_.assign(tk_.size(), false);
    for (const Mention& m : *mentions_) {
      long a = TokenAt(layout_, m.byte_begin), b = TokenEndingAt(layout_, m.byte_end);
      if (a < 0 || b < 0) continue;
      for (long i = a; i <= b; ++i) covered_[i] = true;
    }
    for (Mention& m : *mentions_) Retype(&m);
    AddPhotoCreditAgencies();
    AddUntaggedOutlets();
    AddTitlesBeforeRoleNouns();
    AddQuotedTitles();
    AddUnquotedTitles();
    mentions_->insert(mentions_->end(), add_.begin(), add_.end());
  }

 private:
  bool SameSentence(long a, long b) const {
    return a >= 0 && b >= 0 && static_cast<size_t>(b) < tk_.size() && static_cast<size_t>(a) < tk_.size() &&
           sent_[a] == sent_[b] && sent_[a] != UINT32_MAX;
  }
  std::string LowerAt(long i) const {
    return i >= 0 && static_cast<size_t>(i) < tk_.size() ? tk_.Lower(i) : std::string();
  }
  uint8_t PhraseTypes(long first, long last) const {
    if (!gaz_) return 0;
    std::vector<std::string> lowers;
    for (long i = first; i <= last; ++i) lowers.push_back(tk_.Lower(i));
    std::vector<std::string_view> views(lowers.begin(), lowers.end());
    return gaz_->FindPhrase(Gazetteer::PhraseHash(views));
  }
  uint32_t WordClasses(long i) const {
    const WordEntry* e = gaz_ ? gaz_->FindWord(HashBytes(tk_.Lower(i), kGazetteerSeed)) : nullptr;
    return e ? e->classes : 0;
  }
  // "told X", "according to X".
  bool OutletCueBefore(long first) const {
    if (!SameSentence(first - 1, first)) return false;
    std::string p1 = LowerAt(first - 1);
    return IsIn(p1, words::kTellVerbs) || (p1 == "to" && LowerAt(first - 2) == "according");
  }
  // "X reported", "X can reveal", "X has learned".
  bool OutletCueAfter(long last) const {
    if (!SameSentence(last, last + 1)) return false;
    std::string n1 = LowerAt(last + 1), n2 = LowerAt(last + 2);
    return IsIn(n1, words::kOutletVerbsAfter) || (IsIn(n1, words::kOutletAuxAfter) && IsIn(n2, words::kOutletClaimsAfter));
  }

  void Retype(Mention* m);
  void AddPhotoCreditAgencies();
  void AddUntaggedOutlets();
  void AddTitlesBeforeRoleNouns();
  bool TitleBeforeRoleNoun(size_t i, long* first_out, long* last_out);
  void AddQuotedTitles();
  void AddUnquotedTitles();
  void AddWork(long first, long last, float confidence);
  int TypeAt(long i);
  void Paint(long lo, long hi);
  void DropOverlaps(uint32_t begin, uint32_t end);

  Toks tk_;
  const TextLayout& layout_;
  const Gazetteer* gaz_;
  std::vector<Mention>* mentions_;
  std::vector<uint32_t> sent_;
  std::vector<bool> covered_;
  std::vector<Mention> add_;
  std::vector<int> type_of_token_;             // name type per token, -1 none
  std::vector<std::pair<long, long>> span_of_;  // mention k's token range, {-1, -1} if none
  bool types_built_ = false;
};

// OUTLET from the phrase gazetteer, a bare domain or a cue around the span; WORK from the
// gazetteer; a holiday ("Mother's Day", "New Year's Eve") is an event (MISC).
void TypeRefiner::Retype(Mention* m) {
  if (!IsNameType(m->type)) return;
  long a = TokenAt(layout_, m->byte_begin), b = TokenEndingAt(layout_, m->byte_end);
  if (a < 0 || b < 0) return;
  uint8_t types = PhraseTypes(a, b);
  bool domain = a == b && layout_.tokens[a].kind == TokenKind::kUrl && tk_.Text(a).find('/') == std::string_view::npos;
  if (m->type == EntityType::kOrg || m->type == EntityType::kMisc) {
    if ((types & kPhraseOutlet) || domain || OutletCueBefore(a) || OutletCueAfter(b)) m->type = EntityType::kOutlet;
    else if ((types & kPhraseWork) && m->type == EntityType::kMisc) m->type = EntityType::kWork;
  } else if (m->type == EntityType::kPerson) {
    bool head = b > a && IsIn(tk_.Lower(b), words::kOutletHeads);
    if (domain || head || ((types & kPhraseOutlet) && (OutletCueBefore(a) || OutletCueAfter(b))))
      m->type = EntityType::kOutlet;
  }
  if (SameSentence(b, b + 2) && IsIn(LowerAt(b + 1), words::kPossessive) && IsIn(LowerAt(b + 2), words::kHolidayHeads) &&
      tk_.Cap(b + 2)) {
    m->type = EntityType::kMisc;
    m->byte_end = layout_.tokens[b + 2].byte_end;
    for (long i = a; i <= b + 2; ++i) covered_[i] = true;
  }
}

// Photo credits: "(Photo by A B/Agency Name via Other Agency for Client)": the runs after
// "/" and "via" are agencies or companies (OUTLET unless already a name mention).
void TypeRefiner::AddPhotoCreditAgencies() {
  for (size_t i = 1; i + 1 < tk_.size(); ++i) {
    std::string_view w = tk_.Text(i);
    if (!(w == "/" || tk_.Lower(i) == "via")) continue;
    bool credit = false;
    for (long j = static_cast<long>(i) - 1; j >= 0 && j + 8 >= static_cast<long>(i) && SameSentence(j, i); --j)
      if (IsIn(tk_.Lower(j), words::kPhotoCreditWords)) credit = true;
    if (!credit || !tk_.Cap(i + 1) || covered_[i + 1] || !SameSentence(i, i + 1)) continue;
    size_t j = i + 1;
    while (j + 1 < tk_.size() && j - i < 4 && SameSentence(i, j + 1) && tk_.Cap(j + 1) && !covered_[j + 1]) ++j;
    mentions_->push_back(
        Mention{layout_.tokens[i + 1].byte_begin, layout_.tokens[j].byte_end, EntityType::kOutlet, 0.7f, -1, false});
    for (size_t x = i + 1; x <= j; ++x) covered_[x] = true;
  }
}

// Bare domain names and capitalised runs after outlet cues that the tagger left out.
void TypeRefiner::AddUntaggedOutlets() {
  for (size_t i = 0; i < tk_.size(); ++i) {
    if (covered_[i]) continue;
    const Token& k = layout_.tokens[i];
    if (k.kind == TokenKind::kUrl && tk_.Text(i).find('/') == std::string_view::npos && tk_.Cap(i)) {
      add_.push_back(Mention{k.byte_begin, k.byte_end, EntityType::kOutlet, 0.7f, -1, false});
      covered_[i] = true;
      continue;
    }
    if (!tk_.Cap(i) || !OutletCueBefore(static_cast<long>(i))) continue;
    size_t j = i;
    while (j + 1 < tk_.size() && j - i < 3 && SameSentence(i, j + 1) && tk_.Cap(j + 1) && !covered_[j + 1]) ++j;
    bool stop_after = !SameSentence(i, j + 1) || !tk_.Cap(j + 1);
    bool person_like = WordClasses(static_cast<long>(i)) & (kFirstNameCommon | kTitleWord);
    if (stop_after && !person_like) {
      add_.push_back(Mention{k.byte_begin, layout_.tokens[j].byte_end, EntityType::kOutlet, 0.6f, -1, false});
      for (size_t x = i; x <= j; ++x) covered_[x] = true;
    }
  }
}

// Works: "the <Title> actor/actress/star".
void TypeRefiner::AddTitlesBeforeRoleNouns() {
  for (size_t i = 1; i < tk_.size(); ++i) {
    long first = 0, last = 0;
    if (TitleBeforeRoleNoun(i, &first, &last)) AddWork(first, last, 0.7f);
  }
}

// The capitalised run before the role noun at i, when it reads as a title: no person, place,
// organisation or nationality, no "Oscar-winning" qualifier, and after a determiner, a
// possessive, an age or the sentence start.
bool TypeRefiner::TitleBeforeRoleNoun(size_t i, long* first_out, long* last_out) {
  const std::string& lw = tk_.Lower(i);
  if (!IsIn(lw, words::kRolesAfterTitle)) return false;
  long last = static_cast<long>(i) - 1;
  if (!SameSentence(last, i) || !tk_.Cap(last)) return false;
  long first = last;
  while (first - 1 >= 0 && SameSentence(first - 1, last) &&
         (tk_.Cap(first - 1) ||
          ((tk_.Text(first - 1) == ":" || IsIn(tk_.Lower(first - 1), words::kTitleInnerWords)) && first - 2 >= 0 &&
           tk_.Cap(first - 2) && SameSentence(first - 2, last))))
    --first;
  // A capitalised determiner at sentence start belongs to the sentence, not the title.
  while (first < last && IsIn(tk_.Lower(first), words::kArticles)) ++first;
  if (IsIn(tk_.Lower(first), words::kNotTitleOpeners)) return false;
  bool skip = false;
  for (long t = first; t <= last && !skip; ++t) {
    int ty = TypeAt(t);
    skip = ty == static_cast<int>(EntityType::kLoc) || ty == static_cast<int>(EntityType::kOrg) ||
           ty == static_cast<int>(EntityType::kOutlet);
  }
  // "Oscar-winning actor", "Cuban-born actress", "London-based star": qualifiers, not titles.
  for (long t = first; t <= last && !skip; ++t) {
    std::string_view w = tk_.Text(t);
    size_t dash = w.find('-');
    if (dash != std::string_view::npos && dash + 1 < w.size() && w[dash + 1] >= 'a' && w[dash + 1] <= 'z') skip = true;
  }
  // "the <Org> actress": one ORG word right after "the" before actor/actress reads as a title.
  if (skip && first == last && TypeAt(first) == static_cast<int>(EntityType::kOrg) && LowerAt(first - 1) == "the" &&
      IsIn(lw, words::kActorNouns))
    skip = false;
  if (PhraseTypes(first, last) & (kPhraseMisc | kPhraseOutlet)) skip = true;
  // One capitalised word tagged PERSON before "actor": a work only if not a known name.
  if (first == last && TypeAt(first) == static_cast<int>(EntityType::kPerson) &&
      (WordClasses(first) & (kFirstNameCommon | kSurnameCommon)))
    skip = true;
  std::string before = LowerAt(first - 1);
  bool det = !SameSentence(first - 1, first) || IsIn(before, words::kBeforeTitle) ||
             before.find("-year") != std::string::npos || before == "old";
  *first_out = first;
  *last_out = last;
  return !skip && det;
}

// A title in quotation marks within three tokens after a work noun ("films such as “X”").
void TypeRefiner::AddQuotedTitles() {
  for (size_t i = 0; i + 2 < tk_.size(); ++i) {
    if (!IsIn(tk_.Lower(i), words::kWorkNounsBeforeQuote)) continue;
    size_t q = i + 1;
    while (q < i + 4 && q < tk_.size() && layout_.tokens[q].kind != TokenKind::kQuote) ++q;
    if (q >= tk_.size() || layout_.tokens[q].kind != TokenKind::kQuote || !SameSentence(i, q)) continue;
    size_t j = q + 1;
    while (j < tk_.size() && j - q <= 10 && layout_.tokens[j].kind != TokenKind::kQuote && SameSentence(q, j)) ++j;
    if (j >= tk_.size() || layout_.tokens[j].kind != TokenKind::kQuote || j == q + 1 || !tk_.Cap(q + 1)) continue;
    size_t last = j - 1;
    while (last > q + 1 && (tk_.Text(last) == "," || tk_.Text(last) == ".")) --last;
    AddWork(static_cast<long>(q + 1), static_cast<long>(last), 0.8f);
  }
}

// An unquoted title right after a lower-case work noun in body text: "the action thriller X"
// (headlines and headings are in title case throughout; the cue means nothing there).
void TypeRefiner::AddUnquotedTitles() {
  for (size_t i = 0; i + 1 < tk_.size(); ++i) {
    if (!IsIn(tk_.Lower(i), words::kWorkNounsBeforeTitle)) continue;
    size_t first = i + 1;
    if (!SameSentence(i, first) || !tk_.Cap(first) || i == 0 || !SameSentence(i - 1, i) || tk_.Cap(i)) continue;
    const Sentence& st = layout_.sentences[sent_[i]];
    if (st.paragraph_idx < layout_.paragraphs.size() && layout_.paragraphs[st.paragraph_idx].kind != BlockKind::kBody)
      continue;
    size_t last = first;
    while (last + 1 < tk_.size() && last - first < 6 && SameSentence(first, last + 1) &&
           (tk_.Cap(last + 1) ||
            (IsIn(tk_.Lower(last + 1), words::kTitleInnerWordsOrColon) && last + 2 < tk_.size() && tk_.Cap(last + 2))))
      ++last;
    bool skip = false;
    for (size_t t = first; t <= last; ++t) {
      int ty = TypeAt(static_cast<long>(t));
      if (ty == static_cast<int>(EntityType::kPerson) || ty == static_cast<int>(EntityType::kLoc) ||
          ty == static_cast<int>(EntityType::kOutlet) || ty == static_cast<int>(EntityType::kWork))
        skip = true;
    }
    if (!skip) AddWork(static_cast<long>(first), static_cast<long>(last), 0.7f);
  }
}

// A WORK span over tokens first..last; the name mentions it overlaps go.
void TypeRefiner::AddWork(long first, long last, float confidence) {
  uint32_t begin = layout_.tokens[first].byte_begin, end = layout_.tokens[last].byte_end;
  DropOverlaps(begin, end);
  add_.push_back(Mention{begin, end, EntityType::kWork, confidence, -1, false});
}

int TypeRefiner::TypeAt(long i) {
  if (!types_built_) {
    span_of_.clear();
    for (const Mention& m : *mentions_) {
      long a = IsNameType(m.type) ? TokenAt(layout_, m.byte_begin) : -1, b = a < 0 ? -1 : TokenEndingAt(layout_, m.byte_end);
      span_of_.emplace_back(b < 0 ? -1 : a, b);
    }
    type_of_token_.assign(tk_.size(), -1);
    Paint(0, static_cast<long>(tk_.size()) - 1);
    types_built_ = true;
  }
  return type_of_token_[i];
}

void TypeRefiner::Paint(long lo, long hi) {
  for (size_t k = 0; k < mentions_->size(); ++k) {
    const auto [a, b] = span_of_[k];
    if (a < 0 || b < lo || a > hi) continue;
    for (long t = std::max(a, lo); t <= std::min(b, hi); ++t) type_of_token_[t] = static_cast<int>((*mentions_)[k].type);
  }
}

void TypeRefiner::DropOverlaps(uint32_t begin, uint32_t end) {
  auto overlaps = [&](const Mention& m) { return IsNameType(m.type) && m.byte_begin < end && begin < m.byte_end; };
  if (!types_built_) {
    mentions_->erase(std::remove_if(mentions_->begin(), mentions_->end(), overlaps), mentions_->end());
    return;
  }
  std::vector<std::pair<long, long>> gone;
  size_t kept = 0;
  for (size_t k = 0; k < mentions_->size(); ++k) {
    if (overlaps((*mentions_)[k])) {
      if (span_of_[k].first >= 0) gone.push_back(span_of_[k]);
      continue;
    }
    if (kept != k) {
      (*mentions_)[kept] = (*mentions_)[k];
      span_of_[kept] = span_of_[k];
    }
    ++kept;
  }
  mentions_->erase(mentions_->begin() + static_cast<long>(kept), mentions_->end());
  span_of_.resize(kept);
  for (const auto [a, b] : gone) {
    for (long t = a; t <= b; ++t) type_of_token_[t] = -1;
    Paint(a, b);
  }
}

}  // namespace

void RefineTypes(const Document& doc, const TextLayout& layout, const Gazetteer* gaz, std::vector<Mention>* mentions) {
  TypeRefiner(doc, layout, gaz, mentions).Run();
}

void TrimSentenceOpeners(const Document& doc, const TextLayout& layout, const Gazetteer* gaz,
                         std::vector<Mention>* mentions) {
  if (!gaz) return;
  std::vector<bool> opens(layout.tokens.size(), false);  // the first word of a sentence
  for (const Sentence& s : layout.sentences) {
    uint32_t t = s.token_begin;
    while (t < s.token_end && layout.tokens[t].kind != TokenKind::kWord) ++t;  // an opening quote
    if (t < s.token_end) opens[t] = true;
  }
  Toks tk{doc, layout, {}};
  for (size_t t = 1; t < tk.size(); ++t)
    if (tk.Text(t - 1) == "(" || tk.Text(t - 1) == ":") opens[t] = true;  // "(Although X's …)", "Caption: Luckily X"

  for (Mention& m : *mentions) {
    if (m.type != EntityType::kPerson) continue;
    long a = TokenAt(layout, m.byte_begin), b = TokenEndingAt(layout, m.byte_end);
    if (a < 0 || b <= a || !opens[a]) continue;
    const std::string& w = tk.Lower(a);
    const WordEntry* e = gaz->FindWord(HashBytes(w, kGazetteerSeed));
    constexpr uint16_t kName = kFirstName | kSurname | kTitleWord;
    if (e && (e->classes & kName)) continue;
    // Subordinators and discourse adverbs that open a sentence; an "-ly" word that is no name.
    const bool opener = IsIn(w, {"although", "though", "while", "when", "whenever", "after", "before", "since",
                                 "because", "if", "unlike", "meanwhile", "however", "once", "until", "despite"}) ||
                        (w.size() > 4 && w.ends_with("ly"));
    if (!opener) continue;
    m.byte_begin = layout.tokens[a + 1].byte_begin;  // "Luckily Kourtney" -> "Kourtney"
  }
}

void NarrowHeadlineSpansToPeople(const Document& doc, std::vector<Mention>* mentions) {
  auto text = [&](const Mention& m) {
    return std::string_view(doc.text).substr(m.byte_begin, m.byte_end - m.byte_begin);
  };
  std::vector<std::string_view> people;  // full names (two words or more)
  for (const Mention& m : *mentions)
    if (m.type == EntityType::kPerson && text(m).find(' ') != std::string_view::npos) people.push_back(text(m));
  for (Mention& m : *mentions) {
    if (m.type != EntityType::kLoc && m.type != EntityType::kOrg && m.type != EntityType::kMisc) continue;
    if (m.byte_begin < doc.title_byte_begin || m.byte_end > doc.title_byte_end) continue;
    const std::string_view t = text(m);
    for (std::string_view p : people) {
      const size_t at = p.size() < t.size() ? t.find(p) : std::string_view::npos;
      if (at == std::string_view::npos) continue;
      if ((at > 0 && t[at - 1] != ' ') || (at + p.size() < t.size() && t[at + p.size()] != ' ')) continue;
      m.byte_begin += static_cast<uint32_t>(at);
      m.byte_end = m.byte_begin + static_cast<uint32_t>(p.size());
      m.type = EntityType::kPerson;
      break;
    }
  }
}

}  // namespace hearsay::entities
