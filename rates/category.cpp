// Names of the legal tariff categories as they appear in the API and the database.
#include "rates/category.hpp"

namespace nuitee::rates {

std::string_view CategoryName(Category category) {
  switch (category) {
    case Category::kPalace: return "palace";
    case Category::kFiveStars: return "five_stars";
    case Category::kFourStars: return "four_stars";
    case Category::kThreeStars: return "three_stars";
    case Category::kTwoStars: return "two_stars";
    case Category::kOneStar: return "one_star";
    case Category::kCampingHigh: return "camping_three_to_five_stars";
    case Category::kCampingLow: return "camping_one_to_two_stars";
    case Category::kUnclassified: return "unclassified";
  }
  return "unclassified";
}

std::optional<Category> ParseCategory(std::string_view name) {
  for (Category category : kAllCategories) {
    if (CategoryName(category) == name) return category;
  }
  return std::nullopt;
}

}  // namespace nuitee::rates
