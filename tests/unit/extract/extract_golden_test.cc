#include <gtest/gtest.h>
TEST(ExtractGolden, Placeholder) {}
