// Every route goes through here: one guard around each handler (the access check of the route's
// rule in api/http/access_policy.cpp, then the handler, with exception text kept from clients), a
// problem+json 404 and 405, and the list of routes that the OpenAPI test compares with
// openapi.yaml.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "api/http/access_policy.hpp"
#include "api/http/exchange.hpp"
#include "api/http/pistache.hpp"
#include "api/http/static_site.hpp"

namespace nuitee::api {

struct RouteInfo {
  std::string method;  // "get", "post", ... (as OpenAPI writes them)
  std::string path;    // "/v1/hosts/{id}"
  friend auto operator<=>(const RouteInfo&, const RouteInfo&) = default;
};

class RouteTable {
 public:
  using Handler = std::function<void(Exchange&)>;
  // Runs before every handler; answers and returns false when the caller may not go on.
  using Authorizer = std::function<bool(Exchange&, const AccessRule&)>;
  RouteTable(Pistache::Rest::Router& router, Authorizer authorizer)
      : router_(router), authorizer_(std::move(authorizer)) {}

  // Paths use OpenAPI's "{name}" for parameters; handlers read them with Param("name"). A route
  // that has no rule in the access table throws std::logic_error: the server does not start.
  void Get(const std::string& path, Handler handler) { Add("get", path, std::move(handler)); }
  void Post(const std::string& path, Handler handler) { Add("post", path, std::move(handler)); }
  void Put(const std::string& path, Handler handler) { Add("put", path, std::move(handler)); }
  void Patch(const std::string& path, Handler handler) { Add("patch", path, std::move(handler)); }

  // Registers 405 answers for the methods a known path lacks, and the 404 for unknown paths; a
  // GET or HEAD that no route answers is first looked up in `site` (the web portal).
  void Finish(std::shared_ptr<const StaticSite> site = nullptr);
  // Every response of this table's routes then carries Strict-Transport-Security (TLS servers).
  void EnableStrictTransportSecurity() { *strict_transport_ = true; }
  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  void Add(const std::string& method, const std::string& path, Handler handler);
  Pistache::Rest::Router& router_;
  Authorizer authorizer_;
  std::vector<RouteInfo> routes_;
  std::map<std::string, std::set<std::string>> methods_by_path_;
  // Shared with every guard, which is built before the server knows whether it serves TLS.
  std::shared_ptr<bool> strict_transport_ = std::make_shared<bool>(false);
};

}  // namespace nuitee::api
