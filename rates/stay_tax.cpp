// The tax of one stay au réel (CGCT L. 2333-29 to L. 2333-31): split into runs of nights taxed
// alike, unit per run, then one rounding step per part (rounding.hpp).
#include "rates/stay_tax.hpp"

#include <algorithm>
#include <bit>
#include <string>

#include "rates/int128.hpp"
#include "rates/small_buffer.hpp"
#include "rates/stay_tax_input.hpp"
#include "rates/tariff_in_force.hpp"

namespace nuitee::rates {
namespace {

using DayNumber = int;  // days since 1970-01-01: boundaries are compared and subtracted as integers

DayNumber ToNumber(Day day) { return int(date::sys_days{day}.time_since_epoch().count()); }
Day ToDay(DayNumber number) { return Day{date::sys_days{date::days{number}}}; }

// A run's add-ons are a bit set over the deliberation's list: the list is short in practice.
constexpr std::size_t kMaxAdditionalTaxes = 64;
// L. 2333-30 as amended by LF 2021 art. 124: the 4★ ceiling stops capping row 9 from 2021.
constexpr int kLastYearOfFourStarCap = 2020;

// How the nights of one run are taxed; consecutive nights with the same key share a run.
struct RunKey {
  Category category = Category::kUnclassified;
  int period = -1;          // index in perception_periods; -1: outside every period, not levied
  std::uint64_t taxes = 0;  // bit i: additional_taxes[i] in force
  bool operator==(const RunKey&) const = default;
};

int PeriodIndex(const Deliberation& deliberation, Day night) {
  const auto& periods = deliberation.perception_periods;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (periods[i].Contains(night)) return int(i);
  }
  return -1;
}

std::uint64_t TaxesInForce(const Deliberation& deliberation, Day night) {
  std::uint64_t mask = 0;
  const auto& taxes = deliberation.additional_taxes;
  for (std::size_t i = 0; i < taxes.size(); ++i) {
    if (taxes[i].AppliesOn(night)) mask |= std::uint64_t{1} << i;
  }
  return mask;
}

// The nights where something may change within [first, last]: the boundaries are computed from
// the categories, periods and add-on dates rather than by walking the nights.
template <std::size_t N>
void CollectCuts(const Deliberation& deliberation, std::span<const CategoryFrom> categories,
                 DayNumber first, DayNumber last, SmallBuffer<DayNumber, N>& cuts) {
  auto add = [&](DayNumber night) {
    if (night > first && night <= last) cuts.push_back(night);
  };
  cuts.push_back(first);
  for (const CategoryFrom& entry : categories) add(ToNumber(entry.from));
  for (const PerceptionPeriod& period : deliberation.perception_periods) {
    add(ToNumber(period.first_night));
    add(ToNumber(period.last_night) + 1);
  }
  for (const AdditionalTax& tax : deliberation.additional_taxes) {
    add(ToNumber(tax.valid_from));
    if (tax.valid_to) add(ToNumber(*tax.valid_to) + 1);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.truncate(std::size_t(std::unique(cuts.begin(), cuts.end()) - cuts.begin()));
}

NightRun& OpenRun(std::vector<NightRun>& runs, const VersionedDeliberation& versioned,
                  const RunKey& key, Day night) {
  NightRun& run = runs.emplace_back();
  run.first_night = night;
  run.year = int(night.year());
  run.deliberation_version = versioned.version;
  run.category = key.category;
  run.levied = key.period >= 0;
  if (key.taxes != 0) {
    const auto& taxes = versioned.deliberation.additional_taxes;
    run.additional_taxes.reserve(std::size_t(std::popcount(key.taxes)));
    for (std::size_t i = 0; i < taxes.size(); ++i) {
      if (key.taxes & (std::uint64_t{1} << i)) run.additional_taxes.push_back(taxes[i]);
    }
  }
  return run;
}

// Appends the runs of the nights [first, last], all in the deliberation's year.
void SplitYear(const VersionedDeliberation& versioned, std::span<const CategoryFrom> categories,
               DayNumber first, DayNumber last, std::vector<NightRun>& runs) {
  const Deliberation& deliberation = versioned.deliberation;
  SmallBuffer<DayNumber, 32> cuts;
  CollectCuts(deliberation, categories, first, last, cuts);
  std::size_t category_index = 0;
  RunKey open_key;
  bool open = false;
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    const DayNumber start = cuts[i];
    const DayNumber end = i + 1 < cuts.size() ? cuts[i + 1] - 1 : last;
    const Day night = ToDay(start);
    while (category_index + 1 < categories.size() && categories[category_index + 1].from <= night) {
      ++category_index;
    }
    RunKey key{categories[category_index].category, PeriodIndex(deliberation, night), 0};
    // Outside every perception period nothing is levied, add-ons included.
    if (key.period >= 0) key.taxes = TaxesInForce(deliberation, night);
    if (open && key == open_key) {
      runs.back().nights += end - start + 1;
      continue;
    }
    OpenRun(runs, versioned, key, night).nights = end - start + 1;
    open_key = key;
    open = true;
  }
}

// Row 9 (L. 2333-30): the cap on the tax per person and night of unclassified lodging.
Result<Money> UnclassifiedCap(const TariffsInForce& tariffs, int year, const RateBook& book) {
  // LF 2021 art. 124: the highest adopted tariff, as it applies that year (tariff_in_force.hpp).
  Money cap = tariffs.highest;
  if (year > kLastYearOfFourStarCap) return cap;
  // 2019–2020: the lower of that tariff and the year's 4★ ceiling (L. 2333-30 as of LFR 2017).
  const LegalGrid* grid = book.GridFor(year);
  if (!grid) {
    return Fail(Error::FailedPrecondition(
        "Le barème légal " + std::to_string(year) +
        " n'est pas disponible : le plafond des hébergements non classés ne peut pas être "
        "calculé."));
  }
  return std::min(cap, grid->Row(Category::kFourStars).ceiling);
}

// The tax per taxable person and night of a run.
Status PriceRun(NightRun& run, const Stay& stay, const Deliberation& deliberation,
                const TariffsInForce& tariffs, const RateBook& book) {
  if (!run.levied) {
    run.unit = {0, 1};
    return {};
  }
  if (run.category != Category::kUnclassified) {
    const TariffInForce& tariff = tariffs.Of(run.category);
    run.unit = ExactCents::Of(tariff.tariff);
    run.deliberated_tariff = tariff.deliberated;
    return {};
  }
  auto cap = UnclassifiedCap(tariffs, run.year, book);
  if (!cap) return Fail(cap.error());
  // L. 2333-30: "coût par personne de la nuitée" = price HT ÷ all occupants, exempt ones included.
  const Int128 price = stay.price_per_night->cents();
  const Int128 denominator = Int128(stay.occupants) * kBasisPointsPerUnit;
  const Int128 numerator = CheckedMul(price, deliberation.unclassified_rate.value);
  run.cost_per_person = ExactCents{price, stay.occupants};
  run.rate = deliberation.unclassified_rate;
  run.cap = *cap;
  run.capped = numerator > CheckedMul(cap->cents(), denominator);
  run.unit = run.capped ? ExactCents::Of(*cap) : ExactCents{numerator, denominator};
  return {};
}

// Splits the stay into runs, year by year, and prices each run.
Status BuildRuns(const Stay& stay, std::span<const CategoryFrom> categories, const RateBook& book,
                 std::vector<NightRun>& runs) {
  const DayNumber arrival = ToNumber(stay.arrival);
  const DayNumber last_night = arrival + stay.nights - 1;
  for (DayNumber first = arrival; first <= last_night;) {
    const int year = int(ToDay(first).year());
    const DayNumber year_end = ToNumber(date::year{year} / date::December / 31);
    const DayNumber last = std::min(last_night, year_end);
    const VersionedDeliberation* versioned = book.DeliberationFor(year);
    if (!versioned) {
      return Fail(Error::FailedPrecondition("Aucune délibération n'est enregistrée pour " +
                                            std::to_string(year) +
                                            " : la taxe ne peut pas être calculée."));
    }
    const Deliberation& deliberation = versioned->deliberation;
    if (!deliberation.Covers(stay.commune_insee)) {
      return Fail(Error::FailedPrecondition(
          "La délibération " + std::to_string(year) + " ne couvre pas la commune " +
          (stay.commune_insee.empty() ? std::string("du séjour") : stay.commune_insee) +
          " : la taxe de séjour ne peut pas y être calculée."));
    }
    if (deliberation.additional_taxes.size() > kMaxAdditionalTaxes) {
      return Fail(Error::FailedPrecondition("La délibération " + std::to_string(year) +
                                            " compte plus de 64 taxes additionnelles."));
    }
    const std::size_t first_new = runs.size();
    SplitYear(*versioned, categories, first, last, runs);
    const TariffsInForce& tariffs = *book.TariffsFor(year);
    for (std::size_t i = first_new; i < runs.size(); ++i) {
      if (auto priced = PriceRun(runs[i], stay, deliberation, tariffs, book); !priced) {
        return priced;
      }
    }
    first = last + 1;
  }
  return {};
}

// The group of an add-on in the result: one line per beneficiary (and name) and rate.
std::size_t GroupOf(std::vector<AdditionalTaxAmount>& amounts, const AdditionalTax& tax) {
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    if (amounts[i].beneficiary == tax.beneficiary && amounts[i].rate == tax.rate &&
        amounts[i].label == tax.label) {
      return i;
    }
  }
  amounts.push_back({tax.beneficiary, tax.label, tax.rate, Money::Zero()});
  return amounts.size() - 1;
}

// kPerLine: every part exact over the whole stay, rounded half-up once.
void SumPerLine(const Stay& stay, StayTax& result) {
  const Int128 denominator = Int128(stay.occupants) * kBasisPointsPerUnit;
  Int128 tax = 0;
  SmallBuffer<Int128, 8> additional;
  for (const NightRun& run : result.runs) {
    if (!run.levied) continue;
    // Units are either whole cents or over occupants × 10 000 (PriceRun).
    const Int128 scale = run.unit.denominator == 1             ? denominator
                         : run.unit.denominator == denominator ? Int128{1}
                                                               : denominator / run.unit.denominator;
    const Int128 unit = CheckedMul(run.unit.numerator, scale);
    const Int128 amount = CheckedMul(unit, Int128(result.taxable_persons) * run.nights);
    tax = CheckedAdd(tax, amount);
    for (const AdditionalTax& each : run.additional_taxes) {
      const std::size_t group = GroupOf(result.additional_taxes, each);
      additional.resize(group + 1, 0);
      additional[group] = CheckedAdd(additional[group], CheckedMul(amount, each.rate.value));
    }
  }
  result.tax = ExactCents{tax, denominator}.RoundedHalfUp();
  for (std::size_t i = 0; i < result.additional_taxes.size(); ++i) {
    result.additional_taxes[i].amount =
        ExactCents{additional[i], denominator * kBasisPointsPerUnit}.RoundedHalfUp();
  }
}

// kPerPersonNight: the unit rounded to the cent, each add-on per person-night rounded from it,
// then multiplied by the person-nights (Paris's published tables).
void SumPerPersonNight(StayTax& result) {
  for (const NightRun& run : result.runs) {
    if (!run.levied) continue;
    const Money unit = run.unit.RoundedHalfUp();
    const std::int64_t person_nights = std::int64_t(result.taxable_persons) * run.nights;
    result.tax += unit.Times(person_nights);
    for (const AdditionalTax& each : run.additional_taxes) {
      const Money per_person_night =
          ExactCents{CheckedMul(unit.cents(), each.rate.value), kBasisPointsPerUnit}
              .RoundedHalfUp();
      result.additional_taxes[GroupOf(result.additional_taxes, each)].amount +=
          per_person_night.Times(person_nights);
    }
  }
}

}  // namespace

Result<StayTax> ComputeStayTax(const Stay& stay, std::span<const CategoryFrom> categories,
                               const RateBook& book, RoundingMode rounding) {
  FieldErrors errors = CheckStayInput(stay, categories);
  CheckLowRentExemption(stay, book, errors);
  if (!errors.empty()) return Fail(errors.ToError());

  StayTax result;
  result.rounding = rounding;
  // L. 2333-29 and L. 2333-31: the tax is owed by every occupant but the exempt ones.
  result.taxable_persons = stay.occupants - stay.exempt.Total();
  result.runs.reserve(4);
  if (auto built = BuildRuns(stay, categories, book, result.runs); !built) {
    return Fail(built.error());
  }
  bool first_levied = true;
  for (const NightRun& run : result.runs) {
    if (!run.levied) continue;
    result.taxable_person_nights += std::int64_t(run.nights) * result.taxable_persons;
    result.capped = result.capped || run.capped;
    if (first_levied) result.unit_per_person_night = run.unit.RoundedHalfUp();
    first_levied = false;
  }
  if (rounding == RoundingMode::kPerLine) {
    SumPerLine(stay, result);
  } else {
    SumPerPersonNight(result);
  }
  // The total is the sum of its rounded parts, so a host's receipt always adds up.
  result.total = result.tax;
  for (const AdditionalTaxAmount& each : result.additional_taxes) result.total += each.amount;
  return result;
}

}  // namespace nuitee::rates
