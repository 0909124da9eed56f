// The register over HTTP: creating, reading and updating collectivities, hosts and accommodations,
// optimistic concurrency (ETag / If-Match), duplicates, history, classifications and list filters.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using namespace date::literals;
using nlohmann::json;
using testing::HttpClient;
using testing::HttpResponse;
using testing::TestServer;
using testing::CollectivityBody;
using testing::Created;
using testing::ETag;

json PersonBody() {
  return {
      {"kind", "person"},
      {"legal_name", "Marie Dupont"},
      {"email", "marie.dupont@example.fr"},
      {"address", {{"line", "3 place de l'Église"}, {"postal_code", "15300"}, {"city", "Murat"}}}};
}

json CompanyBody() {
  return {{"kind", "company"},
          {"legal_name", "Gîtes du Cézallier SARL"},
          {"siret", "73282932000074"},
          {"address",
           {{"line", "12 route de Marcenat"}, {"postal_code", "15160"}, {"city", "Allanche"}}},
          {"manager", {{"name", "Conciergerie des Monts"}, {"email", "contact@monts.example.fr"}}}};
}

json GiteBody() {
  return {{"name", "Gîte du Lac"},
          {"commune", "15138"},
          {"address", {{"line", "1 rue du Lac"}, {"postal_code", "15300"}}},
          {"nature", "furnished_rental"},
          {"capacity_persons", 4},
          {"registration_number", "15138123456AB"},
          {"marketing", "platforms"}};
}

json HotelBody() {
  return {{"name", "Hôtel des Voyageurs"},
          {"commune", "15003"},
          {"address", {{"line", "2 place de la Gare"}, {"postal_code", "15160"}}},
          {"nature", "hotel"},
          {"capacity_persons", 30},
          {"marketing", "both"}};
}

json GuestHouseBody() {
  return {{"name", "Chambres du Moulin"},
          {"commune", "15138"},
          {"address", {{"line", "Le Moulin de Chastel"}, {"postal_code", "15300"}}},
          {"nature", "guest_house"},
          {"capacity_persons", 6},
          {"marketing", "direct"}};
}

// A collectivity and a host; the client then acts for that collectivity.
struct Register {
  std::string collectivity;
  std::string host;
};

Register CreateRegister(TestServer& server) {
  Register made;
  made.collectivity =
      Created(server.client().PostJson("/v1/collectivities", CollectivityBody())).at("id");
  server.ActAsStaff(made.collectivity);
  made.host = Created(server.client().PostJson("/v1/collectivities/" + made.collectivity + "/hosts",
                                               PersonBody()))
                  .at("id");
  return made;
}

std::string CreateAccommodation(TestServer& server, const std::string& host, const json& body) {
  return Created(server.client().PostJson("/v1/hosts/" + host + "/accommodations", body)).at("id");
}

// The bearer header of a referent of `collectivity` named after `name` ("agent.durand"), whose
// address the audit trail records.
std::map<std::string, std::string> AsAgent(TestServer& server, const std::string& collectivity,
                                           const std::string& name) {
  return HttpClient::Bearer(
      server.SignIn(UserKind::kStaff, name + "@murat.fr", collectivity, {Role::kReferent}));
}

std::vector<std::string> Ids(const HttpResponse& list) {
  std::vector<std::string> ids;
  const json list_body = list.Json();
  for (const auto& item : list_body.at("items")) ids.push_back(item.at("id"));
  return ids;
}

TEST(RegisterCrud, CreatesAndReadsACollectivityWithItsVersionAsETag) {
  TestServer server;
  const auto created = server.client().PostJson("/v1/collectivities", CollectivityBody());
  ASSERT_EQ(created.status, 201) << created.body;
  const json body = created.Json();
  const std::string id = body.at("id");
  EXPECT_EQ(created.Header("location"), "/v1/collectivities/" + id);
  EXPECT_EQ(created.Header("etag"), ETag(1));
  EXPECT_EQ(created.Header("content-type").rfind("application/json", 0), 0u);
  EXPECT_EQ(body.at("version"), 1);
  EXPECT_EQ(body.at("siren"), "200066637");
  EXPECT_EQ(body.at("communes").size(), 2u);
  EXPECT_EQ(body.at("settings").at("registration_number_required"), true);

  const auto read = server.client().Get("/v1/collectivities/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json(), body);
  EXPECT_EQ(read.Header("etag"), ETag(read.Json().at("version")));
  EXPECT_EQ(read.Header("cache-control"), "no-store");

  const auto listed = server.client().Get("/v1/collectivities");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(Ids(listed), std::vector<std::string>{id});
  EXPECT_TRUE(listed.Json().at("next_cursor").is_null());
}

TEST(RegisterCrud, CreatesHostsAndAccommodationsUnderThem) {
  TestServer server;
  const Register made = CreateRegister(server);

  const auto company =
      server.client().PostJson("/v1/collectivities/" + made.collectivity + "/hosts", CompanyBody());
  ASSERT_EQ(company.status, 201) << company.body;
  const json host = company.Json();
  EXPECT_EQ(company.Header("location"), "/v1/hosts/" + host.at("id").get<std::string>());
  EXPECT_EQ(host.at("collectivity_id"), made.collectivity);
  EXPECT_EQ(host.at("status"), "active");
  EXPECT_EQ(host.at("manager").at("name"), "Conciergerie des Monts");

  const auto read_host = server.client().Get("/v1/hosts/" + host.at("id").get<std::string>());
  ASSERT_EQ(read_host.status, 200) << read_host.body;
  EXPECT_EQ(read_host.Json(), host);
  EXPECT_EQ(read_host.Header("etag"), ETag(1));

  const auto created = server.client().PostJson(
      "/v1/hosts/" + host.at("id").get<std::string>() + "/accommodations", HotelBody());
  ASSERT_EQ(created.status, 201) << created.body;
  const json accommodation = created.Json();
  const std::string id = accommodation.at("id");
  EXPECT_EQ(created.Header("location"), "/v1/accommodations/" + id);
  EXPECT_EQ(created.Header("etag"), ETag(1));
  EXPECT_EQ(accommodation.at("host_id"), host.at("id"));
  EXPECT_EQ(accommodation.at("collectivity_id"), made.collectivity);
  EXPECT_EQ(accommodation.at("commune_name"), "Allanche");
  EXPECT_EQ(accommodation.at("status"), "active");
  EXPECT_EQ(accommodation.at("category"), "unclassified");
  EXPECT_TRUE(accommodation.at("registration_number").is_null());

  const auto read = server.client().Get("/v1/accommodations/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json(), accommodation);
  EXPECT_EQ(read.Header("etag"), ETag(1));

  const auto of_host =
      server.client().Get("/v1/hosts/" + host.at("id").get<std::string>() + "/accommodations");
  ASSERT_EQ(of_host.status, 200) << of_host.body;
  EXPECT_EQ(Ids(of_host), std::vector<std::string>{id});
  EXPECT_EQ(of_host.Json().at("items")[0].at("category_on"), "2026-11-23");

  // A company without SIRET is refused, with the field named.
  json no_siret = CompanyBody();
  no_siret.erase("siret");
  const auto refused =
      server.client().PostJson("/v1/collectivities/" + made.collectivity + "/hosts", no_siret);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Json().at("errors")[0].at("pointer"), "/siret");
}

TEST(RegisterCrud, PatchWithIfMatchUpdatesAndReturnsTheNewETag) {
  TestServer server;
  const Register made = CreateRegister(server);
  const std::string accommodation = CreateAccommodation(server, made.host, GiteBody());

  const std::string collectivity = "/v1/collectivities/" + made.collectivity;
  const auto renamed = server.client().PatchJson(
      collectivity, {{"name", "Hautes Terres Communauté"}}, {{"If-Match", ETag(1)}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Header("etag"), ETag(2));
  EXPECT_EQ(renamed.Json().at("version"), 2);
  EXPECT_EQ(renamed.Json().at("name"), "Hautes Terres Communauté");
  EXPECT_EQ(renamed.Json().at("communes").size(), 2u);  // untouched by the merge patch

  const std::string host = "/v1/hosts/" + made.host;
  // Weak ETags are accepted too; null removes an optional field (RFC 7396).
  const auto moved =
      server.client().PatchJson(host, {{"email", nullptr}, {"address", {{"line", "5 rue Fleury"}}}},
                                {{"If-Match", "W/\"1\""}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Header("etag"), ETag(2));
  EXPECT_TRUE(moved.Json().at("email").is_null());
  EXPECT_EQ(moved.Json().at("address").at("line"), "5 rue Fleury");
  EXPECT_EQ(moved.Json().at("address").at("city"), "Murat");

  const std::string path = "/v1/accommodations/" + accommodation;
  // Plain application/json is accepted for a merge patch as well.
  const auto grown =
      server.client().Request("PATCH", path, R"({"capacity_persons": 6})",
                              {{"Content-Type", "application/json"}, {"If-Match", ETag(1)}});
  ASSERT_EQ(grown.status, 200) << grown.body;
  EXPECT_EQ(grown.Header("etag"), ETag(2));
  EXPECT_EQ(grown.Json().at("capacity_persons"), 6);

  for (const std::string& each : {collectivity, host, path}) {
    const auto read = server.client().Get(each);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(read.Header("etag"), ETag(2)) << each;
    EXPECT_EQ(read.Json().at("version"), 2) << each;
  }

  // A field the client may not write is refused, not silently dropped.
  const auto read_only = server.client().PatchJson(path, {{"version", 9}}, {{"If-Match", ETag(2)}});
  EXPECT_EQ(read_only.status, 400) << read_only.body;
  EXPECT_EQ(read_only.Json().at("errors")[0].at("pointer"), "/version");
}

TEST(RegisterCrud, StaleOrMissingIfMatchIsRefusedAndChangesNothing) {
  TestServer server;
  const Register made = CreateRegister(server);
  const std::string accommodation = CreateAccommodation(server, made.host, GiteBody());

  struct Target {
    std::string path;
    std::string field;  // the name field of that kind of record
  };
  for (const Target& target : {Target{"/v1/collectivities/" + made.collectivity, "name"},
                               Target{"/v1/hosts/" + made.host, "legal_name"},
                               Target{"/v1/accommodations/" + accommodation, "name"}}) {
    // Someone else saves first: our version 1 is now stale.
    const auto winner = server.client().PatchJson(target.path, {{target.field, "Premier"}},
                                                  {{"If-Match", ETag(1)}});
    ASSERT_EQ(winner.status, 200) << target.path << " " << winner.body;

    const json patch = {{target.field, "Second"}};
    const auto stale = server.client().PatchJson(target.path, patch, {{"If-Match", ETag(1)}});
    EXPECT_EQ(stale.status, 412) << target.path << " " << stale.body;
    EXPECT_EQ(stale.Json().at("type"), "urn:nuitee:problem:stale-version");
    EXPECT_EQ(stale.Header("content-type").rfind("application/problem+json", 0), 0u);

    const auto missing = server.client().PatchJson(target.path, patch);
    EXPECT_EQ(missing.status, 428) << target.path << " " << missing.body;
    EXPECT_EQ(missing.Json().at("type"), "urn:nuitee:problem:precondition-required");
    EXPECT_EQ(missing.Json().at("detail"),
              "Indiquez la version lue dans l'en-tête If-Match (valeur de l'ETag).");

    const auto unreadable =
        server.client().PatchJson(target.path, patch, {{"If-Match", "version 2"}});
    EXPECT_EQ(unreadable.status, 400) << target.path << " " << unreadable.body;

    const auto read = server.client().Get(target.path);
    EXPECT_EQ(read.Header("etag"), ETag(2)) << target.path;
    EXPECT_EQ(read.Json().at(target.field), "Premier") << target.path;
  }
}

TEST(RegisterCrud, PatchThatChangesNothingKeepsTheVersion) {
  TestServer server;
  const Register made = CreateRegister(server);
  const std::string accommodation = CreateAccommodation(server, made.host, GiteBody());

  const auto same_name =
      server.client().PatchJson("/v1/collectivities/" + made.collectivity,
                                {{"name", CollectivityBody().at("name")}}, {{"If-Match", ETag(1)}});
  ASSERT_EQ(same_name.status, 200) << same_name.body;
  EXPECT_EQ(same_name.Header("etag"), ETag(1));

  const auto same_host =
      server.client().PatchJson("/v1/hosts/" + made.host, json::object(), {{"If-Match", ETag(1)}});
  ASSERT_EQ(same_host.status, 200) << same_host.body;
  EXPECT_EQ(same_host.Header("etag"), ETag(1));

  // Surrounding spaces are not meaningful, so this is the stored value again.
  const std::string path = "/v1/accommodations/" + accommodation;
  const auto same_address = server.client().PatchJson(
      path, {{"address", {{"line", "  1 rue du Lac "}}}, {"capacity_persons", 4}},
      {{"If-Match", ETag(1)}});
  ASSERT_EQ(same_address.status, 200) << same_address.body;
  EXPECT_EQ(same_address.Header("etag"), ETag(1));
  EXPECT_EQ(same_address.Json().at("version"), 1);

  // Nothing was written to the history either.
  const auto history = server.client().Get(path + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(history.Json().at("items").size(), 1u);
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM audit_events WHERE action <> 'created'"),
            0);
}

TEST(RegisterCrud, DuplicateAccommodationIsAConflictPointingToTheFirst) {
  TestServer server;
  const Register made = CreateRegister(server);
  const std::string first = CreateAccommodation(server, made.host, GiteBody());
  const std::string other_host =
      Created(server.client().PostJson("/v1/collectivities/" + made.collectivity + "/hosts",
                                       CompanyBody()))
          .at("id");

  // The same registration number, declared by another host at another address.
  json same_number = GiteBody();
  same_number["name"] = "Studio Lac";
  same_number["address"]["line"] = "8 avenue Hector Peschaud";
  const std::string other_path = "/v1/hosts/" + other_host + "/accommodations";
  const auto by_number = server.client().PostJson(other_path, same_number);
  ASSERT_EQ(by_number.status, 409) << by_number.body;
  EXPECT_EQ(by_number.Json().at("type"), "urn:nuitee:problem:already-exists");
  EXPECT_EQ(by_number.Json().at("existing"), "/v1/accommodations/" + first);

  // The same host at the same address, written differently.
  json same_address = GiteBody();
  same_address["registration_number"] = "15138654321CD";
  same_address["address"]["line"] = "1, Rue du  LAC";
  const std::string host_path = "/v1/hosts/" + made.host + "/accommodations";
  const auto by_address = server.client().PostJson(host_path, same_address);
  ASSERT_EQ(by_address.status, 409) << by_address.body;
  EXPECT_EQ(by_address.Json().at("existing"), "/v1/accommodations/" + first);

  // The same address in another commune is another place.
  json elsewhere = same_address;
  elsewhere["commune"] = "15003";
  elsewhere["registration_number"] = "15003654321CD";
  elsewhere["address"]["postal_code"] = "15160";
  EXPECT_EQ(server.client().PostJson(host_path, elsewhere).status, 201);

  // Moving another accommodation to the first one's host and address is refused the same way.
  const std::string second = CreateAccommodation(server, other_host, HotelBody());
  const auto patched =
      server.client().PatchJson("/v1/accommodations/" + second,
                                {{"host_id", made.host},
                                 {"commune", "15138"},
                                 {"address", {{"line", "1 RUE DU LAC"}, {"postal_code", "15300"}}}},
                                {{"If-Match", ETag(1)}});
  EXPECT_EQ(patched.status, 409) << patched.body;
  EXPECT_EQ(patched.Json().value("existing", ""), "/v1/accommodations/" + first);

  // Once the first has ceased, its number may be declared again.
  const auto ceased = server.client().PatchJson(
      "/v1/accommodations/" + first, {{"ceased_on", "2026-10-31"}}, {{"If-Match", ETag(1)}});
  ASSERT_EQ(ceased.status, 200) << ceased.body;
  EXPECT_EQ(server.client().PostJson(other_path, same_number).status, 201);
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM accommodations"), 4);
}

TEST(RegisterCrud, DuplicateSirenIsAConflictPointingToTheFirst) {
  TestServer server;
  const std::string first =
      Created(server.client().PostJson("/v1/collectivities", CollectivityBody())).at("id");
  json again = CollectivityBody();
  again["name"] = "Autre EPCI";
  const auto duplicate = server.client().PostJson("/v1/collectivities", again);
  ASSERT_EQ(duplicate.status, 409) << duplicate.body;
  EXPECT_EQ(duplicate.Json().at("type"), "urn:nuitee:problem:already-exists");
  EXPECT_EQ(duplicate.Json().at("existing"), "/v1/collectivities/" + first);
  EXPECT_EQ(server.db().CountRows("SELECT count(*) FROM collectivities"), 1);

  // Changing another collectivity's SIREN to the first one's is refused too, without a 500.
  const std::string second =
      Created(server.client().PostJson("/v1/collectivities", CollectivityBody("200066645")))
          .at("id");
  const auto patched = server.client().PatchJson("/v1/collectivities/" + second,
                                                 {{"siren", "200066637"}}, {{"If-Match", ETag(1)}});
  EXPECT_EQ(patched.status, 409) << patched.body;
  EXPECT_EQ(patched.Json().at("type"), "urn:nuitee:problem:already-exists");

  // A SIREN whose key is wrong is a validation problem.
  const auto bad_key =
      server.client().PostJson("/v1/collectivities", CollectivityBody("200066638"));
  EXPECT_EQ(bad_key.status, 400) << bad_key.body;
  EXPECT_EQ(bad_key.Json().at("errors")[0].at("pointer"), "/siren");
}

TEST(RegisterCrud, HistoryListsWhoWhenAndWhatChangedOldestFirst) {
  TestServer server;
  const Register made = CreateRegister(server);
  const std::string path =
      "/v1/accommodations/" + CreateAccommodation(server, made.host, GiteBody());
  auto durand = AsAgent(server, made.collectivity, "agent.durand");
  auto martin = AsAgent(server, made.collectivity, "agent.martin");
  durand["If-Match"] = ETag(1);
  martin["If-Match"] = ETag(2);
  ASSERT_EQ(server.client()
                .PatchJson(path, {{"capacity_persons", 6}, {"marketing", "both"}}, durand)
                .status,
            200);
  ASSERT_EQ(server.client()
                .PatchJson(path, {{"name", "Gîte du Lac de Chastel"}}, martin)
                .status,
            200);

  const auto history = server.client().Get(path + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  const json body = history.Json();
  EXPECT_EQ(body.at("kind"), "accommodation");
  const json& items = body.at("items");
  ASSERT_EQ(items.size(), 3u) << history.body;

  EXPECT_EQ(items[0].at("action"), "created");
  EXPECT_EQ(items[0].at("version"), 1);
  EXPECT_EQ(items[0].at("actor"), TestServer::StaffEmail(made.collectivity));

  EXPECT_EQ(items[1].at("action"), "updated");
  EXPECT_EQ(items[1].at("version"), 2);
  EXPECT_EQ(items[1].at("actor"), "agent.durand@murat.fr");
  EXPECT_EQ(items[1].at("changes"),
            json::parse(R"([{"field": "/capacity_persons", "before": 4, "after": 6},
                            {"field": "/marketing", "before": "platforms", "after": "both"}])"));

  EXPECT_EQ(items[2].at("actor"), "agent.martin@murat.fr");
  EXPECT_EQ(items[2].at("changes"), json::parse(R"([{"field": "/name", "before": "Gîte du Lac",
                             "after": "Gîte du Lac de Chastel"}])"));

  // When: RFC 3339 UTC timestamps, in order.
  std::string previous;
  for (const auto& item : items) {
    const std::string at = item.at("at");
    EXPECT_EQ(at.size(), 27u) << at;  // 2026-11-23T10:00:00.000000Z
    EXPECT_EQ(at.back(), 'Z') << at;
    EXPECT_LE(previous, at);
    previous = at;
  }

  // Nested fields are named by their pointer.
  ASSERT_EQ(server.client()
                .PatchJson("/v1/hosts/" + made.host, {{"address", {{"city", "Murat (Cantal)"}}}},
                           {{"If-Match", ETag(1)}})
                .status,
            200);
  const auto host_history = server.client().Get("/v1/hosts/" + made.host + "/history");
  ASSERT_EQ(host_history.status, 200) << host_history.body;
  EXPECT_EQ(host_history.Json().at("items")[1].at("changes"),
            json::parse(R"json([{"field": "/address/city", "before": "Murat",
                                 "after": "Murat (Cantal)"}])json"));

  const auto collectivity_history =
      server.client().Get("/v1/collectivities/" + made.collectivity + "/history");
  ASSERT_EQ(collectivity_history.status, 200) << collectivity_history.body;
  EXPECT_EQ(collectivity_history.Json().at("items")[0].at("action"), "created");
}

TEST(RegisterCrud, CeasingAndArchivingAreNamedInTheHistory) {
  TestServer server;
  const Register made = CreateRegister(server);
  const std::string accommodation = CreateAccommodation(server, made.host, GiteBody());
  const std::string path = "/v1/accommodations/" + accommodation;
  auto durand = AsAgent(server, made.collectivity, "agent.durand");
  auto martin = AsAgent(server, made.collectivity, "agent.martin");
  durand["If-Match"] = ETag(1);
  martin["If-Match"] = ETag(1);

  const auto ceased = server.client().PatchJson(path, {{"ceased_on", "2026-11-23"}}, durand);
  ASSERT_EQ(ceased.status, 200) << ceased.body;
  EXPECT_EQ(ceased.Json().at("status"), "ceased");
  const auto accommodation_history = server.client().Get(path + "/history");
  ASSERT_EQ(accommodation_history.status, 200);
  const json last = accommodation_history.Json().at("items").back();
  EXPECT_EQ(last.at("action"), "ceased");
  EXPECT_EQ(last.at("actor"), "agent.durand@murat.fr");
  EXPECT_EQ(last.at("changes"),
            json::parse(R"([{"field": "/ceased_on", "before": null, "after": "2026-11-23"}])"));

  const std::string host = "/v1/hosts/" + made.host;
  const auto archived = server.client().PatchJson(host, {{"archived_on", "2026-11-23"}}, martin);
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_EQ(archived.Json().at("status"), "archived");
  const auto host_history = server.client().Get(host + "/history");
  ASSERT_EQ(host_history.status, 200);
  const json items = host_history.Json().at("items");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].at("action"), "archived");
  EXPECT_EQ(items[1].at("actor"), "agent.martin@murat.fr");

  // An archived host receives no new accommodation.
  const auto refused = server.client().PostJson(host + "/accommodations", HotelBody());
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.Json().at("type"), "urn:nuitee:problem:failed-precondition");

  // The archived host is listed as such.
  const auto archived_hosts =
      server.client().Get("/v1/collectivities/" + made.collectivity + "/hosts?status=archived");
  ASSERT_EQ(archived_hosts.status, 200) << archived_hosts.body;
  EXPECT_EQ(Ids(archived_hosts), std::vector<std::string>{made.host});
  const auto active_hosts =
      server.client().Get("/v1/collectivities/" + made.collectivity + "/hosts?status=active");
  EXPECT_TRUE(active_hosts.Json().at("items").empty());
}

TEST(RegisterCrud, ClassificationGivesItsCategoryUntilItExpires) {
  TestServer server;
  const Register made = CreateRegister(server);
  const std::string path =
      "/v1/accommodations/" + CreateAccommodation(server, made.host, GiteBody());

  const auto classified = server.client().PostJson(
      path + "/classifications",
      {{"rank", "3"}, {"decided_on", "2021-11-24"}, {"body", "Atout France"}});
  ASSERT_EQ(classified.status, 201) << classified.body;
  const json classification = classified.Json();
  // Valid five years: until the day before the fifth anniversary of the decision.
  EXPECT_EQ(classification.at("expires_on"), "2026-11-23");
  EXPECT_EQ(classification.at("category"), "star3");
  EXPECT_EQ(classification.at("in_force"), true);

  const auto last_day = server.client().Get(path + "/category?on=2026-11-23");
  ASSERT_EQ(last_day.status, 200) << last_day.body;
  EXPECT_EQ(last_day.Json().at("category"), "star3");
  EXPECT_EQ(last_day.Json().at("classification").at("id"), classification.at("id"));

  const auto day_after = server.client().Get(path + "/category?on=2026-11-24");
  ASSERT_EQ(day_after.status, 200) << day_after.body;
  EXPECT_EQ(day_after.Json().at("category"), "unclassified");
  EXPECT_TRUE(day_after.Json().at("classification").is_null());

  const auto before_decision = server.client().Get(path + "/category?on=2021-11-23");
  EXPECT_EQ(before_decision.Json().at("category"), "unclassified");

  // Without ?on= the category is today's, as on the accommodation itself.
  EXPECT_EQ(server.client().Get(path + "/category").Json().at("category"), "star3");
  EXPECT_EQ(server.client().Get(path).Json().at("category"), "star3");
  server.SetToday(2026_y / date::November / 24);
  EXPECT_EQ(server.client().Get(path).Json().at("category"), "unclassified");
  const auto listed = server.client().Get(path + "/classifications");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json().at("items").size(), 1u);
  EXPECT_EQ(listed.Json().at("items")[0].at("in_force"), false);

  // The decision is in the accommodation's history, and gives it a new version (its category
  // may have changed).
  const auto history = server.client().Get(path + "/history");
  EXPECT_EQ(history.Json().at("items").back().at("action"), "classified");
  EXPECT_EQ(history.Json().at("items").back().at("actor"), TestServer::StaffEmail(made.collectivity));
  EXPECT_EQ(server.client().Get(path).Header("etag"), ETag(2));

  const auto bad_date = server.client().Get(path + "/category?on=2026-02-30");
  EXPECT_EQ(bad_date.status, 400) << bad_date.body;
  EXPECT_EQ(bad_date.Json().at("errors")[0].at("pointer"), "/query/on");
}

TEST(RegisterCrud, GuestHouseCannotBeClassified) {
  TestServer server;
  const Register made = CreateRegister(server);
  const std::string path =
      "/v1/accommodations/" + CreateAccommodation(server, made.host, GuestHouseBody());
  const auto refused = server.client().PostJson(
      path + "/classifications",
      {{"rank", "3"}, {"decided_on", "2024-05-02"}, {"body", "Gîtes de France"}});
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Json().at("type"), "urn:nuitee:problem:validation");
  ASSERT_EQ(refused.Json().at("errors").size(), 1u);
  EXPECT_EQ(refused.Json().at("errors")[0].at("pointer"), "/rank");
  EXPECT_TRUE(server.client().Get(path + "/classifications").Json().at("items").empty());
  // A chambre d'hôtes keeps its fixed row.
  EXPECT_EQ(server.client().Get(path + "/category").Json().at("category"), "star1");

  // A palace distinction is for hotels only.
  const std::string gite =
      "/v1/accommodations/" + CreateAccommodation(server, made.host, GiteBody());
  const auto palace = server.client().PostJson(
      gite + "/classifications",
      {{"rank", "palace"}, {"decided_on", "2024-05-02"}, {"body", "Atout France"}});
  EXPECT_EQ(palace.status, 400) << palace.body;
  EXPECT_EQ(palace.Json().at("errors")[0].at("pointer"), "/rank");
}

TEST(RegisterCrud, RegisterListFiltersByCategoryCommuneNatureStatusAndText) {
  TestServer server;
  const Register made = CreateRegister(server);
  const std::string gite = CreateAccommodation(server, made.host, GiteBody());
  ASSERT_EQ(server.client()
                .PostJson("/v1/accommodations/" + gite + "/classifications",
                          {{"rank", "3"}, {"decided_on", "2021-11-24"}, {"body", "Atout France"}})
                .status,
            201);
  const std::string hotel = CreateAccommodation(server, made.host, HotelBody());
  const std::string guest_house = CreateAccommodation(server, made.host, GuestHouseBody());
  json ceased_body = GiteBody();
  ceased_body["name"] = "Meublé des Estives";
  ceased_body["commune"] = "15003";
  ceased_body["registration_number"] = "15003000111ZZ";
  ceased_body["address"] = {{"line", "La Chapelle"}, {"postal_code", "15160"}};
  ceased_body["ceased_on"] = "2026-01-01";
  const std::string ceased = CreateAccommodation(server, made.host, ceased_body);
  json closed_body = HotelBody();
  closed_body["name"] = "Auberge du Col";
  closed_body["address"]["line"] = "Col de Serre";
  closed_body["closures"] = {{{"from", "2026-11-01"}, {"to", "2026-12-15"}}};
  const std::string closed = CreateAccommodation(server, made.host, closed_body);

  const std::string list = "/v1/collectivities/" + made.collectivity + "/accommodations";
  auto ids = [&](const std::string& query) {
    const auto response = server.client().Get(list + query);
    EXPECT_EQ(response.status, 200) << query << " " << response.body;
    return response.status == 200 ? Ids(response) : std::vector<std::string>{"error"};
  };
  using IdList = std::vector<std::string>;
  EXPECT_EQ(ids(""), (IdList{gite, hotel, guest_house, ceased, closed}));
  EXPECT_EQ(ids("?category=star3"), IdList{gite});
  EXPECT_EQ(ids("?category=star3&on=2026-11-24"), IdList{});  // expired the day before
  EXPECT_EQ(ids("?category=star1"), IdList{guest_house});
  EXPECT_EQ(ids("?commune=15003"), (IdList{hotel, ceased, closed}));
  EXPECT_EQ(ids("?nature=hotel"), (IdList{hotel, closed}));
  EXPECT_EQ(ids("?nature=furnished_rental&commune=15138"), IdList{gite});
  EXPECT_EQ(ids("?status=ceased"), IdList{ceased});
  EXPECT_EQ(ids("?status=closed"), IdList{closed});
  EXPECT_EQ(ids("?status=active"), (IdList{gite, hotel, guest_house}));
  EXPECT_EQ(ids("?status=active&on=2025-12-31"),
            (IdList{gite, hotel, guest_house, ceased, closed}));
  EXPECT_EQ(ids("?q=moulin"), IdList{guest_house});
  EXPECT_EQ(ids("?q=MOULIN%20de"), IdList{guest_house});  // case-insensitive, percent-decoded
  EXPECT_EQ(ids("?q=15138123456AB"), IdList{gite});       // the registration number
  EXPECT_EQ(ids("?q=dupont"), (IdList{gite, hotel, guest_house, ceased, closed}));  // the host
  EXPECT_EQ(ids("?q=100%25"), IdList{});  // "%" is a character to find, not a wildcard
  EXPECT_EQ(ids("?host_id=" + made.host + "&nature=guest_house"), IdList{guest_house});

  // Each listed row carries the category on the day asked for.
  const auto on_day = server.client().Get(list + "?on=2026-11-24&nature=furnished_rental");
  ASSERT_EQ(on_day.status, 200);
  const json on_day_body = on_day.Json();
  for (const auto& item : on_day_body.at("items")) {
    EXPECT_EQ(item.at("category"), "unclassified");
    EXPECT_EQ(item.at("category_on"), "2026-11-24");
  }

  for (const std::string& bad :
       std::vector<std::string>{"?nature=yourte", "?category=six_stars", "?status=sleeping",
                                "?on=tomorrow", "?host_id=nobody"}) {
    const auto refused = server.client().Get(list + bad);
    EXPECT_EQ(refused.status, 400) << bad << " " << refused.body;
    EXPECT_EQ(refused.Json().at("errors")[0].at("pointer").get<std::string>().rfind("/query/", 0),
              0u)
        << bad;
  }
}

}  // namespace
}  // namespace nuitee
