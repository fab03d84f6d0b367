// Feature templates of the tagger, the transition parser and the arc labeller. Template
// ids are the first argument of F(); changing any template means bumping
// kSyntaxFeatureVersion (internal/model.h) and retraining.
#include <algorithm>

#include "syntax/internal/model.h"

namespace hearsay::syntax {
namespace {

constexpr uint64_t kNone = 0x4E4F4E45ull;    // absent word
constexpr int kNoTag = 250;

// ASCII case folding; typographic quotes, apostrophes and dashes to ASCII.
void Normalize(std::string_view form, std::string* norm, std::string* lower) {
  norm->clear();
  for (size_t i = 0; i < form.size(); ++i) {
    auto c = static_cast<unsigned char>(form[i]);
    if (c == 0xE2 && i + 2 < form.size() && static_cast<unsigned char>(form[i + 1]) == 0x80) {
      auto d = static_cast<unsigned char>(form[i + 2]);
      if (d == 0x98 || d == 0x99) { norm->push_back('\''); i += 2; continue; }
      if (d == 0x9C || d == 0x9D || d == 0x9E) { norm->push_back('"'); i += 2; continue; }
      if (d == 0x93 || d == 0x94) { norm->append("--"); i += 2; continue; }
    }
    norm->push_back(static_cast<char>(c));
  }
  *lower = *norm;
  for (char& c : *lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
}

std::string Shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (unsigned char c : s) {
    char k = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd'
             : c >= 0x80 ? 'u' : static_cast<char>(c);
    run = (k == last) ? run + 1 : 1;
    last = k;
    if (run <= 2) out.push_back(k);
    if (out.size() >= 8) break;
  }
  return out;
}

// Suffix of the last n bytes (whole string if shorter), never splitting a UTF-8 sequence start.
uint64_t Suffix(std::string_view s, size_t n, uint64_t tmpl) {
  return F(tmpl, HashStr(s.substr(s.size() > n ? s.size() - n : 0)));
}

}  // namespace

bool IsClosedXpos(std::string_view x) {
  static const char* kClosed[] = {"MD", "VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "TO", "IN", "RP",
                                  "POS", "WDT", "WP", "WRB", "EX", "DT", "CC", "PRP", "WP$", "PRP$"};
  for (const char* c : kClosed)
    if (x == c) return true;
  return false;
}

WordInfo MakeWordInfo(std::string_view form) {
  WordInfo w;
  Normalize(form, &w.norm, &w.lower);
  const std::string& l = w.lower;
  w.form = HashStr(w.norm);
  w.low = HashStr(l);
  w.suf1 = Suffix(l, 1, 11);
  w.suf2 = Suffix(l, 2, 12);
  w.suf3 = Suffix(l, 3, 13);
  w.suf4 = Suffix(l, 4, 14);
  w.pre1 = F(15, HashStr(std::string_view(w.norm).substr(0, 1)));
  w.pre2 = F(16, HashStr(std::string_view(l).substr(0, 2)));
  w.shape = F(17, HashStr(Shape(w.norm)));
  return w;
}

int TagFeatures(const std::vector<WordInfo>& w, size_t i, const int* tags, uint64_t* out) {
  const size_t n = w.size();
  auto low = [&](long k) { return k < 0 || k >= long(n) ? kNone : w[k].low; };
  auto suf3 = [&](long k) { return k < 0 || k >= long(n) ? kNone : w[k].suf3; };
  auto cl = [&](long k) { return k < 0 || k >= long(n) ? kNone : w[k].cluster; };
  const long j = long(i);
  const uint64_t t1 = i >= 1 ? uint64_t(tags[i - 1]) : kNoTag, t2 = i >= 2 ? uint64_t(tags[i - 2]) : kNoTag;
  const WordInfo& x = w[i];
  int k = 0;
  out[k++] = F(100, 1);
  out[k++] = F(101, x.low);
  out[k++] = F(102, x.suf3);
  out[k++] = F(103, x.suf2);
  out[k++] = F(104, x.suf1);
  out[k++] = F(105, x.suf4);
  out[k++] = F(106, x.pre1);
  out[k++] = F(107, x.shape);
  out[k++] = F(108, x.form);
  out[k++] = F(109, t1);
  out[k++] = F(110, t2, t1);
  out[k++] = F(111, t1, x.low);
  out[k++] = F(112, low(j - 1));
  out[k++] = F(113, suf3(j - 1));
  out[k++] = F(114, low(j - 2));
  out[k++] = F(115, low(j + 1));
  out[k++] = F(116, suf3(j + 1));
  out[k++] = F(117, low(j + 2));
  out[k++] = F(118, j + 1 < long(n) ? w[i + 1].shape : kNone);
  out[k++] = F(119, low(j - 1), x.low);
  out[k++] = F(120, x.low, low(j + 1));
  out[k++] = F(121, x.cluster);
  out[k++] = F(122, cl(j - 1));
  out[k++] = F(123, cl(j + 1));
  out[k++] = F(124, t1, x.suf3);
  out[k++] = F(125, i == 0, x.shape);
  out[k++] = F(126, t1, low(j + 1));
  out[k++] = F(127, x.pre2);
  out[k++] = F(128, t1, x.cluster);
  out[k++] = F(129, x.cluster, cl(j + 1));
  auto amb = [&](long q) { return q < 0 || q >= long(n) ? kNone : w[q].amb; };
  out[k++] = F(130, x.amb);
  out[k++] = F(131, amb(j + 1));
  out[k++] = F(132, t1, x.amb);
  out[k++] = F(133, x.amb, amb(j + 1));
  out[k++] = F(134, amb(j + 2));
  out[k++] = F(135, low(j - 1), x.suf3);
  out[k++] = F(136, x.suf3, low(j + 1));
  return k;
}

}  // namespace hearsay::syntax
