#include "common/utf8.h"

#include <string>
#include <string_view>
#include <vector>

namespace hearsay::utf8 {

int SequenceLength(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  auto cont = [&](size_t k) {
    return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0; // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0; // > U+10FFFF
    return 4;
  }
  return 0;
}

uint32_t RepairUtf8(std::string& text, uint64_t* first_bad_byte) {
  uint32_t replaced = 0;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    int len = SequenceLength(text, i);
    if (len == 0) {
      if (replaced == 0 && first_bad_byte) *first_bad_byte = i;
      text[i] = '?';
      ++replaced;
      ++i;
    } else {
      i += len;
    }
  }
  return replaced;
}

char32_t Decode(std::string_view s, size_t i, int* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { *len = 1; return b0; }
  int n = SequenceLength(s, i);
  if (n == 0) { *len = 1; return 0xFFFD; }
  *len = n;
  char32_t c = n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0xC0 && c <= 0x24F) return true;   // Latin-1 supplement letters, Latin Extended A/B
  if (c >= 0x250 && c <= 0x2AF) return true;  // IPA
  if (c >= 0x370 && c <= 0x3FF) return c != 0x37E && c != 0x387;  // Greek
  if (c >= 0x400 && c <= 0x52F) return true;  // Cyrillic
  if (c >= 0x1E00 && c <= 0x1FFF) return true;  // Latin Extended Additional, Greek Extended
  if (c >= 0x3040 && c <= 0x9FFF) return true;  // kana, CJK
  if (c >= 0xAC00 && c <= 0xD7A3) return true;  // Hangul
  return false;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0;  // Latin Extended-A alternates upper/lower
  if (c >= 0x391 && c <= 0x3AB) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

bool IsDash(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

bool IsQuoteMark(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F ||
         c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0xAB || c == 0xBB;
}

bool IsOpeningQuote(char32_t c) {
  return c == 0x201C || c == 0x201E || c == 0x2018 || c == 0x201A || c == 0xAB;
}

namespace {

// Latin-1 Supplement U+00C0..U+00FF and Latin Extended-A U+0100..U+017F folded to one ASCII
// letter; '*' marks the two-letter foldings handled in FoldChar, ' ' a non-letter.
constexpr std::string_view kLatin1 = "aaaaaa*ceeeeiiiidnooooo ouuuuy**aaaaaa*ceeeeiiiidnooooo ouuuuy*y";
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Appends the folded form of code point `c` to `out`: ASCII letters and digits lower-cased,
// Latin letters without their accents, apostrophes dropped, everything else a space.
void FoldChar(char32_t c, std::string_view raw, std::string& out) {
  if (c < 0x80) {
    char ch = static_cast<char>(c);
    if (ch >= 'A' && ch <= 'Z') out.push_back(static_cast<char>(ch - 'A' + 'a'));
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out.push_back(ch);
    else if (ch == '\'' || ch == '.') return;  // "O'Brien" = "OBrien", "J.Lo" = "JLo"
    else out.push_back(' ');
    return;
  }
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC) return;  // curly apostrophes
  char folded = 0;
  if (c >= 0xC0 && c <= 0xFF) folded = kLatin1[c - 0xC0];
  else if (c >= 0x100 && c <= 0x17F) folded = kLatinExtA[c - 0x100];
  if (folded == '*') {
    switch (c) {
      case 0xC6: case 0xE6: out += "ae"; return;
      case 0xDE: case 0xFE: out += "th"; return;
      case 0xDF: out += "ss"; return;
      case 0x132: case 0x133: out += "ij"; return;
      default: out += "oe"; return;  // U+0152, U+0153
    }
  }
  if (folded != 0) {
    out.push_back(folded);
    return;
  }
  if (IsLetter(c)) out.append(raw);  // other scripts: kept as written
  else out.push_back(' ');
}

}  // namespace

std::vector<std::string> FoldedWords(std::string_view name) {
  for (std::string_view tail : {"'s", "\xE2\x80\x99s"})
    if (name.size() > tail.size() && name.substr(name.size() - tail.size()) == tail) name.remove_suffix(tail.size());
  std::string folded;
  for (size_t i = 0; i < name.size();) {
    int len = SequenceLength(name, i);
    if (len <= 0) {
      ++i;
      continue;
    }
    int decoded_len = 0;
    char32_t c = Decode(name, i, &decoded_len);
    FoldChar(c, name.substr(i, len), folded);
    i += len;
  }
  std::vector<std::string> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) words.emplace_back(folded.substr(i, j - i));
    i = j;
  }
  return words;
}


}  // namespace hearsay::utf8
