// Every error answer is RFC 9457 problem+json, in French, with a request id and no internal text:
// checked over real HTTP against a real server.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "api/http/json_body.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpResponse;
using testing::TestServer;
using testing::CollectivityBody;
using testing::CreatedId;

json HostBody() {
  return {
      {"kind", "person"},
      {"legal_name", "Marie Dupont"},
      {"address", {{"line", "3 place de l'Église"}, {"postal_code", "15300"}, {"city", "Murat"}}}};
}

json AccommodationBody() {
  return {{"name", "Gîte du Lac"},
          {"commune", "15138"},
          {"address", {{"line", "1 rue du Lac"}, {"postal_code", "15300"}}},
          {"nature", "furnished_rental"},
          {"capacity_persons", 4},
          {"registration_number", "15138123456AB"},
          {"marketing", "platforms"}};
}

// A collectivity and one of its hosts; the client then acts for that collectivity.
struct Tenant {
  std::string collectivity;
  std::string host;
};

Tenant CreateTenant(TestServer& server) {
  Tenant tenant;
  tenant.collectivity =
      CreatedId(server.client().PostJson("/v1/collectivities", CollectivityBody()));
  server.ActAsStaff(tenant.collectivity);
  tenant.host = CreatedId(
      server.client().PostJson("/v1/collectivities/" + tenant.collectivity + "/hosts", HostBody()));
  return tenant;
}

// The parts every problem+json answer shares: media type, status, type URI, request id in both
// the header and the body, and the path as the instance.
void ExpectProblem(const HttpResponse& response, long status, const std::string& slug,
                   const std::string& path) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.Header("content-type").rfind("application/problem+json", 0), 0u)
      << response.Header("content-type");
  const json body = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(body.is_object()) << response.body;
  EXPECT_EQ(body.value("type", ""), "urn:nuitee:problem:" + slug);
  EXPECT_EQ(body.value("status", 0), status);
  EXPECT_FALSE(body.value("title", "").empty());
  EXPECT_FALSE(body.value("detail", "").empty());
  EXPECT_EQ(body.value("instance", ""), path);
  EXPECT_FALSE(response.Header("x-request-id").empty());
  EXPECT_EQ(body.value("request_id", ""), response.Header("x-request-id"));
}

// The errors[] of a problem as pointer -> detail (one entry per pointer is enough here).
std::map<std::string, std::string> FieldErrors(const HttpResponse& response) {
  std::map<std::string, std::string> errors;
  const json body = response.Json();
  if (!body.contains("errors")) return errors;
  for (const auto& each : body.at("errors")) {
    errors[each.at("pointer").get<std::string>()] = each.at("detail").get<std::string>();
  }
  return errors;
}

// Text that would betray the implementation: SQL, the driver, the database, C++ exceptions.
void ExpectNoInternalText(const std::string& body) {
  for (const char* leak :
       {"SELECT", "select ", "relation", "syntax", "uuid:", "soci", "postgres", "SQLSTATE", "ERROR",
        "std::", "what()", "invalid input", "hosts_renamed"}) {
    EXPECT_EQ(body.find(leak), std::string::npos) << "found \"" << leak << "\" in " << body;
  }
}

TEST(ProblemDetails, MalformedJsonIsBadRequestNamingTheBytePosition) {
  TestServer server;
  // The closing brace is the 10th byte, where a value was expected.
  const auto response = server.client().Request("POST", "/v1/collectivities", R"({"name": })",
                                                {{"Content-Type", "application/json"}});
  ExpectProblem(response, 400, "malformed-json", "/v1/collectivities");
  EXPECT_EQ(response.Json().at("detail"),
            "Le corps n'est pas un JSON valide (erreur à l'octet 10).");

  const auto truncated = server.client().Request("POST", "/v1/collectivities", R"({"name": "Mu)",
                                                 {{"Content-Type", "application/json"}});
  ExpectProblem(truncated, 400, "malformed-json", "/v1/collectivities");
  EXPECT_NE(truncated.Json().at("detail").get<std::string>().find("octet "), std::string::npos);

  // Valid JSON that is not an object is a validation problem, not a syntax one.
  const auto array = server.client().Request("POST", "/v1/collectivities", "[1, 2]",
                                             {{"Content-Type", "application/json"}});
  ExpectProblem(array, 400, "validation", "/v1/collectivities");
  EXPECT_EQ(FieldErrors(array)[""], "Un objet JSON est attendu, pas un tableau.");
}

TEST(ProblemDetails, EachBadFieldIsReportedWithItsPointerInFrench) {
  TestServer server;
  const Tenant tenant = CreateTenant(server);
  const std::string path = "/v1/hosts/" + tenant.host + "/accommodations";

  json unknown = AccommodationBody();
  unknown["extra"] = true;
  const auto unknown_response = server.client().PostJson(path, unknown);
  ExpectProblem(unknown_response, 400, "validation", path);
  EXPECT_EQ(FieldErrors(unknown_response),
            (std::map<std::string, std::string>{{"/extra", "Champ inconnu : « extra »."}}));

  json wrong_type = AccommodationBody();
  wrong_type["capacity_persons"] = "quatre";
  const auto wrong_type_response = server.client().PostJson(path, wrong_type);
  ExpectProblem(wrong_type_response, 400, "validation", path);
  EXPECT_EQ(FieldErrors(wrong_type_response),
            (std::map<std::string, std::string>{
                {"/capacity_persons", "Un nombre entier est attendu, pas une chaîne."}}));

  json missing = AccommodationBody();
  missing.erase("name");
  const auto missing_response = server.client().PostJson(path, missing);
  ExpectProblem(missing_response, 400, "validation", path);
  EXPECT_EQ(FieldErrors(missing_response),
            (std::map<std::string, std::string>{{"/name", "Ce champ est obligatoire."}}));

  // A nested field is named by its full pointer.
  json nested = AccommodationBody();
  nested["address"]["postal_code"] = 15300;
  const auto nested_response = server.client().PostJson(path, nested);
  ExpectProblem(nested_response, 400, "validation", path);
  EXPECT_EQ(FieldErrors(nested_response).count("/address/postal_code"), 1u);

  // Nothing was stored by any of these requests.
  const auto listed = server.client().Get(path);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_TRUE(listed.Json().at("items").empty());
}

TEST(ProblemDetails, ReportsEveryFieldErrorAtOnce) {
  TestServer server;
  const Tenant tenant = CreateTenant(server);
  const std::string path = "/v1/hosts/" + tenant.host + "/accommodations";
  json body = AccommodationBody();
  body.erase("name");
  body["capacity_persons"] = "quatre";
  body["nature"] = "yourte";
  body["extra"] = 1;
  body["address"]["floor"] = 2;
  const auto response = server.client().PostJson(path, body);
  ExpectProblem(response, 400, "validation", path);
  EXPECT_EQ(response.Json().at("detail"), "La requête contient des valeurs invalides.");
  const auto errors = FieldErrors(response);
  EXPECT_EQ(errors.size(), 5u) << response.body;
  EXPECT_EQ(errors.at("/name"), "Ce champ est obligatoire.");
  EXPECT_EQ(errors.at("/capacity_persons"), "Un nombre entier est attendu, pas une chaîne.");
  EXPECT_EQ(errors.at("/nature"), "Nature d'hébergement inconnue.");
  EXPECT_EQ(errors.at("/extra"), "Champ inconnu : « extra ».");
  EXPECT_EQ(errors.at("/address/floor"), "Champ inconnu : « floor ».");

  // Rules checked against the register and the law (the commune belongs to the collectivity,
  // the number starts with its INSEE code, only campings and marinas count pitches or moorings)
  // are also all reported together.
  json rules = AccommodationBody();
  rules["commune"] = "63113";
  rules["capacity_units"] = 10;
  rules["address"]["postal_code"] = "153";
  const auto rules_response = server.client().PostJson(path, rules);
  ExpectProblem(rules_response, 400, "validation", path);
  EXPECT_EQ(FieldErrors(rules_response),
            (std::map<std::string, std::string>{
                {"/commune", "Cette commune n'est pas membre de la collectivité."},
                {"/address/postal_code", "Le code postal doit comporter 5 chiffres."},
                {"/capacity_units",
                 "Seuls les campings, aires de camping-cars et ports de plaisance ont des "
                 "emplacements ou des anneaux."},
                {"/registration_number",
                 "Le numéro d'enregistrement doit commencer par le code INSEE de la commune de "
                 "l'hébergement (63113)."}}));
}

TEST(ProblemDetails, UnknownPathsAndMalformedIdsAreNotFoundWithoutInternals) {
  TestServer server;
  const Tenant tenant = CreateTenant(server);

  const auto unknown = server.client().Get("/v1/nothing-here");
  ExpectProblem(unknown, 404, "not-found", "/v1/nothing-here");
  EXPECT_EQ(unknown.Json().at("detail"), "Aucune ressource ne correspond à ce chemin.");

  // Ids that are not UUIDs name nothing: a 404, never a database cast error.
  for (const std::string& path : std::vector<std::string>{
           "/v1/accommodations/42", "/v1/hosts/not-a-uuid", "/v1/collectivities/1'%20OR%20'1'='1",
           "/v1/accommodations/" + tenant.host + "x/history",
           "/v1/collectivities/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz/hosts"}) {
    const auto response = server.client().Get(path);
    ExpectProblem(response, 404, "not-found", path);
    ExpectNoInternalText(response.body);
  }

  // A well-formed id that names nothing.
  const std::string nobody = "/v1/hosts/00000000-0000-4000-8000-000000000000";
  const auto missing = server.client().Get(nobody);
  ExpectProblem(missing, 404, "not-found", nobody);
  ExpectNoInternalText(missing.body);

  // Pistache routes by the raw path only: a query string does not change the answer.
  const auto with_query = server.client().Get("/v1/nothing-here?x=1");
  EXPECT_EQ(with_query.status, 404);
}

TEST(ProblemDetails, DatabaseFailureIsAGenericInternalErrorWithoutSqlText) {
  TestServer server;
  const Tenant tenant = CreateTenant(server);
  // Break the schema under the running server, as a failed deployment would.
  server.db().Execute("ALTER TABLE hosts RENAME TO hosts_renamed_for_test");
  const std::string path = "/v1/hosts/" + tenant.host;
  const auto response = server.client().Get(path, {{"X-Request-Id", "broken-schema-1"}});
  ExpectProblem(response, 500, "internal", path);
  EXPECT_EQ(response.Json().at("detail"), "Une erreur interne est survenue.");
  EXPECT_EQ(response.Json().at("request_id"), "broken-schema-1");
  EXPECT_FALSE(response.Json().contains("errors"));
  ExpectNoInternalText(response.body);
}

// Input that the JSON parser or the URL decoder accepts but PostgreSQL would refuse is the
// client's mistake: a 400 naming the field, never a 500 from the database.
TEST(ProblemDetails, InputTheDatabaseCannotStoreIsBadRequestNotInternalError) {
  TestServer server;
  const Tenant tenant = CreateTenant(server);
  const std::string create = "/v1/hosts/" + tenant.host + "/accommodations";

  // A NUL character in a string.
  json nul = AccommodationBody();
  nul["name"] = std::string("Gîte\0du Lac", 12);
  const auto nul_response = server.client().PostJson(create, nul);
  ExpectProblem(nul_response, 400, "validation", create);
  EXPECT_EQ(FieldErrors(nul_response).count("/name"), 1u) << nul_response.body;

  // Year 0000 is a calendar date for the date library, not for PostgreSQL.
  json year_zero = AccommodationBody();
  year_zero["opened_on"] = "0000-01-01";
  const auto year_zero_response = server.client().PostJson(create, year_zero);
  ExpectProblem(year_zero_response, 400, "validation", create);
  EXPECT_EQ(FieldErrors(year_zero_response),
            (std::map<std::string, std::string>{
                {"/opened_on", "Une date au format AAAA-MM-JJ, entre 1900 et 2199, est attendue."}}));

  // A number too large for the parser is not a syntax error, yet it cannot be read.
  const auto huge = server.client().Request("POST", create, R"({"capacity_persons": 1e400})",
                                            {{"Content-Type", "application/json"}});
  ExpectProblem(huge, 400, "validation", create);

  const std::string accommodation =
      server.client().PostJson(create, AccommodationBody()).Json().at("id");
  const std::string path = "/v1/accommodations/" + accommodation;

  // A merge patch that removes the host or names something that is not an id.
  for (const json& host_id : {json(nullptr), json("pas-un-identifiant")}) {
    const auto response =
        server.client().PatchJson(path, {{"host_id", host_id}}, {{"If-Match", "\"1\""}});
    ExpectProblem(response, 400, "validation", path);
    EXPECT_EQ(FieldErrors(response),
              (std::map<std::string, std::string>{{"/host_id", "Cet hébergeur n'existe pas."}}));
  }

  // Query values that decode to bytes that are not UTF-8, or to a date PostgreSQL refuses.
  const std::string list = "/v1/collectivities/" + tenant.collectivity + "/accommodations";
  for (const auto& [query, pointer] :
       std::vector<std::pair<std::string, std::string>>{{"?q=%FF", "/query/q"},
                                                        {"?q=%C3", "/query/q"},
                                                        {"?commune=%00", "/query/commune"},
                                                        {"?on=0000-01-01", "/query/on"}}) {
    const auto response = server.client().Get(list + query);
    ExpectProblem(response, 400, "validation", list);
    EXPECT_EQ(FieldErrors(response).count(pointer), 1u) << query << " " << response.body;
  }
  const auto hosts =
      server.client().Get("/v1/collectivities/" + tenant.collectivity + "/hosts?q=%E9t%E9");
  EXPECT_EQ(hosts.status, 400) << hosts.body;  // Latin-1 "été"
  const auto utf8 = server.client().Get(list + "?q=G%C3%AEte");
  EXPECT_EQ(utf8.status, 200) << utf8.body;  // UTF-8 "Gîte" is fine
}

TEST(ProblemDetails, WrongMethodIsRejectedWithAnAllowHeader) {
  TestServer server;
  const Tenant tenant = CreateTenant(server);

  const auto on_list = server.client().Request("DELETE", "/v1/collectivities");
  ExpectProblem(on_list, 405, "method-not-allowed", "/v1/collectivities");
  EXPECT_EQ(on_list.Header("allow"), "GET, HEAD, POST");

  const std::string host = "/v1/hosts/" + tenant.host;
  const auto put = server.client().Request("PUT", host, HostBody().dump(),
                                           {{"Content-Type", "application/json"}});
  ExpectProblem(put, 405, "method-not-allowed", host);
  EXPECT_EQ(put.Header("allow"), "GET, HEAD, PATCH");
  EXPECT_EQ(put.Json().at("detail"), "Cette ressource accepte : GET, HEAD, PATCH.");

  const auto post_health =
      server.client().Request("POST", "/health", "{}", {{"Content-Type", "application/json"}});
  ExpectProblem(post_health, 405, "method-not-allowed", "/health");
  EXPECT_EQ(post_health.Header("allow"), "GET, HEAD");

  // OPTIONS is answered the same way, with the methods the resource really accepts.
  const auto options = server.client().Request("OPTIONS", "/v1/collectivities");
  ExpectProblem(options, 405, "method-not-allowed", "/v1/collectivities");
  EXPECT_EQ(options.Header("allow"), "GET, HEAD, POST");

  const std::string history = "/v1/hosts/" + tenant.host + "/history";
  const auto patch_history = server.client().PatchJson(history, json::object());
  ExpectProblem(patch_history, 405, "method-not-allowed", history);
  EXPECT_EQ(patch_history.Header("allow"), "GET, HEAD");
}

TEST(ProblemDetails, BodyOverOneMebibyteIsPayloadTooLarge) {
  TestServer server;
  // Syntactically fine JSON, 10 bytes over the limit: refused for its size, not its content.
  const std::string prefix = R"({"name": ")";
  const std::string suffix = R"("})";
  const std::string body =
      prefix + std::string(api::kMaxBodyBytes + 10 - prefix.size() - suffix.size(), 'a') + suffix;
  ASSERT_EQ(body.size(), api::kMaxBodyBytes + 10);
  const auto response = server.client().Request("POST", "/v1/collectivities", body,
                                                {{"Content-Type", "application/json"}});
  ExpectProblem(response, 413, "payload-too-large", "/v1/collectivities");
  EXPECT_EQ(response.Json().at("detail"), "Le corps de la requête dépasse 1 Mio.");

  // Exactly at the limit the body is read (and then refused for what it says).
  const std::string at_limit =
      prefix + std::string(api::kMaxBodyBytes - prefix.size() - suffix.size(), 'a') + suffix;
  const auto accepted_size = server.client().Request("POST", "/v1/collectivities", at_limit,
                                                     {{"Content-Type", "application/json"}});
  ExpectProblem(accepted_size, 400, "validation", "/v1/collectivities");
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM collectivities"), 0);
}

// Half a million nested arrays fit in 1 MiB: reading what the parser made of them recursed once
// per level and overflowed the stack of the server's thread, which killed the server.
TEST(ProblemDetails, DeeplyNestedJsonIsBadRequestAndTheServerStaysUp) {
  TestServer server;
  const std::size_t depth = (api::kMaxBodyBytes - 16) / 2;
  const std::string body = R"({"name": )" + std::string(depth, '[') + std::string(depth, ']') + "}";
  const auto response = server.client().Request("POST", "/v1/collectivities", body,
                                                {{"Content-Type", "application/json"}});
  ExpectProblem(response, 400, "validation", "/v1/collectivities");
  EXPECT_EQ(response.Json().at("detail"), "Le corps imbrique trop de tableaux et d'objets.");
  const auto fine = server.client().Request("POST", "/v1/collectivities", R"({"name": [[1]]})",
                                            {{"Content-Type", "application/json"}});
  ExpectProblem(fine, 400, "validation", "/v1/collectivities");
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM collectivities"), 0);
}

TEST(ProblemDetails, BodyThatIsNotJsonIsUnsupportedMediaType) {
  TestServer server;
  const Tenant tenant = CreateTenant(server);

  const auto text = server.client().Request("POST", "/v1/collectivities", CollectivityBody().dump(),
                                            {{"Content-Type", "text/plain"},
                                             {"Authorization", server.client().AsOperator().at("Authorization")}});
  ExpectProblem(text, 415, "unsupported-media-type", "/v1/collectivities");
  EXPECT_EQ(text.Json().at("detail"), "Le corps doit être envoyé en application/json.");

  const auto form = server.client().Request(
      "POST", "/v1/collectivities/" + tenant.collectivity + "/hosts", "kind=person",
      {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 415) << form.body;

  // A merge patch is JSON, but only PATCH takes it.
  const auto merge_patch_post =
      server.client().Request("POST", "/v1/collectivities", CollectivityBody().dump(),
                              {{"Content-Type", "application/merge-patch+json"},
                               {"Authorization", server.client().AsOperator().at("Authorization")}});
  EXPECT_EQ(merge_patch_post.status, 415) << merge_patch_post.body;

  const std::string host = "/v1/hosts/" + tenant.host;
  const auto patch =
      server.client().Request("PATCH", host, R"({"legal_name": "X"})",
                              {{"Content-Type", "text/plain"}, {"If-Match", "\"1\""}});
  ExpectProblem(patch, 415, "unsupported-media-type", host);
  EXPECT_EQ(patch.Json().at("detail"),
            "Le corps doit être envoyé en application/json ou application/merge-patch+json.");

  // A charset parameter does not matter.
  const auto with_charset = server.client().Request(
      "PATCH", host, R"({"legal_name": "Marie Dupont-Martin"})",
      {{"Content-Type", "application/merge-patch+json; charset=utf-8"}, {"If-Match", "\"1\""}});
  EXPECT_EQ(with_charset.status, 200) << with_charset.body;
}

TEST(ProblemDetails, RequestIdIsEchoedOrGeneratedOnEveryAnswer) {
  TestServer server;

  const auto echoed = server.client().Get("/v1/nothing", {{"X-Request-Id", "trace-4f2a_01"}});
  EXPECT_EQ(echoed.status, 404);
  EXPECT_EQ(echoed.Header("x-request-id"), "trace-4f2a_01");
  EXPECT_EQ(echoed.Json().at("request_id"), "trace-4f2a_01");

  // Successful answers carry one too.
  const auto health = server.client().Get("/health", {{"X-Request-Id", "health-check-7"}});
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.Header("x-request-id"), "health-check-7");
  EXPECT_EQ(health.Json(), json({{"status", "ok"}}));

  const auto generated = server.client().Get("/health");
  EXPECT_EQ(generated.Header("x-request-id").size(), 16u) << generated.Header("x-request-id");
  const auto another = server.client().Get("/health");
  EXPECT_NE(another.Header("x-request-id"), generated.Header("x-request-id"));

  // An id that could forge log lines or is too long is replaced, not echoed.
  for (const std::string& unusable :
       std::vector<std::string>{std::string("has spaces; and=\"quotes\""), std::string(65, 'a')}) {
    const auto replaced = server.client().Get("/v1/nothing", {{"X-Request-Id", unusable}});
    EXPECT_EQ(replaced.Header("x-request-id").size(), 16u);
    EXPECT_EQ(replaced.Json().at("request_id"), replaced.Header("x-request-id"));
  }
}

TEST(ProblemDetails, AMissingOrMalformedSessionIsUnauthorizedInFrench) {
  TestServer server;
  const Tenant tenant = CreateTenant(server);
  server.client().ClearDefaultHeader("Authorization");

  for (const std::string& path : std::vector<std::string>{
           "/v1/hosts/" + tenant.host, "/v1/hosts/" + tenant.host + "/accommodations",
           "/v1/hosts/" + tenant.host + "/history",
           "/v1/collectivities/" + tenant.collectivity + "/hosts"}) {
    const auto response = server.client().Get(path);
    ExpectProblem(response, 401, "unauthenticated", path);
    EXPECT_EQ(response.Json().at("detail"), "Connectez-vous pour accéder à cette ressource.");
    EXPECT_EQ(response.Header("www-authenticate"), "Bearer");
  }

  const std::string host = "/v1/hosts/" + tenant.host;
  for (const std::string& authorization :
       {std::string("Bearer Murat"), std::string("Basic dXNlcjpwYXNz"), std::string("Bearer ") +
                                                                             std::string(43, 'A')}) {
    const auto refused = server.client().Get(host, {{"Authorization", authorization}});
    ExpectProblem(refused, 401, "unauthenticated", host);
  }
  const auto post = server.client().PostJson(host + "/accommodations", AccommodationBody());
  ExpectProblem(post, 401, "unauthenticated", host + "/accommodations");
}

}  // namespace
}  // namespace nuitee
