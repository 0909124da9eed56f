// Names of the legal tariff categories as they appear in the API and the database.
#include "rates/category.hpp"

namespace nuitee::rates {

std::string_view CategoryName(Category category) {
  switch (category) {
    case Category::kPalace: return "palace";
    case Category::kFiveStars: return "star5";
    case Category::kFourStars: return "star4";
    case Category::kThreeStars: return "star3";
    case Category::kTwoStars: return "star2";
    case Category::kOneStar: return "star1";
    case Category::kCampingHigh: return "camping_3_5";
    case Category::kCampingLow: return "camping_1_2";
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
