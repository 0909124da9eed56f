// Throughput of ComputeStayTax on pre-generated stays: classified and unclassified lodging, 1–14
// nights, with the departmental add-on; the explanation is not measured. Target: 5 million
// computations per second on one core.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "rates/stay_tax.hpp"

namespace nuitee::rates {
namespace {

Day On(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

Deliberation MakeDeliberation(int year) {
  Deliberation deliberation;
  deliberation.year = year;
  const std::int64_t tariffs[] = {400, 230, 200, 150, 90, 80, 60, 20};
  for (std::size_t i = 0; i < 8; ++i) deliberation.tariffs[i] = Money::Cents(tariffs[i]);
  deliberation.unclassified_rate = {500};
  deliberation.perception_periods = {{On(year, 1, 1), On(year, 12, 31)}};
  deliberation.communes = {"74136", "74010", "74224"};
  deliberation.additional_taxes = {
      {Beneficiary::kDepartement, "", {1000}, On(2019, 1, 1), std::nullopt}};
  return deliberation;
}

struct Input {
  Stay stay;
  std::vector<CategoryFrom> categories;
};

std::vector<Input> MakeInputs(std::size_t count) {
  std::mt19937_64 engine(42);
  auto between = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(engine);
  };
  std::vector<Input> inputs(count);
  for (Input& input : inputs) {
    input.stay.commune_insee = "74136";
    input.stay.arrival = Day{date::sys_days{On(2026, 1, 1)} + date::days{between(0, 350)}};
    input.stay.nights = between(1, 14);
    input.stay.occupants = between(1, 6);
    input.stay.exempt.minors = between(0, input.stay.occupants - 1);
    input.stay.price_per_night = Money::Cents(between(3000, 60000));
    // Half unclassified, half classified; one stay in eight sees its classification expire.
    const Category category =
        between(0, 1) == 0 ? Category::kUnclassified : Category(between(1, 8));
    input.categories = {{On(2021, 1, 1), category}};
    if (between(0, 7) == 0) {
      input.categories.push_back(
          {Day{date::sys_days{input.stay.arrival} + date::days{1}}, Category::kUnclassified});
    }
  }
  return inputs;
}

void BM_ComputeStayTax(benchmark::State& state) {
  RateBook book;
  book.AddDeliberation({MakeDeliberation(2026), 1});
  book.AddDeliberation({MakeDeliberation(2027), 2});
  const auto rounding = RoundingMode(state.range(0));
  const std::vector<Input> inputs = MakeInputs(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    const Input& input = inputs[i++ & 4095];
    auto tax = ComputeStayTax(input.stay, input.categories, book, rounding);
    benchmark::DoNotOptimize(tax);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ComputeStayTax)
    ->Arg(int(RoundingMode::kPerLine))
    ->Arg(int(RoundingMode::kPerPersonNight));

}  // namespace
}  // namespace nuitee::rates

BENCHMARK_MAIN();
