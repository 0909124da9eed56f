// Google Benchmark of the CPU a quote costs the server outside HTTP, step by step, for the body
// bench/quote_route.lua sends most (unclassified, 7 nights, 4 occupants of whom 2 minors, the
// departmental add-on): parsing and reading the body, the engine, the explanation, and the answer's
// JSON. Together with bench/quote_route.sh it says where the route's time goes.
#include <benchmark/benchmark.h>

#include <string>

#include "api/json/quote_json.hpp"
#include "rates/stay_tax.hpp"

namespace {

using namespace nuitee;
using date::literals::operator""_y;

const std::string kBody =
    R"({"commune_insee":"15138","category":"unclassified","arrival":"2026-07-01","nights":7,)"
    R"("occupants":4,"exempt":{"minors":2},"price_per_night_cents":10000})";

rates::RateBook BenchBook() {
  rates::Deliberation deliberation;
  deliberation.year = 2026;
  const std::int64_t tariffs[] = {400, 300, 230, 150, 90, 80, 60, 20};
  for (std::size_t i = 0; i < 8; ++i) deliberation.tariffs[i] = Money::Cents(tariffs[i]);
  deliberation.unclassified_rate = {500};
  deliberation.perception_periods = {
      {Day{2026_y, date::January, date::day{1}}, Day{2026_y, date::December, date::day{31}}}};
  deliberation.communes = {"15138", "15001"};
  deliberation.additional_taxes = {{rates::Beneficiary::kDepartement,
                                    "",
                                    {1000},
                                    Day{2019_y, date::January, date::day{1}},
                                    std::nullopt}};
  rates::RateBook book;
  book.AddDeliberation({deliberation, 1});
  return book;
}

api::QuoteRequest BenchRequest() {
  return *api::QuoteRequestFromJson(nlohmann::json::parse(kBody));
}

void BM_QuoteRequestFromJson(benchmark::State& state) {
  for (auto _ : state) {
    auto request = api::QuoteRequestFromJson(nlohmann::json::parse(kBody));
    benchmark::DoNotOptimize(request);
  }
}
BENCHMARK(BM_QuoteRequestFromJson);

void BM_ComputeStayTax(benchmark::State& state) {
  const rates::RateBook book = BenchBook();
  const api::QuoteRequest request = BenchRequest();
  const rates::CategoryFrom categories[] = {{request.stay.arrival, *request.category}};
  for (auto _ : state) {
    auto tax = rates::ComputeStayTax(request.stay, categories, book, rates::RoundingMode::kPerLine);
    benchmark::DoNotOptimize(tax);
  }
}
BENCHMARK(BM_ComputeStayTax);

void BM_ExplainInFrench(benchmark::State& state) {
  const rates::RateBook book = BenchBook();
  const api::QuoteRequest request = BenchRequest();
  const rates::CategoryFrom categories[] = {{request.stay.arrival, *request.category}};
  const auto tax =
      *rates::ComputeStayTax(request.stay, categories, book, rates::RoundingMode::kPerLine);
  for (auto _ : state) {
    auto lines = rates::ExplainInFrench(request.stay, tax);
    benchmark::DoNotOptimize(lines);
  }
}
BENCHMARK(BM_ExplainInFrench);

// The answer's JSON value (explanation included), then its text as Exchange::SendJson dumps it.
void BM_QuoteToJson(benchmark::State& state) {
  const rates::RateBook book = BenchBook();
  const api::QuoteRequest request = BenchRequest();
  const rates::CategoryFrom categories[] = {{request.stay.arrival, *request.category}};
  const auto tax =
      *rates::ComputeStayTax(request.stay, categories, book, rates::RoundingMode::kPerLine);
  for (auto _ : state) {
    auto answer = api::QuoteToJson(request.stay, tax, book);
    benchmark::DoNotOptimize(answer);
  }
}
BENCHMARK(BM_QuoteToJson);

void BM_QuoteToJsonAndDump(benchmark::State& state) {
  const rates::RateBook book = BenchBook();
  const api::QuoteRequest request = BenchRequest();
  const rates::CategoryFrom categories[] = {{request.stay.arrival, *request.category}};
  const auto tax =
      *rates::ComputeStayTax(request.stay, categories, book, rates::RoundingMode::kPerLine);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = api::QuoteToJson(request.stay, tax, book)
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = double(bytes);
}
BENCHMARK(BM_QuoteToJsonAndDump);

}  // namespace

BENCHMARK_MAIN();
