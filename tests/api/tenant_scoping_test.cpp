// Collectivities are tenants: acting for A never reveals, lists, creates under or changes B's
// records. Over real HTTP, signed in as a staff member of the acting collectivity.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using testing::HttpResponse;
using testing::TestServer;
using testing::Created;

using Headers = std::map<std::string, std::string>;

// One collectivity with a host, an accommodation of that host and a classification of it.
struct Tenant {
  std::string collectivity;
  std::string host;
  std::string accommodation;
  Headers as;  // the bearer token of a staff member of this tenant
};

Tenant CreateTenant(TestServer& server, const std::string& siren, const std::string& insee_code,
                    const std::string& commune_name, const std::string& host_name) {
  auto& client = server.client();
  Tenant tenant;
  tenant.collectivity =
      Created(
          client.PostJson("/v1/collectivities",
                          {{"name", "Collectivité de " + commune_name},
                           {"siren", siren},
                           {"kind", "commune"},
                           {"department_code", "15"},
                           {"communes", {{{"insee_code", insee_code}, {"name", commune_name}}}}}))
          .at("id");
  tenant.as = client.AsStaffOf(tenant.collectivity);
  tenant.host = Created(client.PostJson("/v1/collectivities/" + tenant.collectivity + "/hosts",
                                        {{"kind", "person"},
                                         {"legal_name", host_name},
                                         {"address",
                                          {{"line", "1 place de la Mairie"},
                                           {"postal_code", "15300"},
                                           {"city", commune_name}}}},
                                        tenant.as))
                    .at("id");
  tenant.accommodation =
      Created(
          client.PostJson("/v1/hosts/" + tenant.host + "/accommodations",
                          {{"name", "Gîte de " + host_name},
                           {"commune", insee_code},
                           {"address", {{"line", "4 chemin des Crêtes"}, {"postal_code", "15300"}}},
                           {"nature", "furnished_rental"},
                           {"capacity_persons", 5},
                           {"registration_number", insee_code + "000001AA"},
                           {"marketing", "direct"}},
                          tenant.as))
          .at("id");
  Created(client.PostJson("/v1/accommodations/" + tenant.accommodation + "/classifications",
                          {{"rank", "2"}, {"decided_on", "2024-03-01"}, {"body", "Atout France"}},
                          tenant.as));
  return tenant;
}

struct TwoTenants {
  Tenant a;
  Tenant b;
};

TwoTenants CreateTwoTenants(TestServer& server) {
  return {CreateTenant(server, "200066637", "15138", "Murat", "Anne Aubrac"),
          CreateTenant(server, "200066645", "15003", "Allanche", "Bernard Brezons")};
}

void ExpectNotFound(const HttpResponse& response, const std::string& what) {
  EXPECT_EQ(response.status, 404) << what << ": " << response.body;
  EXPECT_EQ(response.Header("content-type").rfind("application/problem+json", 0), 0u) << what;
  // Neither the other tenant's data nor a hint that the record exists elsewhere.
  for (const char* leak : {"Brezons", "Allanche", "autre collectivité", "another"}) {
    EXPECT_EQ(response.body.find(leak), std::string::npos) << what << ": " << response.body;
  }
}

TEST(TenantScoping, AnotherTenantsRecordsAreNotFound) {
  TestServer server;
  const auto [a, b] = CreateTwoTenants(server);
  auto& client = server.client();
  const std::map<std::string, std::string> b_paths = {
      {"host", "/v1/hosts/" + b.host},
      {"host history", "/v1/hosts/" + b.host + "/history"},
      {"host accommodations", "/v1/hosts/" + b.host + "/accommodations"},
      {"accommodation", "/v1/accommodations/" + b.accommodation},
      {"accommodation history", "/v1/accommodations/" + b.accommodation + "/history"},
      {"classifications", "/v1/accommodations/" + b.accommodation + "/classifications"},
      {"category", "/v1/accommodations/" + b.accommodation + "/category?on=2026-01-01"}};
  for (const auto& [what, path] : b_paths) {
    ExpectNotFound(client.Get(path, a.as), what);
    // The same request, acting for B, finds it: the 404 above is the tenant boundary.
    EXPECT_EQ(client.Get(path, b.as).status, 200) << what;
  }
  // The answer for another tenant's record is the same as for a record that does not exist.
  const auto foreign = client.Get("/v1/hosts/" + b.host, a.as).Json();
  const auto nobody = client.Get("/v1/hosts/00000000-0000-4000-8000-000000000000", a.as).Json();
  EXPECT_EQ(foreign.at("detail"), nobody.at("detail"));
  EXPECT_EQ(foreign.at("title"), nobody.at("title"));
}

TEST(TenantScoping, ListsNeverContainAnotherTenantsRows) {
  TestServer server;
  const auto [a, b] = CreateTwoTenants(server);
  auto& client = server.client();
  server.ActAsStaff(a.collectivity);

  const auto register_a = client.Get("/v1/collectivities/" + a.collectivity + "/accommodations");
  ASSERT_EQ(register_a.status, 200) << register_a.body;
  ASSERT_EQ(register_a.Json().at("items").size(), 1u);
  EXPECT_EQ(register_a.Json().at("items")[0].at("id"), a.accommodation);

  const auto hosts_a = client.Get("/v1/collectivities/" + a.collectivity + "/hosts");
  ASSERT_EQ(hosts_a.status, 200) << hosts_a.body;
  ASSERT_EQ(hosts_a.Json().at("items").size(), 1u);
  EXPECT_EQ(hosts_a.Json().at("items")[0].at("id"), a.host);

  // Filters that name B's rows find nothing in A's register.
  for (const std::string& query : std::vector<std::string>{"?host_id=" + b.host, "?q=Brezons",
                                                           "?commune=15003", "?q=15003000001AA"}) {
    const auto filtered =
        client.Get("/v1/collectivities/" + a.collectivity + "/accommodations" + query);
    ASSERT_EQ(filtered.status, 200) << query << " " << filtered.body;
    EXPECT_TRUE(filtered.Json().at("items").empty()) << query << " " << filtered.body;
  }
  const auto searched = client.Get("/v1/collectivities/" + a.collectivity + "/hosts?q=Brezons");
  ASSERT_EQ(searched.status, 200);
  EXPECT_TRUE(searched.Json().at("items").empty());

  // Acting for A, the accommodations of A's host are A's only.
  const auto of_host = client.Get("/v1/hosts/" + a.host + "/accommodations", a.as);
  ASSERT_EQ(of_host.status, 200) << of_host.body;
  ASSERT_EQ(of_host.Json().at("items").size(), 1u);
  EXPECT_EQ(of_host.Json().at("items")[0].at("id"), a.accommodation);
  // Asking for A's host while acting for B finds nothing.
  ExpectNotFound(client.Get("/v1/hosts/" + a.host + "/accommodations", b.as), "A's host for B");

  // A collectivity's history holds its own events only.
  const auto history = client.Get("/v1/collectivities/" + a.collectivity + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(history.Json().at("items").size(), 1u);

  // B's staff do not even learn that A's lists exist.
  for (const std::string& list : {"/accommodations", "/hosts", "/history", ""}) {
    ExpectNotFound(client.Get("/v1/collectivities/" + a.collectivity + list, b.as),
                   "A's collectivity" + list + " for B");
  }
}

TEST(TenantScoping, CreatingUnderAnotherTenantsRecordIsNotFound) {
  TestServer server;
  const auto [a, b] = CreateTwoTenants(server);
  auto& client = server.client();
  const long long accommodations_before =
      server.db().CountRows("SELECT count(*) FROM accommodations");

  const auto accommodation =
      client.PostJson("/v1/hosts/" + b.host + "/accommodations",
                      {{"name", "Intrus"},
                       {"commune", "15138"},
                       {"address", {{"line", "9 rue du Faubourg"}, {"postal_code", "15300"}}},
                       {"nature", "hotel"},
                       {"capacity_persons", 10},
                       {"marketing", "direct"}},
                      a.as);
  ExpectNotFound(accommodation, "accommodation under B's host");

  const auto classification = client.PostJson(
      "/v1/accommodations/" + b.accommodation + "/classifications",
      {{"rank", "5"}, {"decided_on", "2026-01-01"}, {"body", "Atout France"}}, a.as);
  ExpectNotFound(classification, "classification of B's accommodation");

  // Naming B's host in the body of a creation under A's host is refused too.
  const auto body_host =
      client.PostJson("/v1/hosts/" + a.host + "/accommodations",
                      {{"host_id", b.host},
                       {"name", "Intrus"},
                       {"commune", "15138"},
                       {"address", {{"line", "9 rue du Faubourg"}, {"postal_code", "15300"}}},
                       {"nature", "hotel"},
                       {"capacity_persons", 10},
                       {"marketing", "direct"}},
                      a.as);
  EXPECT_EQ(body_host.status, 400) << body_host.body;

  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM accommodations"), accommodations_before);
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM classifications"), 2);
  EXPECT_EQ(
      server.db().CountRows("SELECT count(*) FROM classifications WHERE accommodation_id = '" +
                            b.accommodation + "' AND rank = '5'"),
      0);
}

TEST(TenantScoping, PatchAcrossTenantsIsNotFoundAndLeavesTheRowUnchanged) {
  TestServer server;
  const auto [a, b] = CreateTwoTenants(server);
  auto& client = server.client();

  const auto host =
      client.PatchJson("/v1/hosts/" + b.host, {{"legal_name", "Piraté"}},
                       {{"If-Match", "\"1\""}, {"Authorization", a.as.at("Authorization")}});
  ExpectNotFound(host, "B's host patched by A");
  const auto accommodation =
      client.PatchJson("/v1/accommodations/" + b.accommodation, {{"ceased_on", "2026-11-23"}},
                       {{"If-Match", "\"1\""}, {"Authorization", a.as.at("Authorization")}});
  ExpectNotFound(accommodation, "B's accommodation patched by A");

  // Nor can A move its own accommodation to B's host.
  const auto moved =
      client.PatchJson("/v1/accommodations/" + a.accommodation, {{"host_id", b.host}},
                       {{"If-Match", "*"}, {"Authorization", a.as.at("Authorization")}});
  EXPECT_EQ(moved.status, 400) << moved.body;
  EXPECT_EQ(moved.Json().at("errors")[0].at("pointer"), "/host_id");

  const auto b_host = client.Get("/v1/hosts/" + b.host, b.as);
  ASSERT_EQ(b_host.status, 200);
  EXPECT_EQ(b_host.Header("etag"), "\"1\"");
  EXPECT_EQ(b_host.Json().at("legal_name"), "Bernard Brezons");
  const auto b_accommodation = client.Get("/v1/accommodations/" + b.accommodation, b.as);
  ASSERT_EQ(b_accommodation.status, 200);
  EXPECT_EQ(b_accommodation.Header("etag"), "\"2\"");  // 1, then 2 when it was classified
  EXPECT_EQ(b_accommodation.Json().at("status"), "active");
  EXPECT_TRUE(b_accommodation.Json().at("ceased_on").is_null());
  const auto a_accommodation = client.Get("/v1/accommodations/" + a.accommodation, a.as);
  EXPECT_EQ(a_accommodation.Json().at("host_id"), a.host);
  EXPECT_EQ(a_accommodation.Header("etag"), "\"2\"");  // unchanged since its classification

  // Only the creations are in the audit trail.
  EXPECT_EQ(
      server.db().CountRows("SELECT count(*) FROM audit_events WHERE action NOT IN ('created', "
                            "'classified')"),
      0);
}

}  // namespace
}  // namespace nuitee

namespace nuitee {
namespace {

TEST(TenantScoping, CollectivityPathRoutesRefuseACallerActingForAnotherCollectivity) {
  TestServer server;
  const auto [a, b] = CreateTwoTenants(server);
  auto& client = server.client();
  const std::string base = "/v1/collectivities/" + b.collectivity;
  for (const std::string& path : {base, base + "/hosts", base + "/accommodations",
                                 base + "/history"}) {
    ExpectNotFound(client.Get(path, a.as), path);
    EXPECT_EQ(client.Get(path, b.as).status, 200) << path;
  }
  auto created = client.PostJson(base + "/hosts",
                                 {{"kind", "person"},
                                  {"legal_name", "Intrus"},
                                  {"address",
                                   {{"line", "1 rue X"}, {"postal_code", "15300"}, {"city", "Murat"}}}},
                                 a.as);
  ExpectNotFound(created, "host created under B while acting for A");
  Headers patch_as_a = a.as;
  patch_as_a["If-Match"] = "*";
  ExpectNotFound(client.PatchJson(base, {{"name", "Volée"}}, patch_as_a), "collectivity patch");
  EXPECT_EQ(client.Get(base, b.as).Json().at("name"), "Collectivité de Allanche");
}

}  // namespace
}  // namespace nuitee
