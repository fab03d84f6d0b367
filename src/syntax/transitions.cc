// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with ROOT at
// the end of the buffer, its feature templates, and the arc labeller's templates.
#include <algorithm>

#include "syntax/internal/model.h"

namespace hearsay::syntax {
namespace {

constexpr uint64_t kNone = 0x4E4F4E45ull;
constexpr uint64_t kRootW = 0x524F4F54ull;
constexpr uint64_t kNoTag = 250, kRootTag = 251;

uint64_t DistBucket(int d) {
  d = d < 0 ? -d : d;
  return d <= 4 ? uint64_t(d) : d <= 7 ? 5 : d <= 12 ? 6 : 7;
}

}  // namespace

ParseState::ParseState(int words)
    : n(words), head(words, -1), lc1(words + 1, -1), lc2(words + 1, -1), rc1(words + 1, -1), rc2(words + 1, -1),
      nl(words + 1, 0), nr(words + 1, 0) {
  stack.reserve(words);
}

bool ParseState::Legal(Move m) const {
  switch (m) {
    case kShift: return b < n;
    case kLeft: return !stack.empty() && (b < n || stack.size() == 1);
    case kRight: return stack.size() >= 2;
  }
  return false;
}

void ParseState::Attach(int h, int d) {
  head[d] = h;
  if (d < h) {
    ++nl[h];
    if (lc1[h] < 0 || d < lc1[h]) { lc2[h] = lc1[h]; lc1[h] = d; }
    else if (lc2[h] < 0 || d < lc2[h]) lc2[h] = d;
  } else {
    ++nr[h];
    if (rc1[h] < 0 || d > rc1[h]) { rc2[h] = rc1[h]; rc1[h] = d; }
    else if (rc2[h] < 0 || d > rc2[h]) rc2[h] = d;
  }
}

void ParseState::Apply(Move m) {
  switch (m) {
    case kShift: stack.push_back(b++); break;
    case kLeft: Attach(b, stack.back()); stack.pop_back(); break;
    case kRight: Attach(stack[stack.size() - 2], stack.back()); stack.pop_back(); break;
  }
}

void RoleWords(const ParseState& s, int* words) {
  const int n = s.n;
  auto sk = [&](size_t k) { return s.stack.size() > k ? s.stack[s.stack.size() - 1 - k] : -1; };
  auto ch = [&](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  const int s0 = sk(0), s1 = sk(1), b0 = s.b <= n ? s.b : -1;
  words[kRoleS0] = s0;
  words[kRoleS1] = s1;
  words[kRoleS2] = sk(2);
  words[kRoleB0] = b0;
  words[kRoleB1] = s.b + 1 < n ? s.b + 1 : -1;
  words[kRoleB2] = s.b + 2 < n ? s.b + 2 : -1;
  words[kRoleS0L] = ch(s.lc1, s0);
  words[kRoleS0R] = ch(s.rc1, s0);
  words[kRoleS1R] = ch(s.rc1, s1);
  words[kRoleB0L] = ch(s.lc1, b0);
  words[kRoleS1L] = ch(s.lc1, s1);
}

int RoleFeatures(const std::vector<ParseWord>& w, int role, int i, uint64_t* out) {
  // Per role: templates over the word's form (W), tag (T), both (X) or cluster (C).
  static constexpr struct {
    uint16_t tmpl[4];
    char kind[5];
  } kRoles[kNumRoles] = {
      {{201, 202, 203, 268}, "WTXC"}, {{204, 205, 206, 270}, "WTXC"}, {{216, 215}, "WT"},
      {{207, 208, 209, 269}, "WTXC"}, {{210, 211, 212, 271}, "WTXC"}, {{213, 214}, "WT"},
      {{244, 245}, "WT"},             {{246, 247}, "WT"},             {{248, 249}, "WT"},
      {{250, 251}, "WT"},             {{252}, "T"}};
  const int n = int(w.size());
  const uint64_t wd = i < 0 ? kNone : i == n ? kRootW : w[i].low;
  const uint64_t tg = i < 0 ? kNoTag : i == n ? kRootTag : uint64_t(w[i].tag);
  const uint64_t cl = i < 0 ? kNone : i == n ? kRootW : w[i].cluster;
  int k = 0;
  for (int t = 0; kRoles[role].kind[t]; ++t) {
    const uint64_t tmpl = kRoles[role].tmpl[t];
    switch (kRoles[role].kind[t]) {
      case 'W': out[k++] = F(tmpl, wd); break;
      case 'T': out[k++] = F(tmpl, tg); break;
      case 'X': out[k++] = F(tmpl, wd, tg); break;
      default: out[k++] = F(tmpl, cl); break;
    }
  }
  return k;
}

int ContextFeatures(const std::vector<ParseWord>& w, const ParseState& s, const int* roles, uint64_t* out) {
  const int n = s.n;
  auto W = [&](int i) { return i < 0 ? kNone : i == n ? kRootW : w[i].low; };
  auto T = [&](int i) { return i < 0 ? kNoTag : i == n ? kRootTag : uint64_t(w[i].tag); };
  auto C = [&](int i) { return i < 0 ? kNone : i == n ? kRootW : w[i].cluster; };
  auto ch = [&](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  const int s0 = roles[kRoleS0], s1 = roles[kRoleS1], b0 = roles[kRoleB0];
  const int s0l = roles[kRoleS0L], s0r = roles[kRoleS0R], s1l = roles[kRoleS1L], s1r = roles[kRoleS1R];
  const int s0l2 = ch(s.lc2, s0), s0r2 = ch(s.rc2, s0), b0l = roles[kRoleB0L], b0l2 = ch(s.lc2, b0);
  const uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0);
  const uint64_t b1t = T(roles[kRoleB1]), b2t = T(roles[kRoleB2]), s2t = T(roles[kRoleS2]);
  const uint64_t d0 = s0 >= 0 ? DistBucket(b0 - s0) : 99, d1 = (s0 >= 0 && s1 >= 0) ? DistBucket(s0 - s1) : 99;
  const uint64_t s0nl = s0 >= 0 ? s.nl[s0] : 99, s0nr = s0 >= 0 ? s.nr[s0] : 99, b0nl = b0 >= 0 ? s.nl[b0] : 99;
  int k = 0;
  out[k++] = F(200, 1);
  out[k++] = F(217, F(0, s0w, s0t), b0w, b0t); out[k++] = F(218, s0w, s0t, b0w); out[k++] = F(219, s0w, b0w, b0t);
  out[k++] = F(220, s0w, s0t, b0t); out[k++] = F(221, s0t, b0w, b0t); out[k++] = F(222, s0w, b0w);
  out[k++] = F(223, s0t, b0t); out[k++] = F(224, b0t, b1t);
  out[k++] = F(225, s1w, s0w); out[k++] = F(226, s1t, s0t); out[k++] = F(227, s1w, s1t, s0t); out[k++] = F(228, s1t, s0w, s0t);
  out[k++] = F(229, F(0, s1w, s1t), s0w, s0t);
  out[k++] = F(230, b0t, b1t, b2t); out[k++] = F(231, s0t, b0t, b1t); out[k++] = F(232, s1t, s0t, b0t);
  out[k++] = F(233, s2t, s1t, s0t); out[k++] = F(234, s0t, T(s0l), b0t); out[k++] = F(235, s0t, T(s0r), b0t);
  out[k++] = F(236, s0t, b0t, T(b0l)); out[k++] = F(237, s1t, T(s1r), s0t); out[k++] = F(238, s1t, s0t, T(s0l));
  out[k++] = F(239, s1t, s0t, T(s0r)); out[k++] = F(240, s0t, T(s0l), T(s0l2)); out[k++] = F(241, s0t, T(s0r), T(s0r2));
  out[k++] = F(242, b0t, T(b0l), T(b0l2)); out[k++] = F(243, s1t, T(s1l), s0t);
  out[k++] = F(253, d0, s0w); out[k++] = F(254, d0, s0t); out[k++] = F(255, d0, b0w); out[k++] = F(256, d0, b0t);
  out[k++] = F(257, d0, s0t, b0t); out[k++] = F(258, d1, s1t, s0t); out[k++] = F(259, d1, s0w); out[k++] = F(260, d1, s1w);
  out[k++] = F(261, s0nl, s0w); out[k++] = F(262, s0nl, s0t); out[k++] = F(263, s0nr, s0w); out[k++] = F(264, s0nr, s0t);
  out[k++] = F(265, b0nl, b0w); out[k++] = F(266, b0nl, b0t); out[k++] = F(267, s1 >= 0 ? s.nr[s1] : 99, s1t);
  out[k++] = F(272, C(s0), C(b0)); out[k++] = F(273, C(s0), b0t); out[k++] = F(274, s0t, C(b0));
  out[k++] = F(275, C(s1), C(s0)); out[k++] = F(276, F(0, s1t, s0t), b0t, b1t);
  out[k++] = F(277, s1w, s0w, b0t); out[k++] = F(278, s1t, s0w, b0w);
  return k;
}

int ParseFeatures(const std::vector<ParseWord>& w, const ParseState& s, uint64_t* out) {
  int roles[kNumRoles];
  RoleWords(s, roles);
  int k = ContextFeatures(w, s, roles, out);
  for (int r = 0; r < kNumRoles; ++r) k += RoleFeatures(w, r, roles[r], out + k);
  return k;
}

std::vector<std::vector<int>> ChildrenOf(const std::vector<int>& head) {
  const int n = int(head.size());
  std::vector<std::vector<int>> children(n + 1);
  for (int d = 0; d < n; ++d) {
    int h = head[d] < 0 || head[d] > n ? n : head[d];
    children[h].push_back(d);
  }
  return children;
}

int LabelFeatures(const std::vector<WordInfo>& info, const std::vector<ParseWord>& w, const std::vector<int>& head,
                  const std::vector<int>& labels, const std::vector<std::vector<int>>& children, int d, uint64_t* out) {
  const int n = int(w.size());
  const int h = head[d];
  const bool root = h >= n || h < 0;
  const uint64_t dir = root ? 2 : d < h ? 0 : 1;
  const uint64_t dist = root ? 9 : DistBucket(h - d);
  const uint64_t dt = uint64_t(w[d].tag), dw = w[d].low, ht = root ? kRootTag : uint64_t(w[h].tag),
                 hw = root ? kRootW : w[h].low;
  const int hh = root ? -1 : head[h];
  const uint64_t hht = hh < 0 || hh >= n ? kRootTag : uint64_t(w[hh].tag);
  int k = 0;
  out[k++] = F(300, 1);
  out[k++] = F(301, dw); out[k++] = F(302, dt); out[k++] = F(303, info[d].suf3); out[k++] = F(304, hw);
  out[k++] = F(305, ht); out[k++] = F(306, dir, dist); out[k++] = F(307, dt, ht, dir); out[k++] = F(308, dw, ht, dir);
  out[k++] = F(309, dt, hw, dir); out[k++] = F(310, dw, hw); out[k++] = F(311, dist, dt, ht); out[k++] = F(312, hht, ht, dt);
  out[k++] = F(313, dw, dt, F(0, ht, dir)); out[k++] = F(314, hht, dir); out[k++] = F(315, w[d].cluster, ht, dir);
  out[k++] = F(316, d == 0, dt);
  // Between d and h: a comma or other punctuation changes apposition vs compound, etc.
  bool comma = false;
  if (!root)
    for (int i = std::min(d, h) + 1, e = std::min(std::max(d, h), std::min(d, h) + 40); i < e && !comma; ++i) comma = info[i].lower == ",";
  out[k++] = F(317, comma, dt, F(0, ht, dir));
  // The dependent's own children: case markers, auxiliaries, subordinators, determiners.
  int seen = 0;
  for (int c : children[d]) {
    if (seen >= 6) break;
    ++seen;
    out[k++] = F(318, uint64_t(w[c].tag), c < d);
    if (w[c].closed) out[k++] = F(319, w[c].low, dt);
  }
  // Function-word children of the head (e.g. a form of "be" before a participle).
  seen = 0;
  if (!root)
    for (int c : children[h]) {
      if (c == d || !w[c].closed || seen >= 4) continue;
      ++seen;
      out[k++] = F(320, w[c].low, ht, dt);
    }
  // Labels already given to the head's other children left of d, nearest first (at most 8).
  const auto& sib = children[root ? n : h];
  auto at = std::lower_bound(sib.begin(), sib.end(), d);
  int prev = -1, given = 0;
  for (auto it = at; it != sib.begin() && given < 8;) {
    int c = *--it;
    if (labels[c] < 0) continue;
    out[k++] = F(321, uint64_t(labels[c]), dir, dt);
    if (given++ == 0) prev = c;
  }
  out[k++] = F(322, prev >= 0 ? uint64_t(labels[prev]) : 999, dt);
  return k;
}

}  // namespace hearsay::syntax
