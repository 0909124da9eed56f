// The nine tariff categories of L. 2333-30: names and legal row numbers.
#include "rates/category.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace nuitee::rates {
namespace {

struct CategoryCase {
  Category category;
  const char* name;
  int row;
};

class CategoryTable : public testing::TestWithParam<CategoryCase> {};

TEST_P(CategoryTable, HasItsApiNameAndLegalRow) {
  EXPECT_EQ(CategoryName(GetParam().category), GetParam().name);
  EXPECT_EQ(LegalRow(GetParam().category), GetParam().row);
  EXPECT_EQ(ParseCategory(GetParam().name), GetParam().category);
}

INSTANTIATE_TEST_SUITE_P(
    Category, CategoryTable,
    testing::Values(CategoryCase{Category::kPalace, "palace", 1},
                    CategoryCase{Category::kFiveStars, "star5", 2},
                    CategoryCase{Category::kFourStars, "star4", 3},
                    CategoryCase{Category::kThreeStars, "star3", 4},
                    CategoryCase{Category::kTwoStars, "star2", 5},
                    CategoryCase{Category::kOneStar, "star1", 6},
                    CategoryCase{Category::kCampingHigh, "camping_3_5", 7},
                    CategoryCase{Category::kCampingLow, "camping_1_2", 8},
                    CategoryCase{Category::kUnclassified, "unclassified", 9}));

TEST(Category, ListsTheNineRowsInLegalOrder) {
  ASSERT_EQ(kAllCategories.size(), 9u);
  for (std::size_t i = 0; i < kAllCategories.size(); ++i) {
    EXPECT_EQ(LegalRow(kAllCategories[i]), int(i) + 1);
  }
}

TEST(Category, GivesDistinctNames) {
  std::set<std::string> names;
  for (Category category : kAllCategories) names.insert(std::string(CategoryName(category)));
  EXPECT_EQ(names.size(), kAllCategories.size());
}

TEST(Category, RejectsUnknownNames) {
  for (const char* name :
       {"", "Palace", "PALACE", "5", "five-stars", "non_classe", "camping", "unclassified "}) {
    EXPECT_FALSE(ParseCategory(name).has_value()) << "'" << name << "'";
  }
}

}  // namespace
}  // namespace nuitee::rates
