// The nine tariff categories of the legal grid (CGCT art. L. 2333-30, same rows in L. 2333-41).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace nuitee::rates {

// Ordered as the law's table, from row 1 (palaces) to row 9 (unclassified, proportional rate).
enum class Category {
  kPalace = 1,
  kFiveStars = 2,           // hotels, résidences, meublés 5★
  kFourStars = 3,           // hotels, résidences, meublés 4★
  kThreeStars = 4,          // hotels, résidences, meublés 3★
  kTwoStars = 5,            // hotels, résidences, meublés 2★; villages de vacances 4–5★
  kOneStar = 6,             // 1★; villages de vacances 1–3★; chambres d'hôtes; auberges collectives
  kCampingHigh = 7,         // campings 3–5★ and equivalent; aires de camping-cars, parkings touristiques
  kCampingLow = 8,          // campings 1–2★ and equivalent outdoor lodging; ports de plaisance
  kUnclassified = 9,        // awaiting classification or without one, outdoor lodging excepted
};

inline constexpr std::array<Category, 9> kAllCategories = {
    Category::kPalace,    Category::kFiveStars,   Category::kFourStars,
    Category::kThreeStars, Category::kTwoStars,   Category::kOneStar,
    Category::kCampingHigh, Category::kCampingLow, Category::kUnclassified};

// The stable API and database name of a category.
std::string_view CategoryName(Category category);
std::optional<Category> ParseCategory(std::string_view name);
// The row number of the legal table (1–9).
inline int LegalRow(Category category) { return static_cast<int>(category); }

}  // namespace nuitee::rates
