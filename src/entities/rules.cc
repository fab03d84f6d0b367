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

void FindRuleMentions(const Document& doc, const TextLayout& layout, std::vector<Mention>* mentions) {
  Toks tk{doc, layout, {}};
  auto sent = SentenceOfToken(layout);
  std::vector<Mention> add;
  auto same_sentence = [&](size_t a, size_t b) { return b < tk.size() && sent[a] == sent[b] && sent[a] != UINT32_MAX; };
  auto push = [&](size_t first, size_t last, EntityType type) {
    add.push_back(Mention{layout.tokens[first].byte_begin, layout.tokens[last].byte_end, type, 1.0f, -1, false});
  };
  std::vector<bool> used(tk.size(), false);
  for (size_t i = 0; i < tk.size(); ++i) {
    const Token& k = layout.tokens[i];
    if (k.kind == TokenKind::kHandle) {
      push(i, i, EntityType::kHandle);
      continue;
    }
    const std::string& lw = tk.Lower(i);
    // Ages: "62-year-old", "62-year-old's"; "62-year" "old"; "62" "-" "year" "-" "old".
    {
      int v = 0;
      size_t dash = lw.find("-year");
      if (dash != std::string::npos && IsNumber(std::string_view(lw).substr(0, dash), &v) && v > 0 && v < 130) {
        std::string_view rest = std::string_view(lw).substr(dash);
        if (rest.rfind("-year-old", 0) == 0) {
          push(i, i, EntityType::kAge);
          continue;
        }
        if (rest == "-year" && same_sentence(i, i + 1) && tk.Lower(i + 1) == "old") {
          push(i, i + 1, EntityType::kAge);
          continue;
        }
      }
    }
    // Money: "$3", "$3.5 million", "£2 billion".
    if (k.kind == TokenKind::kSymbol && (lw == "$" || lw == "£" || lw == "€") && same_sentence(i, i + 1) &&
        layout.tokens[i + 1].kind == TokenKind::kNumber) {
      size_t last = i + 1;
      if (same_sentence(i, i + 2) && IsIn(tk.Lower(i + 2), {"million", "billion", "thousand", "m", "bn"})) last = i + 2;
      push(i, last, EntityType::kMoney);
      i = last;
      continue;
    }
    // Dates.
    if (used[i]) continue;
    int month = MonthIndex(lw);
    if (month >= 0 && tk.Cap(i)) {
      size_t last = i;
      int v = 0;
      bool day = same_sentence(i, i + 1) && IsNumber(tk.Text(i + 1), &v) && v >= 1 && v <= 31;
      if (day) {
        last = i + 1;
        if (same_sentence(i, i + 3) && tk.Text(i + 2) == "," && IsNumber(tk.Text(i + 3), &v) && v >= 1800) last = i + 3;
      } else if (same_sentence(i, i + 1) && IsNumber(tk.Text(i + 1), &v) && v >= 1800 && v <= 2200) {
        last = i + 1;
      }
      bool cue = i > 0 && same_sentence(i - 1, i) &&
                 IsIn(tk.Lower(i - 1), {"in", "since", "last", "next", "this", "early", "late", "until", "by", "mid", "on",
                                         "from", "of", "before", "after", "during", "through"});
      if (last > i || cue || (month != 4 && month != 2)) {
        // A date preceded by its day: "27 July 2024".
        size_t first = i;
        if (i > 0 && same_sentence(i - 1, i) && IsNumber(tk.Text(i - 1), &v) && v >= 1 && v <= 31) first = i - 1;
        push(first, last, EntityType::kDate);
        for (size_t j = first; j <= last; ++j) used[j] = true;
        i = last;
        continue;
      }
    }
    if (IsWeekday(lw) && tk.Cap(i)) {
      push(i, i, EntityType::kDate);
      continue;
    }
    if (k.kind == TokenKind::kNumber || k.kind == TokenKind::kWord) {
      int v = 0;
      auto w = tk.Text(i);
      // ISO date 2025-05-27.
      if (w.size() == 10 && w[4] == '-' && w[7] == '-' && IsNumber(w.substr(0, 4), &v)) {
        push(i, i, EntityType::kDate);
        continue;
      }
      if (IsNumber(w, &v) && v >= 1900 && v <= 2100 && i > 0 && same_sentence(i - 1, i) &&
          IsIn(tk.Lower(i - 1), {"in", "since", "of", "by", "until", "from", "before", "after", "during", "til", "till"})) {
        push(i, i, EntityType::kDate);
        continue;
      }
    }
  }
  // "Name, 37," -> AGE on the number after a PERSON mention.
  for (const Mention& m : *mentions) {
    if (m.type != EntityType::kPerson) continue;
    long last = TokenEndingAt(layout, m.byte_end);
    if (last < 0 || !same_sentence(last, last + 2)) continue;
    int v = 0;
    if (tk.Text(last + 1) == "," && IsNumber(tk.Text(last + 2), &v) && v > 0 && v < 120 &&
        (!same_sentence(last, last + 3) || IsIn(tk.Text(last + 3), {",", ".", ";", ")", "and", ":"})))
      push(last + 2, last + 2, EntityType::kAge);
  }
  mentions->insert(mentions->end(), add.begin(), add.end());
}

void RefineTypes(const Document& doc, const TextLayout& layout, const Gazetteer* gaz, std::vector<Mention>* mentions) {
  Toks tk{doc, layout, {}};
  auto sent = SentenceOfToken(layout);
  FixGroupsAndShoutedAdverbs(tk, layout, sent, mentions);
  auto same_sentence = [&](long a, long b) {
    return a >= 0 && b >= 0 && static_cast<size_t>(b) < tk.size() && static_cast<size_t>(a) < tk.size() &&
           sent[a] == sent[b] && sent[a] != UINT32_MAX;
  };
  auto phrase_types = [&](long first, long last) -> uint8_t {
    if (!gaz) return 0;
    std::vector<std::string> lowers;
    for (long i = first; i <= last; ++i) lowers.push_back(tk.Lower(i));
    std::vector<std::string_view> views(lowers.begin(), lowers.end());
    return gaz->FindPhrase(Gazetteer::PhraseHash(views));
  };
  auto lower_at = [&](long i) { return i >= 0 && static_cast<size_t>(i) < tk.size() ? tk.Lower(i) : std::string(); };
  std::vector<bool> covered(tk.size(), false);
  for (const Mention& m : *mentions) {
    long a = TokenAt(layout, m.byte_begin), b = TokenEndingAt(layout, m.byte_end);
    if (a < 0 || b < 0) continue;
    for (long i = a; i <= b; ++i) covered[i] = true;
  }
  auto is_outlet_cue_before = [&](long first) {
    std::string p1 = lower_at(first - 1), p2 = lower_at(first - 2);
    if (!same_sentence(first - 1, first)) return false;
    if (IsIn(p1, {"told", "tells", "telling", "tell"})) return true;
    if (p1 == "to" && p2 == "according") return true;
    if (p1 == "toradaronline") return true;
    return false;
  };
  auto is_outlet_cue_after = [&](long last) {
    if (!same_sentence(last, last + 1)) return false;
    std::string n1 = lower_at(last + 1), n2 = lower_at(last + 2);
    return IsIn(n1, {"reported", "reports", "magazine", "writes", "wrote", "revealed"}) ||
           (IsIn(n1, {"can", "has"}) && IsIn(n2, {"reveal", "learned", "confirmed"}));
  };
  for (Mention& m : *mentions) {
    if (!IsNameType(m.type)) continue;
    long a = TokenAt(layout, m.byte_begin), b = TokenEndingAt(layout, m.byte_end);
    if (a < 0 || b < 0) continue;
    uint8_t types = phrase_types(a, b);
    bool domain = a == b && layout.tokens[a].kind == TokenKind::kUrl && tk.Text(a).find('/') == std::string_view::npos;
    if (m.type == EntityType::kOrg || m.type == EntityType::kMisc) {
      if ((types & kPhraseOutlet) || domain || is_outlet_cue_before(a) || is_outlet_cue_after(b)) m.type = EntityType::kOutlet;
      else if ((types & kPhraseWork) && m.type == EntityType::kMisc) m.type = EntityType::kWork;
    } else if (m.type == EntityType::kPerson) {
      std::string last = tk.Lower(b);
      bool head = b > a && IsIn(last, {"news", "daily", "weekly", "magazine", "online", "times", "post", "journal", "tribune",
                                       "herald", "gazette", "tv", "radio", "network", "media", "images", "press"});
      if (domain || head || ((types & kPhraseOutlet) && (is_outlet_cue_before(a) || is_outlet_cue_after(b))))
        m.type = EntityType::kOutlet;
    }
    // Holidays: "Valentine's Day", "Mother's Day", "New Year's Eve" are events (MISC).
    if (same_sentence(b, b + 2) && IsIn(lower_at(b + 1), {"'s", "’s"}) && IsIn(lower_at(b + 2), {"day", "eve"}) &&
        tk.Cap(b + 2)) {
      m.type = EntityType::kMisc;
      m.byte_end = layout.tokens[b + 2].byte_end;
      for (long i = a; i <= b + 2; ++i) covered[i] = true;
    }
  }
  // Photo credits: "(Photo by A B/Agency Name via Other Agency for Client)": the runs after
  // "/", "via" and "for" are agencies or companies (OUTLET unless already a name mention).
  for (size_t i = 1; i + 1 < tk.size(); ++i) {
    std::string_view w = tk.Text(i);
    if (!(w == "/" || tk.Lower(i) == "via")) continue;
    bool credit = false;
    for (long j = static_cast<long>(i) - 1; j >= 0 && j + 8 >= static_cast<long>(i) && same_sentence(j, i); --j)
      if (IsIn(tk.Lower(j), {"photo", "photos", "credit", "image", "picture"})) credit = true;
    if (!credit || !tk.Cap(i + 1) || covered[i + 1] || !same_sentence(i, i + 1)) continue;
    size_t j = i + 1;
    while (j + 1 < tk.size() && j - i < 4 && same_sentence(i, j + 1) && tk.Cap(j + 1) && !covered[j + 1]) ++j;
    mentions->push_back(Mention{layout.tokens[i + 1].byte_begin, layout.tokens[j].byte_end, EntityType::kOutlet, 0.7f, -1, false});
    for (size_t x = i + 1; x <= j; ++x) covered[x] = true;
  }
  std::vector<Mention> add;
  // Bare domain names and capitalised runs after outlet cues that the tagger left out.
  for (size_t i = 0; i < tk.size(); ++i) {
    if (covered[i]) continue;
    const Token& k = layout.tokens[i];
    if (k.kind == TokenKind::kUrl && tk.Text(i).find('/') == std::string_view::npos && tk.Cap(i)) {
      add.push_back(Mention{k.byte_begin, k.byte_end, EntityType::kOutlet, 0.7f, -1, false});
      covered[i] = true;
      continue;
    }
    if (!tk.Cap(i) || !is_outlet_cue_before(static_cast<long>(i))) continue;
    size_t j = i;
    while (j + 1 < tk.size() && j - i < 3 && same_sentence(i, j + 1) && tk.Cap(j + 1) && !covered[j + 1]) ++j;
    bool stop_after = !same_sentence(i, j + 1) || !tk.Cap(j + 1);
    std::string first = tk.Lower(i);
    const WordEntry* e = gaz ? gaz->FindWord(HashBytes(first, kGazetteerSeed)) : nullptr;
    bool person_like = e && (e->classes & (kFirstNameCommon | kTitleWord));
    if (stop_after && !person_like) {
      add.push_back(Mention{k.byte_begin, layout.tokens[j].byte_end, EntityType::kOutlet, 0.6f, -1, false});
      for (size_t x = i; x <= j; ++x) covered[x] = true;
    }
  }
  // Works: "the <Title> actor/actress/star", work nouns before a quoted title.
  // Name type per token (that of the last name mention covering it), built on first use and
  // repainted where drop_overlaps removes mentions; span_of[k] is mention k's token range
  // ({-1, -1}: not a name, or not on token boundaries).
  std::vector<int> type_of_token;
  std::vector<std::pair<long, long>> span_of;
  bool types_built = false;
  auto paint = [&](long lo, long hi) {
    for (size_t k = 0; k < mentions->size(); ++k) {
      const auto [a, b] = span_of[k];
      if (a < 0 || b < lo || a > hi) continue;
      for (long t = std::max(a, lo); t <= std::min(b, hi); ++t) type_of_token[t] = static_cast<int>((*mentions)[k].type);
    }
  };
  auto type_at = [&](long i) -> int {
    if (!types_built) {
      span_of.clear();
      for (const Mention& m : *mentions) {
        long a = IsNameType(m.type) ? TokenAt(layout, m.byte_begin) : -1, b = a < 0 ? -1 : TokenEndingAt(layout, m.byte_end);
        span_of.emplace_back(b < 0 ? -1 : a, b);
      }
      type_of_token.assign(tk.size(), -1);
      paint(0, static_cast<long>(tk.size()) - 1);
      types_built = true;
    }
    return type_of_token[i];
  };
  auto drop_overlaps = [&](uint32_t begin, uint32_t end) {
    auto overlaps = [&](const Mention& m) { return IsNameType(m.type) && m.byte_begin < end && begin < m.byte_end; };
    if (!types_built) {
      mentions->erase(std::remove_if(mentions->begin(), mentions->end(), overlaps), mentions->end());
      return;
    }
    std::vector<std::pair<long, long>> gone;
    size_t kept = 0;
    for (size_t k = 0; k < mentions->size(); ++k) {
      if (overlaps((*mentions)[k])) {
        if (span_of[k].first >= 0) gone.push_back(span_of[k]);
        continue;
      }
      if (kept != k) {
        (*mentions)[kept] = (*mentions)[k];
        span_of[kept] = span_of[k];
      }
      ++kept;
    }
    mentions->erase(mentions->begin() + static_cast<long>(kept), mentions->end());
    span_of.resize(kept);
    for (const auto [a, b] : gone) {
      for (long t = a; t <= b; ++t) type_of_token[t] = -1;
      paint(a, b);
    }
  };
  for (size_t i = 1; i < tk.size(); ++i) {
    const std::string& lw = tk.Lower(i);
    if (!IsIn(lw, {"actor", "actress", "star", "co-star", "costar", "director", "franchise", "alum", "hitmaker", "creator",
                   "showrunner", "frontman", "singer", "universe", "saga", "trilogy", "sequel", "films", "movies", "character"}))
      continue;
    long last = static_cast<long>(i) - 1;
    if (!same_sentence(last, i) || !tk.Cap(last)) continue;
    long first = last;
    while (first - 1 >= 0 && same_sentence(first - 1, last) &&
           (tk.Cap(first - 1) ||
            ((tk.Text(first - 1) == ":" || IsIn(tk.Lower(first - 1), {"of", "the", "to", "in", "and"})) && first - 2 >= 0 &&
             tk.Cap(first - 2) && same_sentence(first - 2, last))))
      --first;
    // A capitalised determiner at sentence start belongs to the sentence, not the title.
    while (first < last && IsIn(tk.Lower(first), {"the", "a", "an"})) ++first;
    if (IsIn(tk.Lower(first), {"the", "a", "an", "he", "she", "they", "his", "her"})) continue;
    // The span must not be a person, place, organisation or nationality.
    bool skip = false;
    for (long t = first; t <= last && !skip; ++t) {
      int ty = type_at(t);
      if (ty == static_cast<int>(EntityType::kLoc) || ty == static_cast<int>(EntityType::kOrg) ||
          ty == static_cast<int>(EntityType::kOutlet))
        skip = true;
    }
    // "Oscar-winning actor", "Cuban-born actress", "London-based star": qualifiers, not titles.
    for (long t = first; t <= last && !skip; ++t) {
      std::string_view w = tk.Text(t);
      size_t dash = w.find('-');
      if (dash != std::string_view::npos && dash + 1 < w.size() && w[dash + 1] >= 'a' && w[dash + 1] <= 'z') skip = true;
    }
    // "the <Org> actress": one ORG word right after "the" before actor/actress reads as a title.
    if (skip && first == last && type_at(first) == static_cast<int>(EntityType::kOrg) && lower_at(first - 1) == "the" &&
        IsIn(lw, {"actor", "actress"}))
      skip = false;
    uint8_t types = phrase_types(first, last);
    if (types & (kPhraseMisc | kPhraseOutlet)) skip = true;
    if (first == last && type_at(first) == static_cast<int>(EntityType::kPerson)) {
      // One capitalised word tagged PERSON before "actor": a work only if not a known name.
      const WordEntry* e = gaz ? gaz->FindWord(HashBytes(tk.Lower(first), kGazetteerSeed)) : nullptr;
      if (e && (e->classes & (kFirstNameCommon | kSurnameCommon))) skip = true;
    }
    // "Hollywood star", "Oscar-winning actor" style words are not titles: need the span to be
    // preceded by a determiner, a possessive, a number/age or the sentence start.
    std::string before = lower_at(first - 1);
    bool det = !same_sentence(first - 1, first) ||
               IsIn(before, {"the", "a", "an", "'s", "’s", "former", "ex", ",", "with", "and", "fellow", "his", "her", "their"}) ||
               before.find("-year") != std::string::npos || before == "old";
    if (skip || !det) continue;
    // The word after "star" etc. is often the person; keep it.
    uint32_t begin = layout.tokens[first].byte_begin, end = layout.tokens[last].byte_end;
    drop_overlaps(begin, end);
    add.push_back(Mention{begin, end, EntityType::kWork, 0.7f, -1, false});
  }
  for (size_t i = 0; i + 2 < tk.size(); ++i) {
    const std::string& lw = tk.Lower(i);
    if (!IsIn(lw, {"film", "films", "movie", "movies", "series", "show", "shows", "album", "song", "single", "novel", "book",
                   "documentary", "sitcom", "musical", "thriller", "drama", "comedy", "franchise", "sequel"}))
      continue;
    // Opening quote within three tokens ("films such as "X"").
    size_t q = i + 1;
    while (q < i + 4 && q < tk.size() && layout.tokens[q].kind != TokenKind::kQuote) ++q;
    if (q >= tk.size() || layout.tokens[q].kind != TokenKind::kQuote || !same_sentence(i, q)) continue;
    size_t j = q + 1;
    while (j < tk.size() && j - q <= 10 && layout.tokens[j].kind != TokenKind::kQuote && same_sentence(q, j)) ++j;
    if (j >= tk.size() || layout.tokens[j].kind != TokenKind::kQuote || j == q + 1 || !tk.Cap(q + 1)) continue;
    size_t last = j - 1;
    while (last > q + 1 && (tk.Text(last) == "," || tk.Text(last) == ".")) --last;
    uint32_t begin = layout.tokens[q + 1].byte_begin, end = layout.tokens[last].byte_end;
    drop_overlaps(begin, end);
    add.push_back(Mention{begin, end, EntityType::kWork, 0.8f, -1, false});
  }
  // Unquoted title right after a work noun: "the action thriller Ballerina".
  for (size_t i = 0; i + 1 < tk.size(); ++i) {
    if (!IsIn(tk.Lower(i), {"film", "movie", "thriller", "comedy", "drama", "documentary", "sitcom", "series", "album",
                            "single", "song", "novel", "book", "biopic", "musical"}))
      continue;
    size_t first = i + 1;
    if (!same_sentence(i, first) || !tk.Cap(first) || i == 0 || !same_sentence(i - 1, i) || tk.Cap(i)) continue;
    // Headlines and headings are in title case throughout; the cue means nothing there.
    const Sentence& st = layout.sentences[sent[i]];
    if (st.paragraph_idx < layout.paragraphs.size() && layout.paragraphs[st.paragraph_idx].kind != BlockKind::kBody) continue;
    size_t last = first;
    while (last + 1 < tk.size() && last - first < 6 && same_sentence(first, last + 1) &&
           (tk.Cap(last + 1) || (IsIn(tk.Lower(last + 1), {"of", "the", "to", "in", "and", ":"}) && last + 2 < tk.size() &&
                                 tk.Cap(last + 2))))
      ++last;
    bool skip = false;
    for (size_t t = first; t <= last; ++t) {
      int ty = type_at(static_cast<long>(t));
      if (ty == static_cast<int>(EntityType::kPerson) || ty == static_cast<int>(EntityType::kLoc) ||
          ty == static_cast<int>(EntityType::kOutlet) || ty == static_cast<int>(EntityType::kWork))
        skip = true;
    }
    if (skip) continue;
    uint32_t begin = layout.tokens[first].byte_begin, end = layout.tokens[last].byte_end;
    drop_overlaps(begin, end);
    add.push_back(Mention{begin, end, EntityType::kWork, 0.7f, -1, false});
  }
  mentions->insert(mentions->end(), add.begin(), add.end());
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
