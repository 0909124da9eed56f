// Accommodation: its status on a day and the validation of its record.
#include "domain/accommodation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace nuitee {
namespace {

Day D(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

Collectivity Cantal() {
  Collectivity collectivity;
  collectivity.id = CollectivityId("epci-1");
  collectivity.name = "Communauté de communes du Cantal (exemple)";
  collectivity.siren = "200066637";
  collectivity.department_code = "15";
  collectivity.communes = {{"15014", "Aurillac"}, {"15187", "Saint-Flour"}};
  return collectivity;
}

Accommodation Meuble() {
  Accommodation accommodation;
  accommodation.id = AccommodationId("acc-1");
  accommodation.collectivity_id = CollectivityId("epci-1");
  accommodation.host_id = HostId("host-1");
  accommodation.name = "Gîte du Puy Mary";
  accommodation.commune_insee_code = "15014";
  accommodation.address_line = "3 rue des Carmes";
  accommodation.postal_code = "15000";
  accommodation.nature = Nature::kFurnishedRental;
  accommodation.capacity_persons = 4;
  accommodation.registration_number = "15014123456AB";
  return accommodation;
}

Accommodation Camping() {
  Accommodation accommodation = Meuble();
  accommodation.name = "Camping de l'Ander";
  accommodation.commune_insee_code = "15187";
  accommodation.postal_code = "15100";
  accommodation.nature = Nature::kCamping;
  accommodation.capacity_persons = 300;
  accommodation.capacity_units = 80;
  accommodation.registration_number.reset();
  return accommodation;
}

Status Validate(const Accommodation& accommodation, bool registration_required = true) {
  return ValidateAccommodation(accommodation, Cantal(), registration_required);
}

bool HasErrorOn(const Status& status, const std::string& field) {
  if (status) return false;
  const auto& errors = status.error().field_errors;
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& each) { return each.field == field; });
}

std::string MessageOn(const Status& status, const std::string& field) {
  if (status) return {};
  for (const auto& each : status.error().field_errors) {
    if (each.field == field) return each.message;
  }
  return {};
}

// --- Names ---

TEST(Marketing, RoundTripsItsNames) {
  for (Marketing marketing : {Marketing::kDirect, Marketing::kPlatforms, Marketing::kBoth}) {
    EXPECT_EQ(ParseMarketing(MarketingName(marketing)), marketing);
  }
  EXPECT_EQ(MarketingName(Marketing::kPlatforms), "platforms");
  EXPECT_FALSE(ParseMarketing("airbnb").has_value());
  EXPECT_FALSE(ParseMarketing("").has_value());
}

TEST(AccommodationStatus, RoundTripsItsNames) {
  for (auto status :
       {AccommodationStatus::kActive, AccommodationStatus::kClosed, AccommodationStatus::kCeased}) {
    EXPECT_EQ(ParseAccommodationStatus(AccommodationStatusName(status)), status);
  }
  EXPECT_EQ(AccommodationStatusName(AccommodationStatus::kCeased), "ceased");
  EXPECT_FALSE(ParseAccommodationStatus("Active").has_value());
  EXPECT_FALSE(ParseAccommodationStatus("deleted").has_value());
}

// --- Status on a day ---

TEST(AccommodationStatusOn, IsActiveWithoutClosureOrCessation) {
  EXPECT_EQ(Meuble().StatusOn(D(2025, 7, 14)), AccommodationStatus::kActive);
}

TEST(AccommodationStatusOn, IsClosedOnBothEndsOfAClosure) {
  Accommodation accommodation = Camping();
  accommodation.closures = {{D(2024, 10, 1), D(2025, 3, 31)}};
  EXPECT_EQ(accommodation.StatusOn(D(2024, 9, 30)), AccommodationStatus::kActive);
  EXPECT_EQ(accommodation.StatusOn(D(2024, 10, 1)), AccommodationStatus::kClosed);
  EXPECT_EQ(accommodation.StatusOn(D(2025, 1, 15)), AccommodationStatus::kClosed);
  EXPECT_EQ(accommodation.StatusOn(D(2025, 3, 31)), AccommodationStatus::kClosed);
  EXPECT_EQ(accommodation.StatusOn(D(2025, 4, 1)), AccommodationStatus::kActive);
}

TEST(AccommodationStatusOn, LooksAtEveryClosure) {
  Accommodation accommodation = Camping();
  accommodation.closures = {{D(2024, 10, 1), D(2025, 3, 31)}, {D(2025, 10, 1), D(2026, 3, 31)}};
  EXPECT_EQ(accommodation.StatusOn(D(2025, 7, 1)), AccommodationStatus::kActive);
  EXPECT_EQ(accommodation.StatusOn(D(2025, 12, 25)), AccommodationStatus::kClosed);
}

TEST(AccommodationStatusOn, IsCeasedFromTheCessationDay) {
  Accommodation accommodation = Meuble();
  accommodation.ceased_on = D(2025, 6, 30);
  EXPECT_EQ(accommodation.StatusOn(D(2025, 6, 29)), AccommodationStatus::kActive);
  EXPECT_EQ(accommodation.StatusOn(D(2025, 6, 30)), AccommodationStatus::kCeased);
  EXPECT_EQ(accommodation.StatusOn(D(2030, 1, 1)), AccommodationStatus::kCeased);
}

TEST(AccommodationStatusOn, PutsCessationBeforeAClosure) {
  Accommodation accommodation = Camping();
  accommodation.closures = {{D(2025, 10, 1), D(2026, 3, 31)}};
  accommodation.ceased_on = D(2025, 11, 1);
  EXPECT_EQ(accommodation.StatusOn(D(2025, 10, 31)), AccommodationStatus::kClosed);
  EXPECT_EQ(accommodation.StatusOn(D(2025, 11, 1)), AccommodationStatus::kCeased);
}

// --- Validation: identity and place ---

TEST(ValidateAccommodation, AcceptsARegisteredMeuble) {
  auto result = Validate(Meuble());
  EXPECT_TRUE(result.has_value()) << result.error().message;
}

TEST(ValidateAccommodation, AcceptsACampingWithItsPitches) {
  auto result = Validate(Camping());
  EXPECT_TRUE(result.has_value()) << result.error().message;
}

TEST(ValidateAccommodation, RequiresAName) {
  Accommodation accommodation = Meuble();
  accommodation.name.clear();
  EXPECT_TRUE(HasErrorOn(Validate(accommodation), "/name"));
}

TEST(ValidateAccommodation, RequiresAMemberCommune) {
  Accommodation accommodation = Meuble();
  accommodation.commune_insee_code = "75056";
  accommodation.registration_number = "75056123456AB";
  auto result = Validate(accommodation);
  EXPECT_EQ(MessageOn(result, "/commune"), "Cette commune n'est pas membre de la collectivité.");
  EXPECT_FALSE(HasErrorOn(result, "/registration_number"));
}

TEST(ValidateAccommodation, RequiresAnAddressLine) {
  Accommodation accommodation = Meuble();
  accommodation.address_line.clear();
  EXPECT_TRUE(HasErrorOn(Validate(accommodation), "/address/line"));
}

TEST(ValidateAccommodation, RequiresAFiveDigitPostalCode) {
  for (const char* code : {"", "1500", "150000", "15 00", "2A000"}) {
    Accommodation accommodation = Meuble();
    accommodation.postal_code = code;
    EXPECT_TRUE(HasErrorOn(Validate(accommodation), "/address/postal_code")) << code;
  }
}

// --- Validation: capacity ---

struct CapacityCase {
  int persons;
  bool valid;
};

class CapacityPersons : public testing::TestWithParam<CapacityCase> {};

TEST_P(CapacityPersons, IsBetweenOneAndOneHundredThousand) {
  Accommodation accommodation = Meuble();
  accommodation.capacity_persons = GetParam().persons;
  EXPECT_EQ(HasErrorOn(Validate(accommodation), "/capacity_persons"), !GetParam().valid)
      << GetParam().persons;
}

INSTANTIATE_TEST_SUITE_P(ValidateAccommodation, CapacityPersons,
                         testing::Values(CapacityCase{-1, false}, CapacityCase{0, false},
                                         CapacityCase{1, true}, CapacityCase{2, true},
                                         CapacityCase{99999, true}, CapacityCase{100000, true},
                                         CapacityCase{100001, false}));

TEST(ValidateAccommodation, ExplainsACapacityThatIsTooLarge) {
  // 100 001 persons is refused, but not because it is below one person.
  Accommodation accommodation = Meuble();
  accommodation.capacity_persons = 100001;
  const std::string message = MessageOn(Validate(accommodation), "/capacity_persons");
  ASSERT_FALSE(message.empty());
  EXPECT_EQ(message.find("au moins une personne"), std::string::npos) << message;
}

TEST(ValidateAccommodation, RefusesCapacityUnitsForAHotel) {
  Accommodation accommodation = Meuble();
  accommodation.nature = Nature::kHotel;
  accommodation.registration_number.reset();
  accommodation.capacity_units = 10;
  auto result = Validate(accommodation);
  EXPECT_EQ(MessageOn(result, "/capacity_units"),
            "Seuls les campings, aires de camping-cars et ports de plaisance ont des "
            "emplacements ou des anneaux.");
}

TEST(ValidateAccommodation, RequiresPitchesForACamping) {
  Accommodation accommodation = Camping();
  accommodation.capacity_units.reset();
  EXPECT_EQ(MessageOn(Validate(accommodation), "/capacity_units"),
            "Le nombre d'emplacements est obligatoire.");
}

TEST(ValidateAccommodation, RequiresPitchesForACamperVanArea) {
  Accommodation accommodation = Camping();
  accommodation.nature = Nature::kCamperVanArea;
  accommodation.capacity_units.reset();
  EXPECT_EQ(MessageOn(Validate(accommodation), "/capacity_units"),
            "Le nombre d'emplacements est obligatoire.");
  accommodation.capacity_units = 12;
  EXPECT_TRUE(Validate(accommodation).has_value());
}

TEST(ValidateAccommodation, RequiresMooringsForAMarina) {
  Accommodation accommodation = Camping();
  accommodation.nature = Nature::kMarina;
  accommodation.capacity_units.reset();
  EXPECT_EQ(MessageOn(Validate(accommodation), "/capacity_units"),
            "Le nombre d'anneaux est obligatoire.");
  accommodation.capacity_units = 0;
  EXPECT_EQ(MessageOn(Validate(accommodation), "/capacity_units"),
            "Le nombre d'anneaux doit être positif.");
  accommodation.capacity_units = 1;
  EXPECT_TRUE(Validate(accommodation).has_value());
}

TEST(ValidateAccommodation, RequiresAPositiveNumberOfPitches) {
  for (int units : {0, -5}) {
    Accommodation accommodation = Camping();
    accommodation.capacity_units = units;
    EXPECT_EQ(MessageOn(Validate(accommodation), "/capacity_units"),
              "Le nombre d'emplacements doit être positif.")
        << units;
  }
}

// --- Validation: registration number ---

TEST(ValidateAccommodation, RequiresTheNumberOfAMeubleWhenTheCollectivitySaysSo) {
  Accommodation accommodation = Meuble();
  accommodation.registration_number.reset();
  EXPECT_EQ(MessageOn(Validate(accommodation, true), "/registration_number"),
            "Le numéro d'enregistrement est obligatoire pour un meublé de tourisme.");
}

TEST(ValidateAccommodation, AcceptsAMeubleWithoutNumberWhenTheCollectivityDoesNotRequireIt) {
  Accommodation accommodation = Meuble();
  accommodation.registration_number.reset();
  EXPECT_TRUE(Validate(accommodation, false).has_value());
}

TEST(ValidateAccommodation, StillChecksAGivenNumberWhenNotRequired) {
  Accommodation accommodation = Meuble();
  accommodation.registration_number = "15014123";
  EXPECT_TRUE(HasErrorOn(Validate(accommodation, false), "/registration_number"));
}

TEST(ValidateAccommodation, AcceptsAGuestHouseWithOrWithoutANumber) {
  Accommodation accommodation = Meuble();
  accommodation.nature = Nature::kGuestHouse;
  EXPECT_TRUE(Validate(accommodation).has_value());
  accommodation.registration_number.reset();
  EXPECT_TRUE(Validate(accommodation, true).has_value());
}

TEST(ValidateAccommodation, ChecksTheNumberOfAGuestHouse) {
  Accommodation accommodation = Meuble();
  accommodation.nature = Nature::kGuestHouse;
  accommodation.registration_number = "15014123456a";
  EXPECT_TRUE(HasErrorOn(Validate(accommodation), "/registration_number"));
}

TEST(ValidateAccommodation, RefusesANumberForOtherNatures) {
  for (Nature nature : kAllNatures) {
    if (AcceptsRegistrationNumber(nature)) continue;
    Accommodation accommodation = Meuble();
    accommodation.nature = nature;
    if (CapacityUnitOf(nature) != CapacityUnit::kNone) accommodation.capacity_units = 10;
    auto result = Validate(accommodation);
    EXPECT_EQ(MessageOn(result, "/registration_number"),
              "Seuls les meublés de tourisme et les chambres d'hôtes ont un numéro "
              "d'enregistrement.")
        << NatureName(nature);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().field_errors.size(), 1u) << NatureName(nature);
  }
}

TEST(ValidateAccommodation, RequiresTheNumberToStartWithItsOwnCommune) {
  Accommodation accommodation = Meuble();
  accommodation.registration_number = "15187123456AB";  // Saint-Flour, also a member
  EXPECT_EQ(MessageOn(Validate(accommodation), "/registration_number"),
            "Le numéro d'enregistrement doit commencer par le code INSEE de la commune de "
            "l'hébergement (15014).");
}

// --- Validation: periods ---

TEST(ValidateAccommodation, RefusesAReversedClosure) {
  Accommodation accommodation = Camping();
  accommodation.closures = {{D(2025, 3, 31), D(2024, 10, 1)}};
  EXPECT_EQ(MessageOn(Validate(accommodation), "/closures/0/to"),
            "La fin de la fermeture précède son début.");
}

TEST(ValidateAccommodation, AcceptsAOneDayClosure) {
  Accommodation accommodation = Camping();
  accommodation.closures = {{D(2025, 5, 1), D(2025, 5, 1)}};
  EXPECT_TRUE(Validate(accommodation).has_value());
}

TEST(ValidateAccommodation, AcceptsClosuresThatFollowEachOther) {
  Accommodation accommodation = Camping();
  accommodation.closures = {{D(2025, 1, 1), D(2025, 1, 31)}, {D(2025, 2, 1), D(2025, 2, 28)}};
  EXPECT_TRUE(Validate(accommodation).has_value());
}

TEST(ValidateAccommodation, RefusesClosuresSharingADay) {
  // Closures are inclusive: a closure ending on 31 January overlaps one starting that day.
  Accommodation accommodation = Camping();
  accommodation.closures = {{D(2025, 1, 1), D(2025, 1, 31)}, {D(2025, 1, 31), D(2025, 2, 28)}};
  EXPECT_EQ(MessageOn(Validate(accommodation), "/closures/1"),
            "Cette période de fermeture chevauche la période n° 1.");
}

TEST(ValidateAccommodation, RefusesAClosureInsideAnother) {
  Accommodation accommodation = Camping();
  accommodation.closures = {{D(2024, 10, 1), D(2025, 3, 31)},
                            {D(2025, 6, 1), D(2025, 6, 30)},
                            {D(2025, 1, 1), D(2025, 1, 15)}};
  auto result = Validate(accommodation);
  EXPECT_EQ(MessageOn(result, "/closures/2"),
            "Cette période de fermeture chevauche la période n° 1.");
  EXPECT_FALSE(HasErrorOn(result, "/closures/1"));
}

TEST(ValidateAccommodation, AcceptsACessationOnTheOpeningDay) {
  Accommodation accommodation = Meuble();
  accommodation.opened_on = D(2025, 5, 1);
  accommodation.ceased_on = D(2025, 5, 1);
  EXPECT_TRUE(Validate(accommodation).has_value());
}

TEST(ValidateAccommodation, RefusesACessationBeforeTheOpening) {
  Accommodation accommodation = Meuble();
  accommodation.opened_on = D(2025, 5, 1);
  accommodation.ceased_on = D(2025, 4, 30);
  EXPECT_EQ(MessageOn(Validate(accommodation), "/ceased_on"),
            "La date de cessation précède la date d'ouverture.");
}

TEST(ValidateAccommodation, ReportsEveryProblemAtOnce) {
  Accommodation accommodation;
  accommodation.nature = Nature::kCamping;
  accommodation.commune_insee_code = "99999";
  accommodation.registration_number = "x";
  accommodation.closures = {{D(2025, 2, 1), D(2025, 1, 1)}};
  accommodation.opened_on = D(2025, 1, 1);
  accommodation.ceased_on = D(2024, 1, 1);
  auto result = Validate(accommodation);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  for (const char* field :
       {"/name", "/commune", "/address/line", "/address/postal_code", "/capacity_persons",
        "/capacity_units", "/registration_number", "/closures/0/to", "/ceased_on"}) {
    EXPECT_TRUE(HasErrorOn(result, field)) << field;
  }
}

}  // namespace
}  // namespace nuitee
