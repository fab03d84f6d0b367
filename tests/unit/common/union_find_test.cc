// UnionFind (common/union_find.h): the root of a set is its smallest id, whatever the order
// of the unions; Union reports whether it joined two sets.
#include "common/union_find.h"

#include <gtest/gtest.h>

namespace hearsay {
namespace {

TEST(UnionFind, RootIsTheSmallestIdInAnyUnionOrder) {
  UnionFind uf(4);
  EXPECT_EQ(uf.Add(), 4u);
  EXPECT_EQ(uf.size(), 5u);
  EXPECT_TRUE(uf.Union(4, 3));
  EXPECT_TRUE(uf.Union(3, 1));
  EXPECT_FALSE(uf.Union(1, 4));  // already one set
  for (uint32_t x : {1u, 3u, 4u}) EXPECT_EQ(uf.Find(x), 1u);
  EXPECT_EQ(uf.Find(0), 0u);
  EXPECT_EQ(uf.Find(2), 2u);
  EXPECT_TRUE(uf.Union(2, 0));
  EXPECT_TRUE(uf.Union(4, 2));
  for (uint32_t x = 0; x < 5; ++x) EXPECT_EQ(uf.Find(x), 0u);
}

TEST(UnionFind, LongChainsStayCorrect) {
  UnionFind uf;
  for (int i = 0; i < 10000; ++i) uf.Add();
  for (uint32_t i = 9999; i > 0; --i) uf.Union(i, i - 1);
  EXPECT_EQ(uf.Find(9999), 0u);
  EXPECT_EQ(uf.Find(5000), 0u);
}

}  // namespace
}  // namespace hearsay
