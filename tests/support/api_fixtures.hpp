// Request bodies and response checks shared by the API tests, so each test file states only what
// it is about.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/http_client.hpp"

namespace nuitee::testing {

// The body of a 201 answer; throws (failing the test) on any other status.
nlohmann::json Created(const HttpResponse& response);
// The `id` of a 201 answer's body.
std::string CreatedId(const HttpResponse& response);
// The ETag the server gives version `version`: "3".
std::string ETag(long long version);

// "Communauté de communes du Pays de Murat", an EPCI of the Cantal with Murat (15138) and Allanche
// (15003).
nlohmann::json CollectivityBody(const std::string& siren = "200066637");
// Creates it over HTTP and returns its id.
std::string CreateCollectivity(HttpClient& client, const nlohmann::json& body = CollectivityBody());

// A deliberation of `year` valid under the shipped grid of 2025 and 2026, covering Murat (15138):
// tariffs from 4,00 € (palace) down, unclassified 5 %, the whole year, the 10 % departmental tax.
nlohmann::json DeliberationBody(int year = 2026);
// PUT /v1/collectivities/{id}/deliberations/{year}, with If-Match when given.
HttpResponse PutDeliberation(HttpClient& client, const std::string& collectivity, int year,
                             const nlohmann::json& body, const std::string& if_match = {});

// A host of Murat created over HTTP in `collectivity`; returns its id.
std::string CreateHost(HttpClient& client, const std::string& collectivity,
                       const std::string& legal_name = "Jeanne Vidal");
// A furnished rental in Murat (15138) created over HTTP for `host`, acting for `collectivity`;
// `number` is the 6-digit part of its registration number, which must differ between rentals.
std::string CreateRental(HttpClient& client, const std::string& collectivity,
                         const std::string& host, const std::string& number = "000123",
                         int capacity = 4, const std::string& opened_on = "2025-03-01");

// A stay's JSON for an unclassified accommodation at 100 € a night: `nights` nights of
// `occupants` persons of whom `minors` minors (5 % of the price per adult-night under the
// demo's deliberations, plus the département's 10 %).
nlohmann::json UnclassifiedStay(const std::string& arrival, int nights, int occupants, int minors);

}  // namespace nuitee::testing
