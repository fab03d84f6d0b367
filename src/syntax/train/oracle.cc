// The arc-hybrid dynamic oracle and tree projectivisation (training only).
#include <algorithm>

#include "syntax/train/inventory.h"

namespace hearsay::syntax::train {
namespace {

// Whether every word strictly between d and head[d] descends from head[d].
bool Projective(const std::vector<int>& head, int d) {
  const int n = int(head.size());
  const int h = head[d];
  for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) {
    int a = k, steps = 0;
    while (a != h && a < n && steps++ <= n) a = head[a];
    if (a != h) return false;
  }
  return true;
}

}  // namespace

std::vector<int> Projectivize(std::vector<int> head) {
  const int n = int(head.size());
  for (int round = 0; round < 4 * n; ++round) {
    int lift = -1;
    for (int d = 0; d < n; ++d) {
      if (head[d] >= n || Projective(head, d)) continue;
      if (lift < 0 || std::abs(head[d] - d) < std::abs(head[lift] - lift)) lift = d;
    }
    if (lift < 0) break;
    head[lift] = head[head[lift]];
  }
  return head;
}

int MoveCost(const ParseState& s, const std::vector<int>& gold, Move m) {
  const int n = s.n, b = s.b;
  const int s0 = s.stack.empty() ? -1 : s.stack.back();
  const int s1 = s.stack.size() >= 2 ? s.stack[s.stack.size() - 2] : -1;
  int cost = 0;
  if (m == kShift) {
    for (size_t k = 0; k < s.stack.size(); ++k) {
      int d = s.stack[k];
      if (gold[d] == b) ++cost;                    // b's dependents on the stack are lost
      if (gold[b] == d && d != s0) ++cost;         // b's head deeper than s0 is lost
    }
    return cost;
  }
  for (int d = b; d < n; ++d) cost += gold[d] == s0;  // s0's dependents in the buffer
  const int h = gold[s0];
  if (m == kLeft) cost += (h == s1 && s1 >= 0) || (h > b && h <= n && b < n);
  else cost += h >= b && h <= n;
  return cost;
}

}  // namespace hearsay::syntax::train
