// Builders shared by the rates tests: deliberations that pass ValidateDeliberation, rate books,
// stays, days.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rates/deliberation.hpp"
#include "rates/rate_book.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee::rates::fixtures {

inline Day On(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

inline Money Cents(std::int64_t cents) { return Money::Cents(cents); }

inline constexpr const char* kCommune = "74136";  // Le Grand-Bornand

// A deliberation whose highest tariff is `highest` (the palace tariff), the other tariffs chosen
// within every grid of 2019–2026, the whole year as perception period, one commune, no add-on.
inline Deliberation MakeDeliberation(int year, Money highest = Cents(400),
                                     BasisPoints unclassified_rate = {500}) {
  Deliberation deliberation;
  deliberation.year = year;
  deliberation.adopted_on = On(year - 1, 6, 19);
  const std::array<std::int64_t, 8> cents = {highest.cents(), 230, 200, 150, 90, 80, 60, 20};
  for (std::size_t i = 0; i < cents.size(); ++i) deliberation.tariffs[i] = Cents(cents[i]);
  deliberation.unclassified_rate = unclassified_rate;
  deliberation.perception_periods = {{On(year, 1, 1), On(year, 12, 31)}};
  deliberation.communes = {kCommune};
  return deliberation;
}

inline AdditionalTax Departemental(int since_year = 2019) {
  return {Beneficiary::kDepartement, "", {1000}, On(since_year, 1, 1), std::nullopt};
}

inline AdditionalTax Tax(Beneficiary beneficiary, std::int32_t rate_bp, Day from,
                         std::optional<Day> to = std::nullopt, std::string label = "") {
  return {beneficiary, std::move(label), {rate_bp}, from, to};
}

inline RateBook BookOf(std::vector<Deliberation> deliberations) {
  RateBook book;
  std::int64_t version = 1;
  for (auto& deliberation : deliberations)
    book.AddDeliberation({std::move(deliberation), version++});
  return book;
}

inline Stay MakeStay(Day arrival, int nights, int occupants, std::optional<Money> price = {}) {
  Stay stay;
  stay.commune_insee = kCommune;
  stay.arrival = arrival;
  stay.nights = nights;
  stay.occupants = occupants;
  stay.price_per_night = price;
  return stay;
}

inline std::vector<CategoryFrom> Always(Category category) {
  return {CategoryFrom{On(2000, 1, 1), category}};
}

inline Money AdditionalAmount(const StayTax& tax, Beneficiary beneficiary) {
  Money sum = Money::Zero();
  for (const auto& each : tax.additional_taxes) {
    if (each.beneficiary == beneficiary) sum += each.amount;
  }
  return sum;
}

inline std::vector<std::string> Fields(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& each : error.field_errors) fields.push_back(each.field);
  return fields;
}

inline std::vector<std::string> Fields(const FieldErrors& errors) {
  std::vector<std::string> fields;
  for (const auto& each : errors.errors()) fields.push_back(each.field);
  return fields;
}

}  // namespace nuitee::rates::fixtures
