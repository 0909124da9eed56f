// Postal addresses, e-mail addresses and phone numbers as hosts type them.
#include "domain/address.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nuitee {
namespace {

PostalAddress Lioran() { return {"12 route du Lioran", "15300", "Laveissière"}; }

TEST(PostalAddress, AcceptsACompleteAddress) {
  FieldErrors errors;
  ValidatePostalAddress(Lioran(), "/address", errors);
  EXPECT_TRUE(errors.empty());
}

TEST(PostalAddress, ReportsEachMissingPartUnderThePointer) {
  FieldErrors errors;
  ValidatePostalAddress({}, "/manager/address", errors);
  ASSERT_EQ(errors.errors().size(), 3u);
  EXPECT_EQ(errors.errors()[0].field, "/manager/address/line");
  EXPECT_EQ(errors.errors()[1].field, "/manager/address/postal_code");
  EXPECT_EQ(errors.errors()[2].field, "/manager/address/city");
}

TEST(PostalAddress, AddsToErrorsAlreadyCollected) {
  FieldErrors errors;
  errors.Add("/name", "Le nom est obligatoire.");
  PostalAddress address = Lioran();
  address.city.clear();
  ValidatePostalAddress(address, "/address", errors);
  ASSERT_EQ(errors.errors().size(), 2u);
  EXPECT_EQ(errors.errors()[1].field, "/address/city");
}

class BadPostalCode : public testing::TestWithParam<const char*> {};

TEST_P(BadPostalCode, IsRefused) {
  PostalAddress address = Lioran();
  address.postal_code = GetParam();
  FieldErrors errors;
  ValidatePostalAddress(address, "/address", errors);
  ASSERT_EQ(errors.errors().size(), 1u) << GetParam();
  EXPECT_EQ(errors.errors()[0].field, "/address/postal_code");
  EXPECT_EQ(errors.errors()[0].message, "Le code postal doit comporter 5 chiffres.");
}

INSTANTIATE_TEST_SUITE_P(PostalAddress, BadPostalCode,
                         testing::Values("", "1530", "153000", "15 300", "2A000", "F-15300",
                                         "１５３００"));  // full-width digits

TEST(PostalAddress, AcceptsOverseasAndCorsicanPostalCodes) {
  for (const char* code : {"97400", "20000", "01000", "98000"}) {
    PostalAddress address = Lioran();
    address.postal_code = code;
    FieldErrors errors;
    ValidatePostalAddress(address, "/address", errors);
    EXPECT_TRUE(errors.empty()) << code;
  }
}

class ValidEmail : public testing::TestWithParam<const char*> {};
TEST_P(ValidEmail, LooksLikeAnEmail) { EXPECT_TRUE(LooksLikeEmail(GetParam())) << GetParam(); }
INSTANTIATE_TEST_SUITE_P(Email, ValidEmail,
                         testing::Values("hote@example.fr", "a@b.co", "prenom.nom+ts@mairie.fr",
                                         "accueil@office-tourisme.cantal.fr", "x@y.z1"));

class InvalidEmail : public testing::TestWithParam<std::string> {};
TEST_P(InvalidEmail, DoesNotLookLikeAnEmail) {
  EXPECT_FALSE(LooksLikeEmail(GetParam())) << GetParam();
}
INSTANTIATE_TEST_SUITE_P(Email, InvalidEmail,
                         testing::Values("", "hote", "@example.fr", "hote@", "hote@example",
                                         "hote@.fr", "hote@example.", "a@b@example.fr",
                                         "ho te@example.fr", "hote@example.fr,autre@example.fr",
                                         "Hôte <hote@example.fr>", "hote\t@example.fr",
                                         std::string(250, 'a') + "@b.fr"));  // 255 characters

TEST(Email, AcceptsTheLongestAddress) {
  EXPECT_TRUE(LooksLikeEmail(std::string(249, 'a') + "@b.fr"));  // 254 characters
}

class ValidPhone : public testing::TestWithParam<const char*> {};
TEST_P(ValidPhone, LooksLikeAPhone) { EXPECT_TRUE(LooksLikePhone(GetParam())) << GetParam(); }
INSTANTIATE_TEST_SUITE_P(Phone, ValidPhone,
                         testing::Values("0471000000", "04 71 00 00 00", "04.71.00.00.00",
                                         "04-71-00-00-00", "+33 4 71 00 00 00", "+262262000000",
                                         "123456789",          // 9 digits
                                         "123456789012345"));  // 15 digits

class InvalidPhone : public testing::TestWithParam<const char*> {};
TEST_P(InvalidPhone, DoesNotLookLikeAPhone) {
  EXPECT_FALSE(LooksLikePhone(GetParam())) << GetParam();
}
INSTANTIATE_TEST_SUITE_P(Phone, InvalidPhone,
                         testing::Values("", "12345678",      // 8 digits
                                         "1234567890123456",  // 16 digits
                                         "04 71 00 00 0O", "(04) 71 00 00 00", "04+71000000",
                                         "++33471000000", "+ ", "04/71/00/00/00"));

}  // namespace
}  // namespace nuitee
