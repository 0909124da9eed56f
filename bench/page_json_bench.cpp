// Google Benchmark of the CPU a list page costs the server outside SQL: turning 50 listings into
// the page's JSON (as the register's list route does) and dumping it, plus the cursor helpers.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "api/http/query.hpp"
#include "api/json/accommodation_json.hpp"
#include "api/routes/route_support.hpp"
#include "persistence/accommodation_repository.hpp"

namespace {

using namespace nuitee;
using date::literals::operator""_y;

Collectivity BenchCollectivity() {
  Collectivity collectivity;
  collectivity.id = CollectivityId("6b3f1a52-0c1e-4d8e-9f3a-5be7c0a1b500");
  collectivity.name = "Communauté de communes Banc d'essai du Cézallier";
  collectivity.siren = "200099999";
  collectivity.department_code = "15";
  for (int i = 0; i < 25; ++i) {
    collectivity.communes.push_back({"15" + std::to_string(100 + i), "Commune n° " + std::to_string(i)});
  }
  return collectivity;
}

// A page as the repository returns it: 50 meublés, a few with a closure.
persistence::Page<persistence::AccommodationListing> BenchPage(int size) {
  persistence::Page<persistence::AccommodationListing> page;
  for (int i = 0; i < size; ++i) {
    Accommodation accommodation;
    accommodation.id = AccommodationId("0b8c7f1e-2a4d-4c6b-9e3f-" + std::to_string(100000000000 + i));
    accommodation.collectivity_id = CollectivityId("6b3f1a52-0c1e-4d8e-9f3a-5be7c0a1b500");
    accommodation.host_id = HostId("9d2e4f60-1b3c-4a5d-8e7f-" + std::to_string(200000000000 + i));
    accommodation.name = "Gîte des Gentianes " + std::to_string(i % 12);
    accommodation.commune_insee_code = "15" + std::to_string(100 + i % 25);
    accommodation.address_line = std::to_string(1 + i) + " route du Lioran";
    accommodation.postal_code = "15300";
    accommodation.capacity_persons = 2 + i % 11;
    accommodation.registration_number = accommodation.commune_insee_code + "0012" +
                                        std::to_string(10 + i % 90) + "AB";
    accommodation.opened_on = Day{2019_y, date::March, date::day{1}};
    if (i % 16 == 0) {
      accommodation.closures.push_back(
          {Day{2026_y, date::November, date::day{1}}, Day{2026_y, date::December, date::day{15}}});
    }
    accommodation.version = 1;
    page.items.push_back({accommodation, rates::Category::kThreeStars});
  }
  page.next_after_seq = 123456;
  return page;
}

void BM_ListPageJson(benchmark::State& state) {
  const Collectivity collectivity = BenchCollectivity();
  const auto page = BenchPage(int(state.range(0)));
  const Day today{2026_y, date::November, date::day{23}};
  std::size_t bytes = 0;
  for (auto _ : state) {
    nlohmann::json body = api::PageJson(page, [&](const persistence::AccommodationListing& row) {
      auto json = api::AccommodationToJson(row.accommodation, collectivity, today, std::nullopt);
      json["category"] = rates::CategoryName(row.category);
      json["category_on"] = FormatIsoDate(today);
      return json;
    });
    std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes_per_page"] = double(bytes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ListPageJson)->Arg(50)->Arg(200)->Unit(benchmark::kMicrosecond);

void BM_CursorRoundTrip(benchmark::State& state) {
  long long seq = 0;
  for (auto _ : state) {
    auto decoded = api::DecodeCursor(api::EncodeCursor(++seq + 400000));
    benchmark::DoNotOptimize(decoded);
  }
}
BENCHMARK(BM_CursorRoundTrip);

}  // namespace

BENCHMARK_MAIN();
