// Error codes to HTTP statuses, and the RFC 9457 problem+json body.
#include "api/http/problem.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nuitee::api {
namespace {

struct StatusCase {
  ErrorCode code;
  int status;
  const char* slug;
};

class ErrorCodeMapping : public testing::TestWithParam<StatusCase> {};

TEST_P(ErrorCodeMapping, GivesOneStatusAndOneType) {
  EXPECT_EQ(static_cast<int>(HttpStatusFor(GetParam().code)), GetParam().status);
  const Problem problem = ProblemFor(Error{GetParam().code, "détail", {}, {}});
  EXPECT_EQ(static_cast<int>(problem.status), GetParam().status);
  EXPECT_EQ(problem.slug, GetParam().slug);
  EXPECT_FALSE(problem.title.empty());
}

INSTANTIATE_TEST_SUITE_P(
    HttpStatusFor, ErrorCodeMapping,
    testing::Values(StatusCase{ErrorCode::kInvalidArgument, 400, "validation"},
                    StatusCase{ErrorCode::kNotFound, 404, "not-found"},
                    StatusCase{ErrorCode::kAlreadyExists, 409, "already-exists"},
                    StatusCase{ErrorCode::kFailedPrecondition, 409, "failed-precondition"},
                    StatusCase{ErrorCode::kConflict, 409, "conflict"},
                    StatusCase{ErrorCode::kStaleVersion, 412, "stale-version"},
                    StatusCase{ErrorCode::kPreconditionRequired, 428, "precondition-required"},
                    StatusCase{ErrorCode::kRuleViolation, 422, "rule-violation"},
                    StatusCase{ErrorCode::kUnauthenticated, 401, "unauthenticated"},
                    StatusCase{ErrorCode::kPermissionDenied, 403, "forbidden"},
                    StatusCase{ErrorCode::kUnavailable, 503, "unavailable"},
                    StatusCase{ErrorCode::kInternal, 500, "internal"}));

TEST(ProblemFor, CarriesTheMessageAndFieldErrors) {
  const Error error = Error::Invalid({{"/siret", "Le SIRET doit comporter exactement 14 chiffres."},
                                      {"/email", "L'adresse e-mail n'est pas valide."}});
  const Problem problem = ProblemFor(error);
  EXPECT_EQ(problem.status, Pistache::Http::Code::Bad_Request);
  EXPECT_EQ(problem.title, "Requête invalide");
  EXPECT_EQ(problem.detail, "La requête contient des valeurs invalides.");
  EXPECT_EQ(problem.errors, error.field_errors);
  EXPECT_TRUE(problem.location.empty());
}

TEST(ProblemFor, KeepsTheLocationOfAnExistingResource) {
  const Problem problem =
      ProblemFor(Error::AlreadyExists("Ce SIRET est déjà enregistré.", "/hosts/h-42"));
  EXPECT_EQ(problem.status, Pistache::Http::Code::Conflict);
  EXPECT_EQ(problem.location, "/hosts/h-42");
}

TEST(ProblemBody, HasTheRfc9457MembersAndTheRequestId) {
  const Problem problem = ProblemFor(Error::NotFound("Cet hébergement n'existe pas."));
  const nlohmann::json body = ProblemBody(problem, "/accommodations/a-1", "req-123");
  EXPECT_EQ(body.at("type"), "urn:nuitee:problem:not-found");
  EXPECT_EQ(body.at("title"), "Ressource introuvable");
  EXPECT_EQ(body.at("status"), 404);
  EXPECT_TRUE(body.at("status").is_number_integer());
  EXPECT_EQ(body.at("detail"), "Cet hébergement n'existe pas.");
  EXPECT_EQ(body.at("instance"), "/accommodations/a-1");
  EXPECT_EQ(body.at("request_id"), "req-123");
}

TEST(ProblemBody, LeavesOutErrorsAndExistingWhenThereAreNone) {
  const nlohmann::json body = ProblemBody(ProblemFor(Error::Internal()), "/hosts", "req-1");
  EXPECT_FALSE(body.contains("errors"));
  EXPECT_FALSE(body.contains("existing"));
  EXPECT_EQ(body.at("status"), 500);
  EXPECT_EQ(body.at("detail"), "Une erreur interne est survenue.");
}

TEST(ProblemBody, ListsEachFieldErrorWithItsPointer) {
  const Error error = Error::Invalid({{"/address/postal_code",
                                       "Le code postal doit comporter 5 "
                                       "chiffres."},
                                      {"", "Argument inattendu."}});
  const nlohmann::json body = ProblemBody(ProblemFor(error), "/hosts", "req-2");
  ASSERT_TRUE(body.contains("errors"));
  ASSERT_TRUE(body.at("errors").is_array());
  ASSERT_EQ(body.at("errors").size(), 2u);
  EXPECT_EQ(body.at("errors")[0],
            (nlohmann::json{{"pointer", "/address/postal_code"},
                            {"detail", "Le code postal doit comporter 5 chiffres."}}));
  EXPECT_EQ(body.at("errors")[1].at("pointer"), "");
  EXPECT_EQ(body.at("type"), "urn:nuitee:problem:validation");
  EXPECT_EQ(body.at("status"), 400);
}

TEST(ProblemBody, NamesTheExistingResourceOfAConflict) {
  const nlohmann::json body =
      ProblemBody(ProblemFor(Error::AlreadyExists("Doublon.", "/hosts/h-42")), "/hosts", "r");
  EXPECT_EQ(body.at("existing"), "/hosts/h-42");
  EXPECT_EQ(body.at("status"), 409);
  EXPECT_EQ(body.at("type"), "urn:nuitee:problem:already-exists");
}

TEST(ProblemBody, SaysIfMatchIsRequiredWith428) {
  const nlohmann::json body = ProblemBody(
      ProblemFor(Error{ErrorCode::kPreconditionRequired, "En-tête If-Match manquant.", {}, {}}),
      "/hosts/h-1", "r");
  EXPECT_EQ(body.at("status"), 428);
  EXPECT_EQ(body.at("type"), "urn:nuitee:problem:precondition-required");
}

TEST(ProblemBody, KeepsFrenchTextIntactInJson) {
  const nlohmann::json body =
      ProblemBody(ProblemFor(Error::Conflict("Période déjà déclarée « 2025-07 ».")), "/x", "r");
  const nlohmann::json reparsed = nlohmann::json::parse(body.dump());
  EXPECT_EQ(reparsed.at("detail"), "Période déjà déclarée « 2025-07 ».");
}

}  // namespace
}  // namespace nuitee::api
