// Which regime taxes a night (L. 2333-26 II; LF 2020 art. 112 for unclassified lodging).
#include "rates/regime.hpp"

#include <algorithm>

namespace nuitee::rates {

bool IsUnderForfait(const Deliberation& deliberation, std::string_view nature, Category category) {
  if (category == Category::kUnclassified) return false;  // LF 2020 art. 112: always au réel
  const auto& natures = deliberation.flat_rate_natures;
  return std::find(natures.begin(), natures.end(), nature) != natures.end();
}

std::optional<int> ForfaitYearOf(const Stay& stay, std::span<const CategoryFrom> categories,
                                 std::string_view nature, const RateBook& book) {
  if (stay.nights < 1 || categories.empty()) return std::nullopt;
  const Day last_night = Day{date::sys_days{stay.arrival} + date::days{stay.nights - 1}};
  for (int year = int(stay.arrival.year()); year <= int(last_night.year()); ++year) {
    const VersionedDeliberation* versioned = book.DeliberationFor(year);
    if (versioned == nullptr || versioned->deliberation.flat_rate_natures.empty()) continue;
    const Day first = std::max(stay.arrival, Day{date::year{year} / date::January / 1});
    const Day last = std::min(last_night, Day{date::year{year} / date::December / 31});
    // The categories in force on some night of [first, last]: the entry in force on `first`,
    // then every entry starting up to `last`.
    for (std::size_t i = 0; i < categories.size(); ++i) {
      const bool starts_later = i + 1 < categories.size() && categories[i + 1].from <= first;
      if (starts_later || categories[i].from > last) continue;
      if (IsUnderForfait(versioned->deliberation, nature, categories[i].category)) return year;
    }
  }
  return std::nullopt;
}

std::string ForfaitRefusal(std::string_view nature_label, int year) {
  return "En " + std::to_string(year) + ", la délibération soumet les hébergements de type « " +
         std::string(nature_label) +
         " » à la taxe de séjour forfaitaire (CGCT L. 2333-40) : elle est due sur la capacité "
         "d'accueil et les nuits d'ouverture, pas séjour par séjour.";
}

}  // namespace nuitee::rates
