// Tokenizer: one left-to-right pass over bytes with an ASCII fast path.
//
// Compatibility note: token boundaries are part of the shipped tagger's training
// contract (the model was trained on tokens made by these rules); a change here should be
// followed by retraining (`hearsay train ner`).
#include <algorithm>
#include <cstring>

#include "common/utf8.h"
#include "text/text.h"

namespace hearsay::text {
namespace {

inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
inline bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// Letter or digit at text[i] (any script); *len gets the byte length.
inline bool AlnumAt(std::string_view t, size_t i, size_t end, int* len) {
  if (i >= end) return false;
  auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) {
    *len = 1;
    return IsAsciiAlnum(c);
  }
  char32_t cp = utf8::Decode(t, i, len);
  if (i + *len > end) return false;
  return utf8::IsLetter(cp);
}

// Abbreviations that keep their period (lower-cased, without the period).
bool IsAbbreviation(std::string_view w) {
  static const char* kAbbrev[] = {
      "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "rev", "gen", "gov", "sen", "rep", "lt", "col",
      "capt", "sgt", "vs", "etc", "inc", "ltd", "co", "corp", "no", "mt", "ft", "jan", "feb", "mar", "apr",
      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "vol", "al"};
  if (w.size() > 6) return false;
  char buf[8];
  for (size_t i = 0; i < w.size(); ++i) buf[i] = static_cast<char>(w[i] | 0x20);
  std::string_view lw(buf, w.size());
  for (const char* a : kAbbrev)
    if (lw == a) return true;
  return false;
}

bool IsTld(std::string_view w) {
  static const char* kTld[] = {"com", "net", "org", "co", "uk", "tv", "io", "us", "ly", "me", "info", "biz", "fm", "ca", "au", "de", "fr", "es", "it", "news"};
  for (const char* t : kTld)
    if (w.size() == std::strlen(t)) {
      bool eq = true;
      for (size_t i = 0; i < w.size(); ++i) eq = eq && (w[i] | 0x20) == t[i];
      if (eq) return true;
    }
  return false;
}

// Closed-class words that typos glue onto a following name ("toRadarOnline").
bool IsGluedFunctionWord(std::string_view w) {
  static const char* kWords[] = {"to", "of", "in", "at", "by", "on", "for", "from", "with", "and", "the", "via"};
  for (const char* f : kWords)
    if (w == f) return true;
  return false;
}

size_t UrlEnd(std::string_view t, size_t i, size_t end) {
  size_t j = i;
  while (j < end) {
    auto c = static_cast<unsigned char>(t[j]);
    if (c <= ' ') break;
    if (c >= 0x80) {
      int len = 1;
      char32_t cp = utf8::Decode(t, j, &len);
      if (utf8::IsSpace(cp) || utf8::IsQuoteMark(cp) || utf8::IsDash(cp)) break;
      if (j + len > end) break;  // a character the range cuts stays outside it
      j += len;
      continue;
    }
    if (c == '"' || c == '<' || c == '>') break;
    ++j;
  }
  // Trailing punctuation belongs to the sentence, not the URL.
  while (j > i + 1 && std::strchr(".,;:!?)]'", t[j - 1])) --j;
  return j;
}

// Case-insensitive prefix test; the length is a compile-time constant (this runs for
// every word starting with h or w).
template <size_t N>
bool StartsWithAt(std::string_view t, size_t i, size_t end, const char (&prefix)[N]) {
  constexpr size_t n = N - 1;
  if (i + n > end) return false;
  for (size_t k = 0; k < n; ++k)
    if ((t[i + k] | 0x20) != prefix[k]) return false;
  return true;
}

}  // namespace

void Tokenize(std::string_view t, uint32_t byte_begin, uint32_t byte_end, std::vector<Token>* out) {
  size_t i = byte_begin;
  const size_t end = std::min<size_t>(byte_end, t.size());
  bool space = true;
  auto emit = [&](size_t b, size_t e, TokenKind k) {
    out->push_back(Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), k, space});
    space = false;
  };
  while (i < end) {
    auto c = static_cast<unsigned char>(t[i]);
    // White space.
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      ++i;
      space = true;
      continue;
    }
    int len = 1;
    char32_t cp = c;
    if (c >= 0x80) {
      cp = utf8::Decode(t, i, &len);
      if (i + len > end) len = static_cast<int>(end - i);
      if (utf8::IsSpace(cp)) {
        i += len;
        space = true;
        continue;
      }
    }
    // URLs.
    if ((c == 'h' || c == 'H') && (StartsWithAt(t, i, end, "http://") || StartsWithAt(t, i, end, "https://"))) {
      size_t j = UrlEnd(t, i, end);
      emit(i, j, TokenKind::kUrl);
      i = j;
      continue;
    }
    if ((c == 'w' || c == 'W') && StartsWithAt(t, i, end, "www.") && i + 4 < end && IsAsciiAlnum(t[i + 4])) {
      size_t j = UrlEnd(t, i, end);
      emit(i, j, TokenKind::kUrl);
      i = j;
      continue;
    }
    // Handles and hashtags.
    if ((c == '@' || c == '#') && i + 1 < end) {
      size_t j = i + 1;
      int l = 1;
      while (j < end && (AlnumAt(t, j, end, &l) || t[j] == '_')) j += (t[j] == '_') ? 1 : l;
      if (j > i + 1) {
        emit(i, j, c == '@' ? TokenKind::kHandle : TokenKind::kHashtag);
        i = j;
        continue;
      }
    }
    int l = 1;
    if (AlnumAt(t, i, end, &l)) {
      size_t b = i;
      size_t j = i + l;
      bool all_digits = IsAsciiDigit(c);
      bool has_period = false;
      while (j < end) {
        auto d = static_cast<unsigned char>(t[j]);
        // ASCII letters and digits first (most bytes of a word); same result as AlnumAt.
        if (d < 0x80 && IsAsciiAlnum(d)) {
          all_digits = all_digits && IsAsciiDigit(d);
          ++j;
          continue;
        }
        int ll = 1;
        if (AlnumAt(t, j, end, &ll)) {
          if (!(d >= '0' && d <= '9')) all_digits = false;
          j += ll;
          continue;
        }
        // Inner connectors: a connector followed by a letter or digit stays in the word.
        if (d == '-' || d == '_' ) {
          if (AlnumAt(t, j + 1, end, &ll)) { all_digits = false; j += 1; continue; }
          break;
        }
        bool apostrophe = d == '\'';
        size_t alen = 1;
        if (d == 0xE2 && j + 2 < end && static_cast<unsigned char>(t[j + 1]) == 0x80 &&
            static_cast<unsigned char>(t[j + 2]) == 0x99) {
          apostrophe = true;  // ’ U+2019
          alen = 3;
        }
        if (apostrophe) {
          if (!AlnumAt(t, j + alen, end, &ll)) break;
          // Possessive 's / ’s is its own token ("Cruise" "'s").
          unsigned char s = t[j + alen];
          if ((s == 's' || s == 'S') && !AlnumAt(t, j + alen + 1, end, &ll)) break;
          all_digits = false;
          j += alen;
          continue;
        }
        if (d == '.' && j + 1 < end && AlnumAt(t, j + 1, end, &ll)) {
          if (all_digits && IsAsciiDigit(static_cast<unsigned char>(t[j + 1]))) { j += 1; continue; }  // 3.5
          // U.K., e.g.: a single letter before the period.
          size_t seg = j;
          while (seg > b && t[seg - 1] != '.') --seg;
          if (j - seg == 1) { has_period = true; j += 1; continue; }
          // Domain names: RadarOnline.com, pic.twitter.com/x — the run of dotted
          // segments must end in a known top-level domain. A name is at most 253 bytes
          // (RFC 1035), so the scan stops there: unbounded, every word of a long dotted
          // run ("ab.ab.ab…") rescanned the rest of the run (quadratic; found by
          // bench/text_bench BM_Tokenizer_DottedRun).
          const size_t scan_end = std::min<size_t>(end, b + 254);
          size_t k = j, last_seg = j + 1;
          while (k < scan_end && t[k] == '.' && k + 1 < scan_end && IsAsciiAlnum(t[k + 1])) {
            last_seg = k + 1;
            ++k;
            while (k < scan_end && (IsAsciiAlnum(t[k]) || t[k] == '-')) ++k;
          }
          if (k - b <= 253 && IsTld(t.substr(last_seg, k - last_seg))) {
            has_period = true;
            j = k;
            if (j < end && t[j] == '/') j = UrlEnd(t, j, end);
            continue;
          }
          break;
        }
        if (d == ',' && all_digits && j + 3 < end && IsAsciiDigit(t[j + 1]) && IsAsciiDigit(t[j + 2]) &&
            IsAsciiDigit(t[j + 3]) && !(j + 4 < end && IsAsciiDigit(t[j + 4]))) {
          j += 4;  // 1,000
          continue;
        }
        break;
      }
      std::string_view word = t.substr(b, j - b);
      TokenKind kind = TokenKind::kWord;
      if (all_digits) kind = TokenKind::kNumber;
      // 30s, 1990s
      if (!all_digits && word.size() >= 3 && (word.back() == 's') && IsAsciiDigit(word[0])) {
        bool digits = true;
        for (size_t k = 0; k + 1 < word.size(); ++k) digits = digits && IsAsciiDigit(word[k]);
        if (digits) kind = TokenKind::kNumber;
      }
      // Domain names and URLs found by the period rule.
      if (has_period) {
        size_t last = word.rfind('.');
        std::string_view tail = word.substr(last + 1);
        size_t slash = tail.find('/');
        if (slash != std::string_view::npos) tail = tail.substr(0, slash);
        if (IsTld(tail) && word.size() > 4 && word.find('.') > 1) kind = TokenKind::kUrl;
      }
      // Keep the final period of abbreviations and initials ("Mr.", "J.", "U.K.").
      if (kind == TokenKind::kWord && j < end && t[j] == '.') {
        bool initial = word.size() == 1 && IsAsciiUpper(word[0]);
        bool dotted = has_period && word.size() >= 3;
        if (initial || dotted || IsAbbreviation(word)) {
          ++j;
          word = t.substr(b, j - b);
        }
      }
      // A function word glued to a capitalised name: "toRadarOnline" -> "to" "RadarOnline".
      if (kind == TokenKind::kWord && word.size() >= 4 && IsAsciiLower(word[0])) {
        size_t k = 0;
        while (k < word.size() && IsAsciiLower(word[k])) ++k;
        if (k >= 2 && k + 1 < word.size() && IsAsciiUpper(word[k]) && IsAsciiLower(word[k + 1]) &&
            IsGluedFunctionWord(word.substr(0, k))) {
          emit(b, b + k, TokenKind::kWord);
          b += k;
        }
      }
      emit(b, j, kind);
      i = j;
      continue;
    }
    // Quotation marks and apostrophes outside words.
    if (c == '"' || c == '\'' || (c >= 0x80 && utf8::IsQuoteMark(cp))) {
      // Possessive clitic right after a word: "Cruise's" -> "Cruise" "'s".
      bool apostrophe = c == '\'' || cp == 0x2019;
      if (apostrophe && !space && i + len < end && (t[i + len] == 's' || t[i + len] == 'S') &&
          !AlnumAt(t, i + len + 1, end, &l)) {
        emit(i, i + len + 1, TokenKind::kWord);
        i += len + 1;
        continue;
      }
      emit(i, i + len, TokenKind::kQuote);
      i += len;
      continue;
    }
    // "..." as one token; other punctuation one character at a time.
    if (c == '.' && i + 2 < end && t[i + 1] == '.' && t[i + 2] == '.') {
      size_t j = i + 3;
      while (j < end && t[j] == '.') ++j;
      emit(i, j, TokenKind::kPunct);
      i = j;
      continue;
    }
    if (c < 0x80) {
      TokenKind k = std::strchr(".,;:!?()[]{}-", c) ? TokenKind::kPunct : TokenKind::kSymbol;
      emit(i, i + 1, k);
      ++i;
      continue;
    }
    bool punct = utf8::IsDash(cp) || cp == 0x2026 || cp == 0xA1 || cp == 0xBF || cp == 0x2022 || cp == 0xB7;
    emit(i, i + len, punct ? TokenKind::kPunct : TokenKind::kSymbol);
    i += len;
  }
}

}  // namespace hearsay::text
