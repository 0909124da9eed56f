// Natures of accommodation: names, labels, capacity units and registration numbers.
#include "domain/nature.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace nuitee {
namespace {

TEST(Nature, RoundTripsEveryName) {
  for (Nature nature : kAllNatures) {
    EXPECT_EQ(ParseNature(NatureName(nature)), nature) << NatureName(nature);
  }
}

TEST(Nature, GivesDistinctNamesAndLabels) {
  std::set<std::string> names, labels;
  for (Nature nature : kAllNatures) {
    names.insert(std::string(NatureName(nature)));
    labels.insert(std::string(NatureLabel(nature)));
  }
  EXPECT_EQ(names.size(), kAllNatures.size());
  EXPECT_EQ(labels.size(), kAllNatures.size());
}

TEST(Nature, UsesTheApiNames) {
  EXPECT_EQ(NatureName(Nature::kFurnishedRental), "furnished_rental");
  EXPECT_EQ(NatureName(Nature::kCamperVanArea), "camper_van_area");
  EXPECT_EQ(NatureName(Nature::kGuestHouse), "guest_house");
  EXPECT_EQ(NatureLabel(Nature::kFurnishedRental), "Meublé de tourisme");
}

TEST(Nature, RejectsUnknownNames) {
  for (const char* name : {"", "Hotel", "HOTEL", "meublé", "furnished-rental", "hotel "}) {
    EXPECT_FALSE(ParseNature(name).has_value()) << "'" << name << "'";
  }
}

TEST(Nature, CountsPitchesForCampingsAndCamperVanAreasAndMooringsForMarinas) {
  for (Nature nature : kAllNatures) {
    CapacityUnit expected = CapacityUnit::kNone;
    if (nature == Nature::kCamping || nature == Nature::kCamperVanArea) {
      expected = CapacityUnit::kPitches;
    } else if (nature == Nature::kMarina) {
      expected = CapacityUnit::kMoorings;
    }
    EXPECT_EQ(CapacityUnitOf(nature), expected) << NatureName(nature);
  }
}

TEST(Nature, RequiresARegistrationNumberOnlyForMeubles) {
  for (Nature nature : kAllNatures) {
    EXPECT_EQ(RequiresRegistrationNumber(nature), nature == Nature::kFurnishedRental)
        << NatureName(nature);
  }
}

TEST(Nature, AcceptsARegistrationNumberForMeublesAndGuestHouses) {
  for (Nature nature : kAllNatures) {
    EXPECT_EQ(AcceptsRegistrationNumber(nature),
              nature == Nature::kFurnishedRental || nature == Nature::kGuestHouse)
        << NatureName(nature);
  }
}

}  // namespace
}  // namespace nuitee
