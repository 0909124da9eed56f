// A collectivity's deliberation for one year (CGCT L. 2333-26, L. 2333-30, L. 2333-41): the
// regime per nature, the perception periods, the tariff per category, the percentage for
// unclassified lodging, the rent threshold of exemption 4°, the forfait abatements, the member
// communes it covers and the additional taxes in force there. A change is a new version; the
// versions live in persistence, this is the value.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "rates/additional_tax.hpp"
#include "rates/basis_points.hpp"
#include "rates/category.hpp"
#include "rates/legal_grid.hpp"

namespace nuitee::rates {

// Dates during which the tax is levied, nights included from `first_night` to `last_night`.
struct PerceptionPeriod {
  Day first_night{};
  Day last_night{};
  bool Contains(Day night) const { return night >= first_night && night <= last_night; }
  friend bool operator==(const PerceptionPeriod&, const PerceptionPeriod&) = default;
};

// Forfait abatement (L. 2333-41: 10 %–80 % since LF 2021 art. 122), possibly tiered by the number
// of nights open, as DELTA stores it (rate + min/max nights).
struct AbatementTier {
  BasisPoints rate{};
  int min_nights = 0;
  std::optional<int> max_nights;  // inclusive; none = no upper bound
  friend bool operator==(const AbatementTier&, const AbatementTier&) = default;
};

struct Deliberation {
  int year = 0;
  std::optional<Day> adopted_on;
  // Natures (domain nature codes: "hotel", "camping", …) under the forfait; every other nature is
  // taxed au réel (L. 2333-26 II). Unclassified lodging is always au réel (LF 2020 art. 112).
  std::vector<std::string> flat_rate_natures;
  std::vector<PerceptionPeriod> perception_periods;
  // Tariff per person and night of categories palace … camping_1_2: tariffs[LegalRow(c) - 1].
  // Money has no default constructor: the eight zeros are spelled out.
  std::array<Money, 8> tariffs{Money::Zero(), Money::Zero(), Money::Zero(), Money::Zero(),
                               Money::Zero(), Money::Zero(), Money::Zero(), Money::Zero()};
  BasisPoints unclassified_rate{};            // row 9: 1 %–5 % of the cost per person and night
  std::optional<Money> low_rent_threshold;    // exemption 4° (L. 2333-31): rent per night below it
  std::vector<AbatementTier> abatements;
  std::vector<std::string> communes;          // INSEE codes of the member communes it covers
  std::vector<AdditionalTax> additional_taxes;

  Money Tariff(Category category) const;      // precondition: category != kUnclassified
  Money HighestTariff() const;                // the highest adopted tariff (cap of row 9)
  bool Covers(std::string_view commune_insee) const;
  const PerceptionPeriod* PeriodOf(Day night) const;  // nullptr: the tax is not levied that night
  friend bool operator==(const Deliberation&, const Deliberation&) = default;
};

// Every violation at once, each with the JSON pointer of the field in the deliberation body
// ("/tariffs_cents/star4", "/unclassified_rate_bp", "/perception_periods/1",
// "/additional_taxes/0/rate_bp"), in French: a tariff outside the year's grid, a lower category
// priced above a higher one of the same nature (L. 2333-30), a rate outside 1 %–5 %, periods
// outside the year or overlapping, abatements outside 10 %–80 % or overlapping tiers, an
// additional tax at a rate other than the law's or before the law created it, no commune.
FieldErrors ValidateDeliberation(const Deliberation& deliberation, const LegalGrid& grid);

// A deliberation as the engine uses it: the value and the version it was stored under.
struct VersionedDeliberation {
  Deliberation deliberation;
  std::int64_t version = 0;
};

}  // namespace nuitee::rates
