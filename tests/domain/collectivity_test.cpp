// Validation of a collectivity: name, SIREN, département, member communes.
#include "domain/collectivity.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace nuitee {
namespace {

// An EPCI-style SIREN (200…): Luhn from the right 7 + 3·2=6 + 6 + 6·2→3 + 6 + 0 + 0 + 0 + 2 = 30.
constexpr const char* kEpciSiren = "200066637";

Collectivity Epci() {
  Collectivity collectivity;
  collectivity.id = CollectivityId("epci-1");
  collectivity.name = "Communauté de communes du Cantal (exemple)";
  collectivity.siren = kEpciSiren;
  collectivity.kind = CollectivityKind::kEpci;
  collectivity.department_code = "15";
  collectivity.communes = {{"15014", "Aurillac"}, {"15219", "Salers"}, {"15187", "Saint-Flour"}};
  return collectivity;
}

bool HasErrorOn(const Status& status, const std::string& field) {
  if (status) return false;
  const auto& errors = status.error().field_errors;
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& each) { return each.field == field; });
}

TEST(CollectivityKind, RoundTripsItsNames) {
  EXPECT_EQ(CollectivityKindName(CollectivityKind::kEpci), "epci");
  EXPECT_EQ(CollectivityKindName(CollectivityKind::kCommune), "commune");
  EXPECT_EQ(ParseCollectivityKind("epci"), CollectivityKind::kEpci);
  EXPECT_EQ(ParseCollectivityKind("commune"), CollectivityKind::kCommune);
}

TEST(CollectivityKind, RejectsUnknownNames) {
  EXPECT_FALSE(ParseCollectivityKind("EPCI").has_value());
  EXPECT_FALSE(ParseCollectivityKind("").has_value());
  EXPECT_FALSE(ParseCollectivityKind("department").has_value());
}

TEST(Collectivity, FindsAMemberCommuneByItsCode) {
  const Collectivity collectivity = Epci();
  const Commune* salers = collectivity.FindCommune("15219");
  ASSERT_NE(salers, nullptr);
  EXPECT_EQ(salers->name, "Salers");
  EXPECT_EQ(salers, &collectivity.communes[1]);
}

TEST(Collectivity, FindsNoCommuneOutsideItsMembers) {
  EXPECT_EQ(Epci().FindCommune("75056"), nullptr);
  EXPECT_EQ(Epci().FindCommune(""), nullptr);
}

TEST(Collectivity, AcceptsAValidEpci) {
  auto result = ValidateCollectivity(Epci());
  EXPECT_TRUE(result.has_value()) << result.error().message;
}

TEST(Collectivity, AcceptsACommuneThatIsItsOwnOnlyMember) {
  Collectivity aurillac = Epci();
  aurillac.kind = CollectivityKind::kCommune;
  aurillac.name = "Aurillac";
  aurillac.communes = {{"15014", "Aurillac"}};
  EXPECT_TRUE(ValidateCollectivity(aurillac).has_value());
}

TEST(Collectivity, RequiresAName) {
  Collectivity collectivity = Epci();
  collectivity.name.clear();
  EXPECT_TRUE(HasErrorOn(ValidateCollectivity(collectivity), "/name"));
}

TEST(Collectivity, RefusesASirenWithAWrongKey) {
  Collectivity collectivity = Epci();
  collectivity.siren = "200066638";
  auto result = ValidateCollectivity(collectivity);
  ASSERT_TRUE(HasErrorOn(result, "/siren"));
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
}

TEST(Collectivity, RefusesASirenOfTheWrongLength) {
  Collectivity collectivity = Epci();
  collectivity.siren = "20006663";
  EXPECT_TRUE(HasErrorOn(ValidateCollectivity(collectivity), "/siren"));
}

class ValidDepartmentCode : public testing::TestWithParam<const char*> {};

TEST_P(ValidDepartmentCode, IsAccepted) {
  Collectivity collectivity = Epci();
  collectivity.department_code = GetParam();
  EXPECT_FALSE(HasErrorOn(ValidateCollectivity(collectivity), "/department_code")) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Collectivity, ValidDepartmentCode,
                         testing::Values("01", "15", "75", "95", "2A", "2B", "971", "974", "976"));

class InvalidDepartmentCode : public testing::TestWithParam<const char*> {};

TEST_P(InvalidDepartmentCode, IsRefused) {
  Collectivity collectivity = Epci();
  collectivity.department_code = GetParam();
  EXPECT_TRUE(HasErrorOn(ValidateCollectivity(collectivity), "/department_code")) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Collectivity, InvalidDepartmentCode,
                         testing::Values("", "1", "00", "20", "2C", "2a", "9741", "975A", "A5",
                                         "15 ", "015"));

TEST(Collectivity, RequiresAtLeastOneCommune) {
  Collectivity collectivity = Epci();
  collectivity.communes.clear();
  auto result = ValidateCollectivity(collectivity);
  ASSERT_TRUE(HasErrorOn(result, "/communes"));
  EXPECT_EQ(result.error().field_errors[0].message,
            "La collectivité doit compter au moins une commune membre.");
}

TEST(Collectivity, RefusesACommuneWithSeveralMembers) {
  Collectivity collectivity = Epci();
  collectivity.kind = CollectivityKind::kCommune;
  EXPECT_TRUE(HasErrorOn(ValidateCollectivity(collectivity), "/communes"));
}

TEST(Collectivity, RefusesTheSameCommuneTwiceOnTheSecondEntry) {
  Collectivity collectivity = Epci();
  collectivity.communes.push_back({"15219", "Salers (bis)"});
  auto result = ValidateCollectivity(collectivity);
  ASSERT_FALSE(result.has_value());
  ASSERT_EQ(result.error().field_errors.size(), 1u);
  EXPECT_EQ(result.error().field_errors[0].field, "/communes/3/insee_code");
  EXPECT_EQ(result.error().field_errors[0].message, "Cette commune figure déjà dans la liste.");
}

TEST(Collectivity, PointsAtTheBadMemberCommune) {
  Collectivity collectivity = Epci();
  collectivity.communes[1] = {"20004", ""};
  auto result = ValidateCollectivity(collectivity);
  EXPECT_TRUE(HasErrorOn(result, "/communes/1/insee_code"));
  EXPECT_TRUE(HasErrorOn(result, "/communes/1/name"));
}

TEST(Collectivity, ReportsEveryProblemAtOnce) {
  Collectivity collectivity;
  collectivity.kind = CollectivityKind::kCommune;
  collectivity.siren = "123";
  collectivity.department_code = "00";
  auto result = ValidateCollectivity(collectivity);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message, "La requête contient des valeurs invalides.");
  EXPECT_TRUE(HasErrorOn(result, "/name"));
  EXPECT_TRUE(HasErrorOn(result, "/siren"));
  EXPECT_TRUE(HasErrorOn(result, "/department_code"));
  EXPECT_TRUE(HasErrorOn(result, "/communes"));
  EXPECT_EQ(result.error().field_errors.size(), 4u);
}

TEST(Collectivity, RequiresRegistrationNumbersByDefault) {
  EXPECT_TRUE(Collectivity{}.registration_number_required);
}

}  // namespace
}  // namespace nuitee
