// Protocol-neutral errors and the collection of every field problem of an input.
#include "domain/core/error.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nuitee {
namespace {

TEST(Error, InvalidArgumentNamesItsFieldAndMessage) {
  const Error error = Error::InvalidArgument("/siret", "Le SIRET est obligatoire.");
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message, "Le SIRET est obligatoire.");
  ASSERT_EQ(error.field_errors.size(), 1u);
  EXPECT_EQ(error.field_errors[0], (FieldError{"/siret", "Le SIRET est obligatoire."}));
  EXPECT_TRUE(error.location.empty());
}

TEST(Error, InvalidKeepsEveryFieldWithAGeneralMessage) {
  const Error error = Error::Invalid({{"/name", "a"}, {"/siren", "b"}});
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message, "La requête contient des valeurs invalides.");
  ASSERT_EQ(error.field_errors.size(), 2u);
  EXPECT_EQ(error.field_errors[1].field, "/siren");
}

TEST(Error, FactoriesSetTheirCodeAndMessage) {
  EXPECT_EQ(Error::NotFound("Hébergement introuvable.").code, ErrorCode::kNotFound);
  EXPECT_EQ(Error::NotFound("Hébergement introuvable.").message, "Hébergement introuvable.");
  EXPECT_EQ(Error::FailedPrecondition("x").code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(Error::Conflict("x").code, ErrorCode::kConflict);
  EXPECT_EQ(Error::Unavailable("x").code, ErrorCode::kUnavailable);
  EXPECT_EQ(Error::StaleVersion().code, ErrorCode::kStaleVersion);
  EXPECT_FALSE(Error::StaleVersion().message.empty());
  EXPECT_EQ(Error::Internal().code, ErrorCode::kInternal);
  EXPECT_EQ(Error::Internal().message, "Une erreur interne est survenue.");
  for (const Error& error : {Error::NotFound("x"), Error::Conflict("x"), Error::Internal()}) {
    EXPECT_TRUE(error.field_errors.empty());
  }
}

TEST(Error, AlreadyExistsPointsAtTheExistingResource) {
  const Error error = Error::AlreadyExists("Ce SIRET est déjà enregistré.", "/hosts/h-42");
  EXPECT_EQ(error.code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(error.location, "/hosts/h-42");
  EXPECT_TRUE(Error::AlreadyExists("x").location.empty());
}

TEST(Error, DefaultsToInternal) { EXPECT_EQ(Error{}.code, ErrorCode::kInternal); }

TEST(Result, CarriesAValueOrAnError) {
  Result<int> good = 42;
  Result<int> bad = Fail(Error::NotFound("absent"));
  ASSERT_TRUE(good.has_value());
  EXPECT_EQ(*good, 42);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
  Status ok = {};
  Status failed = Fail(Error::Internal());
  EXPECT_TRUE(ok.has_value());
  EXPECT_FALSE(failed.has_value());
}

TEST(FieldErrors, StartsEmpty) {
  FieldErrors errors;
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(errors.errors().empty());
}

TEST(FieldErrors, KeepsTheOrderOfAddition) {
  FieldErrors errors;
  errors.Add("/name", "Le nom est obligatoire.");
  errors.Add("/siren", "Le SIREN est invalide.");
  EXPECT_FALSE(errors.empty());
  ASSERT_EQ(errors.errors().size(), 2u);
  EXPECT_EQ(errors.errors()[0].field, "/name");
  EXPECT_EQ(errors.errors()[1].field, "/siren");
}

TEST(FieldErrors, AppendsTheFieldsOfAnErrorUnderAPrefix) {
  FieldErrors errors;
  errors.Append(Error::Invalid({{"/line", "a"}, {"/city", "b"}}), "/address");
  ASSERT_EQ(errors.errors().size(), 2u);
  EXPECT_EQ(errors.errors()[0], (FieldError{"/address/line", "a"}));
  EXPECT_EQ(errors.errors()[1], (FieldError{"/address/city", "b"}));
}

TEST(FieldErrors, AppendsAnErrorWithoutFieldsAsItsMessageOnThePrefix) {
  FieldErrors errors;
  errors.Append(Error::Conflict("Déjà clos."), "/period");
  errors.Append(Error::Conflict("Sans préfixe."));
  ASSERT_EQ(errors.errors().size(), 2u);
  EXPECT_EQ(errors.errors()[0], (FieldError{"/period", "Déjà clos."}));
  EXPECT_EQ(errors.errors()[1], (FieldError{"", "Sans préfixe."}));
}

TEST(FieldErrors, AppendNewSkipsFieldsThatAlreadyHaveAProblem) {
  FieldErrors errors;
  errors.Add("/siret", "Le SIRET doit être une chaîne.");
  errors.AppendNew(Error::Invalid({{"/siret", "Le SIRET est obligatoire pour une société."},
                                   {"/legal_name", "Le nom est obligatoire."}}));
  ASSERT_EQ(errors.errors().size(), 2u);
  EXPECT_EQ(errors.errors()[0], (FieldError{"/siret", "Le SIRET doit être une chaîne."}));
  EXPECT_EQ(errors.errors()[1], (FieldError{"/legal_name", "Le nom est obligatoire."}));
}

TEST(FieldErrors, AppendNewKeepsEveryFieldWhenNoneIsKnown) {
  FieldErrors errors;
  errors.AppendNew(Error::Invalid({{"/name", "a"}, {"/siren", "b"}}));
  EXPECT_EQ(errors.errors().size(), 2u);
}

TEST(FieldErrors, AppendNewDoesNotLoseAnErrorWithoutFields) {
  // Append turns a field-less error into one entry; AppendNew must not drop it, or the input
  // would pass validation with its problem unreported.
  FieldErrors errors;
  errors.AppendNew(Error::FailedPrecondition("Cette collectivité est archivée."));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors.errors()[0].message, "Cette collectivité est archivée.");
}

TEST(FieldErrors, BecomesOneInvalidArgumentError) {
  FieldErrors errors;
  errors.Add("/name", "Le nom est obligatoire.");
  errors.Add("/email", "L'adresse e-mail n'est pas valide.");
  const Error error = errors.ToError();
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message, "La requête contient des valeurs invalides.");
  EXPECT_EQ(error.field_errors, errors.errors());
}

}  // namespace
}  // namespace nuitee
