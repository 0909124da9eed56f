// openapi.yaml against the routes the server registers: every route documented, nothing documented
// that the server lacks, a well-formed OpenAPI 3.1 document, errors always problem+json.
// No database is needed: routes are registered on a bare router and never called.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api/http/access_policy.hpp"
#include "api/http/pistache.hpp"
#include "api/http/route_table.hpp"
#include "api/server.hpp"
#include "api/services.hpp"
#include "domain/core/dates.hpp"
#include "persistence/database.hpp"

namespace nuitee::api {
namespace {

const std::string kDocumentPath = NUITEE_SOURCE_DIR "/openapi.yaml";
const std::set<std::string> kMethods = {"get",   "put",     "post", "delete",
                                        "patch", "options", "head", "trace"};

using Route = std::pair<std::string, std::string>;  // method (lowercase), path

std::string Describe(const Route& route) {
  std::string method = route.first;
  std::transform(method.begin(), method.end(), method.begin(), ::toupper);
  return method + " " + route.second;
}

std::string DescribeAll(const std::set<Route>& routes) {
  std::string text;
  for (const auto& route : routes) text += "\n  " + Describe(route);
  return text;
}

// The routes RegisterRoutes puts on a router, read from the route table. The database is never
// reached: its constructor only logs that it cannot connect, and no handler runs.
std::set<Route> ServerRoutes() {
  static const std::set<Route> routes = [] {
    persistence::Database database({"host=/nonexistent-nuitee dbname=none connect_timeout=1", 1});
    Services services{database, [] {
                        return Day{date::year{2025}, date::month{7}, date::day{14}};
                      }};
    Pistache::Rest::Router router;
    RouteTable table(router, [](Exchange&, const AccessRule&) { return true; });
    RegisterRoutes(table, services);
    std::set<Route> registered;
    for (const auto& route : table.routes()) registered.insert({route.method, route.path});
    return registered;
  }();
  return routes;
}

YAML::Node Document() {
  static const YAML::Node document = YAML::LoadFile(kDocumentPath);
  return document;
}

// Follows a local "$ref" ("#/components/responses/NotFound"), as often as needed. Nodes are
// re-pointed with reset(): yaml-cpp's operator= would overwrite the referenced node in the
// document.
YAML::Node Resolve(YAML::Node node) {
  for (int depth = 0; depth < 16 && node.IsMap() && node["$ref"]; ++depth) {
    const std::string ref = node["$ref"].as<std::string>();
    if (ref.rfind("#/", 0) != 0) {
      ADD_FAILURE() << "Only local references are expected: " << ref;
      return node;
    }
    YAML::Node target;
    target.reset(Document());
    std::size_t start = 2;
    while (start <= ref.size()) {
      const std::size_t end = std::min(ref.find('/', start), ref.size());
      std::string token = ref.substr(start, end - start);
      for (std::size_t at; (at = token.find("~1")) != std::string::npos;) token.replace(at, 2, "/");
      for (std::size_t at; (at = token.find("~0")) != std::string::npos;) token.replace(at, 2, "~");
      if (!target.IsMap() || !target[token]) {
        ADD_FAILURE() << "Dangling reference: " << ref;
        return YAML::Node();
      }
      target.reset(target[token]);
      start = end + 1;
    }
    node.reset(target);
  }
  return node;
}

struct Operation {
  Route route;
  YAML::Node path_item;
  YAML::Node node;
};

std::vector<Operation> DocumentedOperations() {
  std::vector<Operation> operations;
  const YAML::Node paths = Document()["paths"];
  if (!paths.IsMap()) return operations;
  for (const auto& path : paths) {
    const std::string name = path.first.as<std::string>();
    for (const auto& entry : path.second) {
      const std::string key = entry.first.as<std::string>();
      if (kMethods.count(key)) operations.push_back({{key, name}, path.second, entry.second});
    }
  }
  return operations;
}

std::set<Route> DocumentedRoutes() {
  std::set<Route> routes;
  for (const auto& operation : DocumentedOperations()) routes.insert(operation.route);
  return routes;
}

// "{id}" and the like, in the order they appear.
std::set<std::string> TemplateParameters(const std::string& path) {
  std::set<std::string> names;
  for (std::size_t open = path.find('{'); open != std::string::npos;
       open = path.find('{', open + 1)) {
    const std::size_t close = path.find('}', open);
    if (close == std::string::npos) break;
    names.insert(path.substr(open + 1, close - open - 1));
  }
  return names;
}

std::set<std::string> DeclaredPathParameters(const YAML::Node& parameters) {
  std::set<std::string> names;
  if (!parameters || !parameters.IsSequence()) return names;
  for (const auto& each : parameters) {
    const YAML::Node parameter = Resolve(each);
    if (parameter["in"] && parameter["in"].as<std::string>() == "path" && parameter["name"]) {
      names.insert(parameter["name"].as<std::string>());
    }
  }
  return names;
}

TEST(OpenApiContract, DocumentLoads) {
  ASSERT_NO_THROW(Document()) << kDocumentPath;
  ASSERT_TRUE(Document()["paths"].IsMap()) << "openapi.yaml has no paths";
  EXPECT_FALSE(ServerRoutes().empty());
}

TEST(OpenApiContract, EveryServerRouteIsDocumented) {
  const std::set<Route> documented = DocumentedRoutes();
  std::set<Route> missing;
  for (const auto& route : ServerRoutes()) {
    if (!documented.count(route)) missing.insert(route);
  }
  EXPECT_TRUE(missing.empty()) << "Routes the server registers but openapi.yaml does not describe:"
                               << DescribeAll(missing);
}

TEST(OpenApiContract, EveryDocumentedRouteExistsInTheServer) {
  const std::set<Route> registered = ServerRoutes();
  std::set<Route> extra;
  for (const auto& route : DocumentedRoutes()) {
    if (!registered.count(route)) extra.insert(route);
  }
  EXPECT_TRUE(extra.empty()) << "Routes openapi.yaml describes but the server does not register:"
                             << DescribeAll(extra);
}

// The names openapi.yaml's `x-access` uses for the audiences of api/http/access_policy.hpp.
std::vector<std::string> AudienceNames(std::uint32_t audiences) {
  std::vector<std::string> names;
  for (const auto& [bit, name] : std::vector<std::pair<std::uint32_t, std::string>>{
           {kAnonymous, "anonymous"}, {kOperator, "operator"}, {kReferent, "referent"},
           {kFinance, "finance"}, {kAdmin, "admin"}, {kHostUser, "host"}, {kPlatform, "platform"},
           {kHostOwner, "host_owner"}}) {
    if (audiences & bit) names.push_back(name);
  }
  return names;
}

std::string OwnershipName(Ownership ownership) {
  switch (ownership) {
    case Ownership::kNone: return "none";
    case Ownership::kPathCollectivity: return "collectivity";
    case Ownership::kPathHost: return "host";
    case Ownership::kPathAccommodation: return "accommodation";
  }
  return "?";
}

TEST(OpenApiContract, EveryOperationSaysWhoMayCallItAsTheServerChecks) {
  for (const auto& operation : DocumentedOperations()) {
    const auto& [method, path] = operation.route;
    const AccessRule* rule = FindAccessRule(method, path);
    if (!rule) continue;  // a route the server lacks: reported above
    const YAML::Node access = operation.node["x-access"];
    ASSERT_TRUE(access.IsMap()) << Describe(operation.route) << " has no x-access";
    std::vector<std::string> audiences;
    for (const auto& each : access["audiences"]) audiences.push_back(each.as<std::string>());
    EXPECT_EQ(audiences, AudienceNames(rule->audiences)) << Describe(operation.route);
    EXPECT_EQ(access["ownership"].as<std::string>(""), OwnershipName(rule->ownership))
        << Describe(operation.route);
    // Public operations say so; the others answer 401 and 403.
    const bool is_public = (rule->audiences & kAnonymous) != 0;
    bool says_public = false;
    std::set<std::string> statuses;
    for (const auto& entry : operation.node) {
      const std::string key = entry.first.as<std::string>();
      if (key == "security") says_public = entry.second.IsSequence() && entry.second.size() == 0;
      if (key == "responses") {
        for (const auto& response : entry.second) statuses.insert(response.first.as<std::string>());
      }
    }
    EXPECT_EQ(says_public, is_public) << Describe(operation.route);
    if (!is_public) {
      EXPECT_TRUE(statuses.count("401")) << Describe(operation.route);
      EXPECT_TRUE(statuses.count("403")) << Describe(operation.route);
    }
  }
}

TEST(OpenApiContract, EveryAccessRuleIsARouteOfTheServer) {
  const std::set<Route> registered = ServerRoutes();
  for (const auto& rule : AccessRules()) {
    EXPECT_TRUE(registered.count({std::string(rule.method), std::string(rule.path)}))
        << "access rule without a route: " << rule.method << " " << rule.path;
  }
}

TEST(OpenApiContract, DocumentIsOpenApi31) {
  const YAML::Node document = Document();
  ASSERT_TRUE(document["openapi"]);
  EXPECT_EQ(document["openapi"].as<std::string>().rfind("3.1.", 0), 0u)
      << "openapi: " << document["openapi"].as<std::string>();
  ASSERT_TRUE(document["info"].IsMap());
  ASSERT_TRUE(document["info"]["title"]);
  EXPECT_FALSE(document["info"]["title"].as<std::string>().empty());
  ASSERT_TRUE(document["info"]["version"]);
  EXPECT_FALSE(document["info"]["version"].as<std::string>().empty());

  std::map<std::string, std::string> operation_ids;  // id -> first operation using it
  for (const auto& operation : DocumentedOperations()) {
    const std::string where = Describe(operation.route);
    EXPECT_EQ(operation.route.second.rfind('/', 0), 0u) << where << ": paths start with /";

    const YAML::Node responses = operation.node["responses"];
    EXPECT_TRUE(responses.IsMap() && responses.size() > 0) << where << " has no responses";

    const YAML::Node id = operation.node["operationId"];
    if (!id || !id.IsScalar() || id.as<std::string>().empty()) {
      ADD_FAILURE() << where << " has no operationId";
      continue;
    }
    auto [it, inserted] = operation_ids.emplace(id.as<std::string>(), where);
    EXPECT_TRUE(inserted) << "operationId " << id.as<std::string>() << " is used by " << it->second
                          << " and " << where;

    // Every {name} of the path is declared as a path parameter, and nothing more.
    std::set<std::string> declared = DeclaredPathParameters(operation.path_item["parameters"]);
    declared.merge(DeclaredPathParameters(operation.node["parameters"]));
    EXPECT_EQ(declared, TemplateParameters(operation.route.second))
        << where << ": path parameters declared differ from the path template";
  }
}

TEST(OpenApiContract, EveryErrorResponseIsProblemJson) {
  for (const auto& operation : DocumentedOperations()) {
    const std::string where = Describe(operation.route);
    const YAML::Node responses = operation.node["responses"];
    if (!responses.IsMap()) continue;
    for (const auto& entry : responses) {
      const std::string status = entry.first.as<std::string>();
      if (status.empty() || (status[0] != '4' && status[0] != '5')) continue;
      const YAML::Node response = Resolve(entry.second);
      const YAML::Node content = response["content"];
      if (!content.IsMap() || !content["application/problem+json"]) {
        ADD_FAILURE() << where << " " << status << " is not application/problem+json";
        continue;
      }
      for (const auto& media : content) {
        EXPECT_EQ(media.first.as<std::string>(), "application/problem+json")
            << where << " " << status << " also offers another media type";
      }
      const YAML::Node schema = content["application/problem+json"]["schema"];
      ASSERT_TRUE(schema.IsMap()) << where << " " << status << " has no schema";
      ASSERT_TRUE(schema["$ref"]) << where << " " << status << " does not use the Problem schema";
      EXPECT_EQ(schema["$ref"].as<std::string>(), "#/components/schemas/Problem")
          << where << " " << status;
    }
  }
  // The shared schema itself carries the RFC 9457 members the server writes.
  const YAML::Node problem = Resolve(Document()["components"]["schemas"]["Problem"]);
  ASSERT_TRUE(problem.IsMap()) << "components.schemas.Problem is missing";
  for (const char* member :
       {"type", "title", "status", "detail", "instance", "request_id", "errors", "existing"}) {
    EXPECT_TRUE(problem["properties"][member]) << "Problem lacks " << member;
  }
}

}  // namespace
}  // namespace nuitee::api
