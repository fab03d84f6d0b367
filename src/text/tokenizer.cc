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

// One left-to-right pass over [i, end): each Scan* step recognises one kind of token at
// the cursor, emits it and advances, or returns false and leaves the cursor alone.
class Scanner {
 public:
  Scanner(std::string_view t, size_t begin, size_t end, std::vector<Token>* out)
      : t_(t), i_(begin), end_(end), out_(out) {}

  void Run() {
    while (i_ < end_) {
      auto c = static_cast<unsigned char>(t_[i_]);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
        ++i_;
        space_ = true;
        continue;
      }
      int len = 1;
      char32_t cp = c;
      if (c >= 0x80) {
        cp = utf8::Decode(t_, i_, &len);
        if (i_ + len > end_) len = static_cast<int>(end_ - i_);
        if (utf8::IsSpace(cp)) {
          i_ += len;
          space_ = true;
          continue;
        }
      }
      if (ScanUrl(c) || ScanHandle(c) || ScanWord(c) || ScanQuote(c, cp, len)) continue;
      ScanPunct(c, cp, len);
    }
  }

 private:
  // A word's extent as the inner loop of ScanWord found it.
  struct WordScan {
    size_t end;
    bool all_digits;
    bool has_period;
  };

  void Emit(size_t b, size_t e, TokenKind k) {
    out_->push_back(Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), k, space_});
    space_ = false;
  }

  // "http://", "https://" and "www.x" run to the next space or quote mark.
  bool ScanUrl(unsigned char c) {
    bool url = ((c == 'h' || c == 'H') &&
                (StartsWithAt(t_, i_, end_, "http://") || StartsWithAt(t_, i_, end_, "https://"))) ||
               ((c == 'w' || c == 'W') && StartsWithAt(t_, i_, end_, "www.") && i_ + 4 < end_ &&
                IsAsciiAlnum(t_[i_ + 4]));
    if (!url) return false;
    size_t j = UrlEnd(t_, i_, end_);
    Emit(i_, j, TokenKind::kUrl);
    i_ = j;
    return true;
  }

  // "@name" and "#tag": letters, digits and underscores after the sign.
  bool ScanHandle(unsigned char c) {
    if ((c != '@' && c != '#') || i_ + 1 >= end_) return false;
    size_t j = i_ + 1;
    int l = 1;
    while (j < end_ && (AlnumAt(t_, j, end_, &l) || t_[j] == '_')) j += (t_[j] == '_') ? 1 : l;
    if (j == i_ + 1) return false;
    Emit(i_, j, c == '@' ? TokenKind::kHandle : TokenKind::kHashtag);
    i_ = j;
    return true;
  }

  bool ScanWord(unsigned char c) {
    int l = 1;
    if (!AlnumAt(t_, i_, end_, &l)) return false;
    size_t b = i_;
    WordScan w = WordExtent(b, b + l, IsAsciiDigit(c));
    size_t j = w.end;
    std::string_view word = t_.substr(b, j - b);
    TokenKind kind = WordKind(word, w);
    // Keep the final period of abbreviations and initials ("Mr.", "J.", "U.K.").
    if (kind == TokenKind::kWord && j < end_ && t_[j] == '.') {
      bool initial = word.size() == 1 && IsAsciiUpper(word[0]);
      bool dotted = w.has_period && word.size() >= 3;
      if (initial || dotted || IsAbbreviation(word)) ++j;
    }
    if (kind == TokenKind::kWord) b = SplitGluedFunctionWord(b, j);
    Emit(b, j, kind);
    i_ = j;
    return true;
  }

  // Letters and digits from j on, with the connectors that stay inside a word.
  WordScan WordExtent(size_t b, size_t j, bool all_digits) {
    bool has_period = false;
    while (j < end_) {
      auto d = static_cast<unsigned char>(t_[j]);
      // ASCII letters and digits first (most bytes of a word); same result as AlnumAt.
      if (d < 0x80 && IsAsciiAlnum(d)) {
        all_digits = all_digits && IsAsciiDigit(d);
        ++j;
        continue;
      }
      int ll = 1;
      if (AlnumAt(t_, j, end_, &ll)) {
        if (!(d >= '0' && d <= '9')) all_digits = false;
        j += ll;
        continue;
      }
      size_t next = InnerConnectorEnd(b, j, d, all_digits, &has_period);
      if (next == j) break;
      if (d != '.' && d != ',') all_digits = false;
      j = next;
    }
    return WordScan{j, all_digits, has_period};
  }

  // The end of the inner connector at j that keeps the word going (j when none does): a
  // hyphen or underscore before a letter, an apostrophe inside a word (not a possessive
  // "'s"), a decimal or dotted period, a thousands comma.
  size_t InnerConnectorEnd(size_t b, size_t j, unsigned char d, bool all_digits, bool* has_period) {
    int ll = 1;
    if (d == '-' || d == '_') return AlnumAt(t_, j + 1, end_, &ll) ? j + 1 : j;
    size_t alen = ApostropheLength(j, d);
    if (alen > 0) {
      if (!AlnumAt(t_, j + alen, end_, &ll)) return j;
      // Possessive 's / ’s is its own token ("Cruise" "'s").
      unsigned char s = t_[j + alen];
      if ((s == 's' || s == 'S') && !AlnumAt(t_, j + alen + 1, end_, &ll)) return j;
      return j + alen;
    }
    if (d == '.' && j + 1 < end_ && AlnumAt(t_, j + 1, end_, &ll)) return PeriodEnd(b, j, all_digits, has_period);
    if (d == ',' && all_digits && j + 3 < end_ && IsAsciiDigit(t_[j + 1]) && IsAsciiDigit(t_[j + 2]) &&
        IsAsciiDigit(t_[j + 3]) && !(j + 4 < end_ && IsAsciiDigit(t_[j + 4])))
      return j + 4;  // 1,000
    return j;
  }

  // 1 for "'", 3 for ’ (U+2019), 0 for anything else.
  size_t ApostropheLength(size_t j, unsigned char d) const {
    if (d == '\'') return 1;
    if (d == 0xE2 && j + 2 < end_ && static_cast<unsigned char>(t_[j + 1]) == 0x80 &&
        static_cast<unsigned char>(t_[j + 2]) == 0x99)
      return 3;
    return 0;
  }

  // A period at j followed by a letter or digit: "3.5", "U.K.", or a domain name.
  size_t PeriodEnd(size_t b, size_t j, bool all_digits, bool* has_period) {
    if (all_digits && IsAsciiDigit(static_cast<unsigned char>(t_[j + 1]))) return j + 1;  // 3.5
    // U.K., e.g.: a single letter before the period.
    size_t seg = j;
    while (seg > b && t_[seg - 1] != '.') --seg;
    if (j - seg == 1) {
      *has_period = true;
      return j + 1;
    }
    // Domain names: RadarOnline.com, pic.twitter.com/x — the run of dotted segments must
    // end in a known top-level domain. A name is at most 253 bytes (RFC 1035), so the scan
    // stops there: unbounded, every word of a long dotted run ("ab.ab.ab…") rescanned the
    // rest of the run (quadratic; found by bench/text_bench BM_Tokenizer_DottedRun).
    const size_t scan_end = std::min<size_t>(end_, b + 254);
    size_t k = j, last_seg = j + 1;
    while (k < scan_end && t_[k] == '.' && k + 1 < scan_end && IsAsciiAlnum(t_[k + 1])) {
      last_seg = k + 1;
      ++k;
      while (k < scan_end && (IsAsciiAlnum(t_[k]) || t_[k] == '-')) ++k;
    }
    if (k - b > 253 || !IsTld(t_.substr(last_seg, k - last_seg))) return j;
    *has_period = true;
    if (k < end_ && t_[k] == '/') k = UrlEnd(t_, k, end_);
    return k;
  }

  // Number ("1990", "30s"), URL (a domain found by the period rule) or word.
  static TokenKind WordKind(std::string_view word, const WordScan& w) {
    if (w.all_digits) return TokenKind::kNumber;
    if (word.size() >= 3 && word.back() == 's' && IsAsciiDigit(word[0])) {
      bool digits = true;
      for (size_t k = 0; k + 1 < word.size(); ++k) digits = digits && IsAsciiDigit(word[k]);
      if (digits) return TokenKind::kNumber;
    }
    if (w.has_period) {
      size_t last = word.rfind('.');
      std::string_view tail = word.substr(last + 1);
      size_t slash = tail.find('/');
      if (slash != std::string_view::npos) tail = tail.substr(0, slash);
      if (IsTld(tail) && word.size() > 4 && word.find('.') > 1) return TokenKind::kUrl;
    }
    return TokenKind::kWord;
  }

  // A function word glued to a capitalised name: "toRadarOnline" -> "to" "RadarOnline".
  // Emits the function word and returns where the rest begins.
  size_t SplitGluedFunctionWord(size_t b, size_t j) {
    std::string_view word = t_.substr(b, j - b);
    if (word.size() < 4 || !IsAsciiLower(word[0])) return b;
    size_t k = 0;
    while (k < word.size() && IsAsciiLower(word[k])) ++k;
    if (k >= 2 && k + 1 < word.size() && IsAsciiUpper(word[k]) && IsAsciiLower(word[k + 1]) &&
        IsGluedFunctionWord(word.substr(0, k))) {
      Emit(b, b + k, TokenKind::kWord);
      return b + k;
    }
    return b;
  }

  // Quotation marks and apostrophes outside words; a possessive clitic right after a word
  // ("Cruise's" -> "Cruise" "'s") is a word.
  bool ScanQuote(unsigned char c, char32_t cp, int len) {
    if (!(c == '"' || c == '\'' || (c >= 0x80 && utf8::IsQuoteMark(cp)))) return false;
    bool apostrophe = c == '\'' || cp == 0x2019;
    int l = 1;
    if (apostrophe && !space_ && i_ + len < end_ && (t_[i_ + len] == 's' || t_[i_ + len] == 'S') &&
        !AlnumAt(t_, i_ + len + 1, end_, &l)) {
      Emit(i_, i_ + len + 1, TokenKind::kWord);
      i_ += len + 1;
      return true;
    }
    Emit(i_, i_ + len, TokenKind::kQuote);
    i_ += len;
    return true;
  }

  // "..." as one token; other punctuation and symbols one character at a time.
  void ScanPunct(unsigned char c, char32_t cp, int len) {
    if (c == '.' && i_ + 2 < end_ && t_[i_ + 1] == '.' && t_[i_ + 2] == '.') {
      size_t j = i_ + 3;
      while (j < end_ && t_[j] == '.') ++j;
      Emit(i_, j, TokenKind::kPunct);
      i_ = j;
      return;
    }
    if (c < 0x80) {
      Emit(i_, i_ + 1, std::strchr(".,;:!?()[]{}-", c) ? TokenKind::kPunct : TokenKind::kSymbol);
      ++i_;
      return;
    }
    bool punct = utf8::IsDash(cp) || cp == 0x2026 || cp == 0xA1 || cp == 0xBF || cp == 0x2022 || cp == 0xB7;
    Emit(i_, i_ + len, punct ? TokenKind::kPunct : TokenKind::kSymbol);
    i_ += len;
  }

  std::string_view t_;
  size_t i_;
  const size_t end_;
  std::vector<Token>* out_;
  bool space_ = true;
};

}  // namespace

void Tokenize(std::string_view t, uint32_t byte_begin, uint32_t byte_end, std::vector<Token>* out) {
  Scanner(t, byte_begin, std::min<size_t>(byte_end, t.size()), out).Run();
}

}  // namespace hearsay::text
