#pragma once
// UnionFind: disjoint sets over the dense ids 0, 1, 2, ... that Add() hands out.
//
//   UnionFind uf(3);            // {0} {1} {2}
//   uint32_t d = uf.Add();      // {3}
//   uf.Union(2, 0);             // {0, 2}: the root is 0, the smaller id
//   uf.Find(2) == uf.Find(0);   // true
//
// Contract:
//   * The root of a set is always its smallest id, so a set is named by its earliest member
//     and results do not depend on the order of Union calls (callers use this for stable,
//     first-appearance numbering).
//   * Find compresses paths (path halving); Find and Union are amortised O(log n) without
//     union by rank (the smallest-id root rule takes its place), near-constant in practice.
//   * Ids must come from Add() or the constructor; other ids are undefined behaviour.
// Thread safety: none; Find mutates. One instance per thread or external locking.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace hearsay {

class UnionFind {
 public:
  explicit UnionFind(uint32_t n = 0) : parent_(n) {
    for (uint32_t i = 0; i < n; ++i) parent_[i] = i;
  }

  // A new singleton set; returns its id (the number of ids handed out before).
  uint32_t Add() {
    parent_.push_back(static_cast<uint32_t>(parent_.size()));
    return parent_.back();
  }

  // The root (smallest id) of x's set.
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }

  // Joins the sets of a and b; returns false when they were already one set.
  bool Union(uint32_t a, uint32_t b) {
    a = Find(a), b = Find(b);
    if (a == b) return false;
    parent_[std::max(a, b)] = std::min(a, b);
    return true;
  }

  uint32_t size() const { return static_cast<uint32_t>(parent_.size()); }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace hearsay
