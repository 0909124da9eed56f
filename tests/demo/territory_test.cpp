// The demo territory generator: deterministic, realistic in its mix, valid for the domain.
#include "demo/territory.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>

#include "domain/business_identifiers.hpp"
#include "domain/registration_number.hpp"

namespace nuitee::demo {
namespace {

const DemoTerritory& Territory() {
  static const DemoTerritory territory = GenerateDemoTerritory(kDemoReferenceDay);
  return territory;
}

std::map<Nature, int> CountByNature(const DemoTerritory& territory) {
  std::map<Nature, int> counts;
  for (const auto& accommodation : territory.accommodations) ++counts[accommodation.nature];
  return counts;
}

std::map<std::string, const Accommodation*> ById(const DemoTerritory& territory) {
  std::map<std::string, const Accommodation*> by_id;
  for (const auto& accommodation : territory.accommodations) {
    by_id[accommodation.id.value()] = &accommodation;
  }
  return by_id;
}

TEST(DemoTerritory, IsTheSameOnEveryRun) {
  const DemoTerritory again = GenerateDemoTerritory(kDemoReferenceDay);
  const DemoTerritory& first = Territory();
  EXPECT_EQ(again.collectivity.id, first.collectivity.id);
  ASSERT_EQ(again.hosts.size(), first.hosts.size());
  for (std::size_t i = 0; i < first.hosts.size(); ++i) {
    EXPECT_EQ(again.hosts[i].id, first.hosts[i].id);
    EXPECT_EQ(again.hosts[i].legal_name, first.hosts[i].legal_name);
    EXPECT_EQ(again.hosts[i].siret, first.hosts[i].siret);
  }
  ASSERT_EQ(again.accommodations.size(), first.accommodations.size());
  for (std::size_t i = 0; i < first.accommodations.size(); ++i) {
    EXPECT_EQ(again.accommodations[i].id, first.accommodations[i].id);
    EXPECT_EQ(again.accommodations[i].name, first.accommodations[i].name);
    EXPECT_EQ(again.accommodations[i].registration_number,
              first.accommodations[i].registration_number);
  }
  ASSERT_EQ(again.classifications.size(), first.classifications.size());
  for (std::size_t i = 0; i < first.classifications.size(); ++i) {
    EXPECT_EQ(again.classifications[i].accommodation_id, first.classifications[i].accommodation_id);
    EXPECT_EQ(again.classifications[i].decided_on, first.classifications[i].decided_on);
  }
}

TEST(DemoTerritory, KeepsItsIdsWhicheverDayItIsGeneratedFor) {
  const DemoTerritory later =
      GenerateDemoTerritory(Day{date::year{2031}, date::March, date::day{2}});
  EXPECT_EQ(later.collectivity.id, Territory().collectivity.id);
  std::set<std::string> ids;
  for (const auto& host : Territory().hosts) ids.insert(host.id.value());
  for (const auto& host : later.hosts) EXPECT_TRUE(ids.contains(host.id.value()));
}

TEST(DemoTerritory, GivesEveryRecordADistinctVersionFourUuid) {
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> ids{Territory().collectivity.id.value()};
  EXPECT_TRUE(std::regex_match(Territory().collectivity.id.value(), uuid));
  for (const auto& host : Territory().hosts) {
    EXPECT_TRUE(std::regex_match(host.id.value(), uuid)) << host.id.value();
    EXPECT_TRUE(ids.insert(host.id.value()).second);
  }
  for (const auto& accommodation : Territory().accommodations) {
    EXPECT_TRUE(std::regex_match(accommodation.id.value(), uuid)) << accommodation.id.value();
    EXPECT_TRUE(ids.insert(accommodation.id.value()).second);
  }
}

TEST(DemoTerritory, HasAboutThreeHundredHostsAndThreeHundredSixtyAccommodations) {
  EXPECT_GE(Territory().hosts.size(), 280u);
  EXPECT_LE(Territory().hosts.size(), 320u);
  EXPECT_GE(Territory().accommodations.size(), 340u);
  EXPECT_LE(Territory().accommodations.size(), 380u);
}

TEST(DemoTerritory, IsAnIntercommunalityOfFifteenToTwentyFiveRealCommunes) {
  const Collectivity& collectivity = Territory().collectivity;
  EXPECT_EQ(collectivity.kind, CollectivityKind::kEpci);
  EXPECT_EQ(collectivity.siren, kDemoSiren);
  EXPECT_GE(collectivity.communes.size(), 15u);
  EXPECT_LE(collectivity.communes.size(), 25u);
  // A few codes from the official geographic code, as a guard against typos in the table.
  ASSERT_NE(collectivity.FindCommune("15001"), nullptr);
  EXPECT_EQ(collectivity.FindCommune("15001")->name, "Allanche");
  ASSERT_NE(collectivity.FindCommune("15138"), nullptr);
  EXPECT_EQ(collectivity.FindCommune("15138")->name, "Murat");
  ASSERT_NE(collectivity.FindCommune("63038"), nullptr);
  EXPECT_EQ(collectivity.FindCommune("63038")->name, "Besse-et-Saint-Anastaise");
}

TEST(DemoTerritory, ValidatesEveryRecordWithTheDomainRules) {
  EXPECT_TRUE(ValidateCollectivity(Territory().collectivity));
  for (const auto& host : Territory().hosts) {
    auto valid = ValidateHost(host);
    EXPECT_TRUE(valid) << host.legal_name << ": " << valid.error().field_errors[0].message;
  }
  for (const auto& accommodation : Territory().accommodations) {
    auto valid = ValidateAccommodation(accommodation, Territory().collectivity, true);
    EXPECT_TRUE(valid) << accommodation.name << ": " << valid.error().field_errors[0].message;
  }
  EXPECT_TRUE(ValidateDemoTerritory(Territory()));
}

TEST(DemoTerritory, HasTheMixOfARuralMountainDestination) {
  auto counts = CountByNature(Territory());
  EXPECT_GT(counts[Nature::kFurnishedRental], counts[Nature::kGuestHouse]);
  EXPECT_GT(counts[Nature::kGuestHouse], counts[Nature::kCamping]);
  EXPECT_GE(counts[Nature::kHotel], 1);
  EXPECT_LE(counts[Nature::kHotel], 3);
  EXPECT_GT(counts[Nature::kCamping], 0);
  EXPECT_GT(counts[Nature::kCamperVanArea], 0);
  EXPECT_GT(counts[Nature::kHolidayVillage], 0);
  EXPECT_GT(counts[Nature::kHostel], 0);
  EXPECT_GT(counts[Nature::kOther], 0);
  EXPECT_EQ(counts[Nature::kPalace], 0);
  EXPECT_EQ(counts[Nature::kMarina], 0);  // no sea
}

TEST(DemoTerritory, GivesRealisticCapacities) {
  for (const auto& accommodation : Territory().accommodations) {
    const int persons = accommodation.capacity_persons;
    const int units = accommodation.capacity_units.value_or(0);
    switch (accommodation.nature) {
      case Nature::kFurnishedRental:
        EXPECT_TRUE(persons >= 2 && persons <= 10) << persons;
        break;
      case Nature::kGuestHouse:
        EXPECT_TRUE(persons >= 2 && persons <= 15) << persons;
        break;
      case Nature::kCamping:
        EXPECT_TRUE(persons >= 50 && persons <= 400) << persons;
        EXPECT_TRUE(units >= 20 && units <= 120) << units;
        break;
      case Nature::kCamperVanArea:
        EXPECT_TRUE(units >= 5 && units <= 30) << units;
        break;
      default:
        EXPECT_GE(persons, 1);
        break;
    }
  }
}

TEST(DemoTerritory, RegistersEveryMeubleUnderADistinctNumber) {
  std::set<std::string> numbers;
  for (const auto& accommodation : Territory().accommodations) {
    if (accommodation.nature == Nature::kFurnishedRental) {
      ASSERT_TRUE(accommodation.registration_number.has_value()) << accommodation.name;
    }
    if (!accommodation.registration_number) continue;
    EXPECT_TRUE(ValidateRegistrationNumber(*accommodation.registration_number,
                                           accommodation.commune_insee_code));
    EXPECT_TRUE(numbers.insert(*accommodation.registration_number).second)
        << *accommodation.registration_number;
  }
}

TEST(DemoTerritory, NeverGivesAHostTwoLiveAccommodationsAtTheSameAddress) {
  std::set<std::string> keys;  // as the database's unique index reads them, roughly
  for (const auto& accommodation : Territory().accommodations) {
    if (accommodation.ceased_on) continue;
    const std::string key = accommodation.host_id.value() + "|" + accommodation.commune_insee_code +
                            "|" + accommodation.address_line;
    EXPECT_TRUE(keys.insert(key).second) << key;
  }
}

TEST(DemoTerritory, GivesCompaniesSiretsWithValidKeys) {
  int companies = 0;
  for (const auto& host : Territory().hosts) {
    if (host.kind != HostKind::kCompany) continue;
    ++companies;
    ASSERT_TRUE(host.siret.has_value()) << host.legal_name;
    EXPECT_TRUE(PassesLuhn(*host.siret)) << *host.siret;
    EXPECT_TRUE(ValidateSiren(host.siret->substr(0, 9))) << *host.siret;
  }
  EXPECT_GT(companies, 20);
  EXPECT_LT(companies, static_cast<int>(Territory().hosts.size()) / 2);  // persons mostly
}

TEST(DemoTerritory, LeavesSomeRentalsToTwoOrThreeConciergeries) {
  std::set<std::string> conciergeries;
  for (const auto& host : Territory().hosts) {
    if (host.manager) conciergeries.insert(host.manager->name);
  }
  EXPECT_GE(conciergeries.size(), 2u);
  EXPECT_LE(conciergeries.size(), 3u);
}

TEST(DemoTerritory, MixesDirectAndPlatformMarketing) {
  std::map<Marketing, int> counts;
  for (const auto& accommodation : Territory().accommodations) ++counts[accommodation.marketing];
  EXPECT_GT(counts[Marketing::kDirect], 30);
  EXPECT_GT(counts[Marketing::kPlatforms], 30);
  EXPECT_GT(counts[Marketing::kBoth], 30);
}

TEST(DemoTerritory, HasAHandfulCeasedAndCampingsClosedForTheWinter) {
  int ceased = 0;
  for (const auto& accommodation : Territory().accommodations) {
    const auto status = accommodation.StatusOn(kDemoReferenceDay);
    if (status == AccommodationStatus::kCeased) ++ceased;
    if (accommodation.nature == Nature::kCamping) {
      EXPECT_EQ(status, AccommodationStatus::kClosed) << accommodation.name;
    }
  }
  EXPECT_GE(ceased, 3);
  EXPECT_LE(ceased, 15);
}

TEST(DemoTerritory, ClassifiesAboutTwentySevenPercentOfAccommodations) {
  std::set<std::string> classified;
  for (const auto& classification : Territory().classifications) {
    classified.insert(classification.accommodation_id.value());
  }
  const double share = static_cast<double>(classified.size()) /
                       static_cast<double>(Territory().accommodations.size());
  EXPECT_GE(share, 0.22);
  EXPECT_LE(share, 0.32);
}

TEST(DemoTerritory, RanksOnlyWhatCanBeRankedForFiveYears) {
  const auto by_id = ById(Territory());
  const Day seven_years_before = Day{date::year{2019}, date::November, date::day{23}};
  for (const auto& classification : Territory().classifications) {
    const auto found = by_id.find(classification.accommodation_id.value());
    ASSERT_NE(found, by_id.end());
    const Accommodation& accommodation = *found->second;
    EXPECT_TRUE(ValidateRank(accommodation.nature, classification.rank)) << accommodation.name;
    EXPECT_EQ(classification.expires_on, DefaultExpiry(classification.decided_on));
    EXPECT_LT(classification.decided_on, kDemoReferenceDay);
    EXPECT_GE(classification.decided_on, seven_years_before);
    EXPECT_FALSE(accommodation.ceased_on.has_value());
    if (accommodation.opened_on) {
      EXPECT_LT(*accommodation.opened_on, classification.decided_on);
    }
  }
}

TEST(DemoTerritory, HasClassificationsExpiredAndExpiringWithinSixtyDays) {
  const Day in_sixty_days = AddDays(kDemoReferenceDay, 60);
  int expired = 0;
  int expiring = 0;
  for (const auto& classification : Territory().classifications) {
    if (classification.expires_on < kDemoReferenceDay) ++expired;
    if (classification.expires_on >= kDemoReferenceDay &&
        classification.expires_on <= in_sixty_days) {
      ++expiring;
    }
  }
  EXPECT_GE(expired, 4);
  EXPECT_GE(expiring, 3);
}

}  // namespace
}  // namespace nuitee::demo
