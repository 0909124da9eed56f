// Every route goes through here: one guard around each handler, a problem+json 404 and 405, and
// the list of routes that the OpenAPI test compares with openapi.yaml.
#pragma once

#include "api/http/pistache.hpp"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api/http/exchange.hpp"

namespace nuitee::api {

struct RouteInfo {
  std::string method;  // "get", "post", ... (as OpenAPI writes them)
  std::string path;    // "/v1/hosts/{id}"
  friend auto operator<=>(const RouteInfo&, const RouteInfo&) = default;
};

class RouteTable {
 public:
  using Handler = std::function<void(Exchange&)>;
  explicit RouteTable(Pistache::Rest::Router& router) : router_(router) {}

  // Paths use OpenAPI's "{name}" for parameters; handlers read them with Param("name").
  void Get(const std::string& path, Handler handler) { Add("get", path, std::move(handler)); }
  void Post(const std::string& path, Handler handler) { Add("post", path, std::move(handler)); }
  void Put(const std::string& path, Handler handler) { Add("put", path, std::move(handler)); }
  void Patch(const std::string& path, Handler handler) { Add("patch", path, std::move(handler)); }

  // Registers 405 answers for the methods a known path lacks, and the 404 for unknown paths.
  void Finish();
  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  void Add(const std::string& method, const std::string& path, Handler handler);
  Pistache::Rest::Router& router_;
  std::vector<RouteInfo> routes_;
  std::map<std::string, std::set<std::string>> methods_by_path_;
};

}  // namespace nuitee::api
