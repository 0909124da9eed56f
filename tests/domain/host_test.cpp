// Validation of a host (hébergeur): identity, SIRET, contact, address and manager.
#include "domain/host.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace nuitee {
namespace {

// Google France's SIRET, Luhn-valid (sum 50): see business_identifiers_test.cpp.
constexpr const char* kValidSiret = "73282932000074";

Host Person() {
  Host host;
  host.id = HostId("host-1");
  host.collectivity_id = CollectivityId("epci-1");
  host.kind = HostKind::kPerson;
  host.legal_name = "Marie Dupont";
  host.email = "marie.dupont@example.fr";
  host.phone = "04 71 00 00 00";
  host.address = {"12 route du Lioran", "15300", "Laveissière"};
  return host;
}

Host Company() {
  Host host = Person();
  host.kind = HostKind::kCompany;
  host.legal_name = "SARL Les Gîtes du Lioran";
  host.siret = kValidSiret;
  return host;
}

bool HasErrorOn(const Status& status, const std::string& field) {
  if (status) return false;
  const auto& errors = status.error().field_errors;
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& each) { return each.field == field; });
}

TEST(HostKind, RoundTripsItsNames) {
  EXPECT_EQ(HostKindName(HostKind::kPerson), "person");
  EXPECT_EQ(HostKindName(HostKind::kCompany), "company");
  EXPECT_EQ(ParseHostKind("person"), HostKind::kPerson);
  EXPECT_EQ(ParseHostKind("company"), HostKind::kCompany);
  EXPECT_FALSE(ParseHostKind("Person").has_value());
  EXPECT_FALSE(ParseHostKind("").has_value());
}

TEST(Host, AcceptsAPersonWithoutSiret) {
  auto result = ValidateHost(Person());
  EXPECT_TRUE(result.has_value()) << result.error().message;
}

TEST(Host, AcceptsACompanyWithAValidSiret) { EXPECT_TRUE(ValidateHost(Company()).has_value()); }

TEST(Host, AcceptsAHostWithoutEmailOrPhone) {
  Host host = Person();
  host.email.reset();
  host.phone.reset();
  EXPECT_TRUE(ValidateHost(host).has_value());
}

TEST(Host, RequiresALegalName) {
  Host host = Person();
  host.legal_name.clear();
  EXPECT_TRUE(HasErrorOn(ValidateHost(host), "/legal_name"));
}

TEST(Host, RequiresASiretForACompany) {
  Host host = Company();
  host.siret.reset();
  auto result = ValidateHost(host);
  ASSERT_TRUE(HasErrorOn(result, "/siret"));
  EXPECT_EQ(result.error().field_errors[0].message, "Le SIRET est obligatoire pour une société.");
}

TEST(Host, ChecksTheKeyOfACompanysSiret) {
  Host host = Company();
  host.siret = "73282932000075";
  auto result = ValidateHost(host);
  ASSERT_TRUE(HasErrorOn(result, "/siret"));
  EXPECT_EQ(result.error().field_errors.size(), 1u);
}

TEST(Host, ChecksTheSiretOfAPersonWhoGivesOne) {
  Host host = Person();
  host.siret = "7328293200007";
  EXPECT_TRUE(HasErrorOn(ValidateHost(host), "/siret"));
}

TEST(Host, RefusesAMalformedEmail) {
  Host host = Person();
  host.email = "marie.dupont";
  EXPECT_TRUE(HasErrorOn(ValidateHost(host), "/email"));
}

TEST(Host, RefusesAnEmptyEmailWhenOneIsGiven) {
  Host host = Person();
  host.email = "";
  EXPECT_TRUE(HasErrorOn(ValidateHost(host), "/email"));
}

TEST(Host, RefusesAMalformedPhone) {
  Host host = Person();
  host.phone = "04 71";
  EXPECT_TRUE(HasErrorOn(ValidateHost(host), "/phone"));
}

TEST(Host, ChecksTheAddressUnderAddress) {
  Host host = Person();
  host.address.postal_code = "153";
  EXPECT_TRUE(HasErrorOn(ValidateHost(host), "/address/postal_code"));
}

TEST(Host, AcceptsACompleteManager) {
  Host host = Person();
  host.manager = Manager{"Conciergerie du Cantal", "contact@conciergerie.example.fr"};
  EXPECT_TRUE(ValidateHost(host).has_value());
}

TEST(Host, RequiresTheManagersNameAndEmail) {
  Host host = Person();
  host.manager = Manager{"", "pas-une-adresse"};
  auto result = ValidateHost(host);
  EXPECT_TRUE(HasErrorOn(result, "/manager/name"));
  EXPECT_TRUE(HasErrorOn(result, "/manager/email"));
}

TEST(Host, ReportsEveryProblemAtOnce) {
  Host host;
  host.kind = HostKind::kCompany;
  host.email = "x";
  host.phone = "x";
  host.manager = Manager{};
  auto result = ValidateHost(host);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  for (const char* field :
       {"/legal_name", "/siret", "/email", "/phone", "/address/line", "/address/postal_code",
        "/address/city", "/manager/name", "/manager/email"}) {
    EXPECT_TRUE(HasErrorOn(result, field)) << field;
  }
  EXPECT_EQ(result.error().field_errors.size(), 9u);
}

}  // namespace
}  // namespace nuitee
