// Shared API test bodies.
#include "tests/support/api_fixtures.hpp"

#include <stdexcept>

namespace nuitee::testing {

using nlohmann::json;

json Created(const HttpResponse& response) {
  if (response.status != 201) {
    throw std::runtime_error("expected 201, got " + std::to_string(response.status) + ": " +
                             response.body);
  }
  return response.Json();
}

std::string CreatedId(const HttpResponse& response) {
  return Created(response).at("id").get<std::string>();
}

std::string ETag(long long version) { return "\"" + std::to_string(version) + "\""; }

json CollectivityBody(const std::string& siren) {
  return {{"name", "Communauté de communes du Pays de Murat"},
          {"siren", siren},
          {"kind", "epci"},
          {"department_code", "15"},
          {"communes",
           {{{"insee_code", "15138"}, {"name", "Murat"}},
            {{"insee_code", "15003"}, {"name", "Allanche"}}}}};
}

std::string CreateCollectivity(HttpClient& client, const json& body) {
  return CreatedId(client.PostJson("/v1/collectivities", body, client.AsOperator()));
}

json DeliberationBody(int year) {
  const std::string y = std::to_string(year);
  return {{"adopted_on", std::to_string(year - 1) + "-06-20"},
          {"flat_rate_natures", json::array()},
          {"perception_periods", {{{"first_night", y + "-01-01"}, {"last_night", y + "-12-31"}}}},
          {"tariffs_cents",
           {{"palace", 400},
            {"star5", 230},
            {"star4", 165},
            {"star3", 110},
            {"star2", 80},
            {"star1", 70},
            {"camping_3_5", 55},
            {"camping_1_2", 20}}},
          {"unclassified_rate_bp", 500},
          {"low_rent_threshold_cents", nullptr},
          {"abatements", {{{"rate_bp", 3000}, {"min_nights", 1}, {"max_nights", nullptr}}}},
          {"communes", {"15138"}},
          {"additional_taxes",
           {{{"beneficiary", "departement"},
             {"label", nullptr},
             {"rate_bp", 1000},
             {"valid_from", y + "-01-01"},
             {"valid_to", nullptr}}}}};
}

HttpResponse PutDeliberation(HttpClient& client, const std::string& collectivity, int year,
                             const json& body, const std::string& if_match) {
  std::map<std::string, std::string> headers = client.AsStaffOf(collectivity);
  headers["Content-Type"] = "application/json";
  if (!if_match.empty()) headers["If-Match"] = if_match;
  return client.Request(
      "PUT", "/v1/collectivities/" + collectivity + "/deliberations/" + std::to_string(year),
      body.dump(), headers);
}

std::string CreateHost(HttpClient& client, const std::string& collectivity,
                       const std::string& legal_name) {
  return CreatedId(client.PostJson(
      "/v1/collectivities/" + collectivity + "/hosts",
      {{"kind", "person"},
       {"legal_name", legal_name},
       {"address", {{"line", "2 rue du Bourg"}, {"postal_code", "15300"}, {"city", "Murat"}}}},
      client.AsStaffOf(collectivity)));
}

std::string CreateRental(HttpClient& client, const std::string& collectivity,
                         const std::string& host, const std::string& number, int capacity,
                         const std::string& opened_on) {
  return CreatedId(client.PostJson(
      "/v1/hosts/" + host + "/accommodations",
      {{"name", "Gîte " + number},
       {"commune", "15138"},
       {"address", {{"line", number + " route du Lioran"}, {"postal_code", "15300"}}},
       {"nature", "furnished_rental"},
       {"capacity_persons", capacity},
       {"registration_number", "15138" + number + "AB"},
       {"marketing", "both"},
       {"opened_on", opened_on}},
      client.AsStaffOf(collectivity)));
}

nlohmann::json UnclassifiedStay(const std::string& arrival, int nights, int occupants, int minors) {
  nlohmann::json stay = {{"arrival", arrival},
                         {"nights", nights},
                         {"occupants", occupants},
                         {"price_per_night_cents", 10000}};
  if (minors > 0) stay["exempt"] = {{"minors", minors}};
  return stay;
}

}  // namespace nuitee::testing
