// Route registration with the guard that keeps exception text away from clients.
#include "api/http/route_table.hpp"

#include <algorithm>
#include <optional>
#include <regex>
#include <stdexcept>

#include "api/http/header_limits.hpp"
#include "api/http/write_audit_context.hpp"
#include "api/logger.hpp"

namespace nuitee::api {
namespace {

namespace Rest = Pistache::Rest;
namespace Http = Pistache::Http;

// "/v1/hosts/{id}" -> "/v1/hosts/:id" (Pistache's syntax).
std::string PistachePath(const std::string& path) {
  static const std::regex parameter(R"(\{([a-z_]+)\})");
  return std::regex_replace(path, parameter, ":$1");
}

// Pistache otherwise answers an escaping exception with a 500 whose body is e.what().
// `head` answers like the GET it wraps, without the body (RFC 9110 §9.3.2).
// `access` (with `authorizer`) is checked first; 404 and 405 answers have none.
Rest::Route::Handler Guard(RouteTable::Handler handler, std::shared_ptr<bool> strict_transport,
                           bool head = false, const AccessRule* access = nullptr,
                           RouteTable::Authorizer authorizer = {}) {
  return [handler = std::move(handler), strict_transport, head, access,
          authorizer = std::move(authorizer)](const Rest::Request& request,
                                               Http::ResponseWriter response) {
    Exchange exchange(request, std::move(response));
    if (head) exchange.OmitBody();
    if (*strict_transport) exchange.EnableStrictTransportSecurity();
    RequestLogScope log_scope(exchange.request_id());
    try {
      if (HeaderBytes(request) > kMaxHeaderBytes) {
        exchange.SendProblem({Http::Code::Request_Header_Fields_Too_Large,
                              "header-fields-too-large",
                              "En-têtes trop volumineux",
                              "Les en-têtes de la requête dépassent " +
                                  std::to_string(kMaxHeaderBytes / 1024) +
                                  " Kio : allégez-les (cookies, jetons) et recommencez.",
                              {},
                              {}});
        return Rest::Route::Result::Ok;
      }
      if (access && !authorizer(exchange, *access)) return Rest::Route::Result::Ok;
      // Every transaction a write's handler commits on this thread appends its audit row
      // (persistence/write_audit.hpp); the checks above wrote nothing the request asked for.
      std::optional<persistence::WriteAuditScope> audit;
      if (access && IsWriteMethod(access->method)) {
        audit.emplace(WriteAuditContextOf(exchange, *access));
      }
      handler(exchange);
    } catch (const std::exception& error) {
      Logger::Error("unhandled_exception", {{"request_id", exchange.request_id()},
                                            {"path", exchange.path()},
                                            {"detail", error.what()}});
      exchange.SendError(Error::Internal());
    } catch (...) {
      Logger::Error("unhandled_exception",
                    {{"request_id", exchange.request_id()}, {"path", exchange.path()}});
      exchange.SendError(Error::Internal());
    }
    return Rest::Route::Result::Ok;
  };
}

void Register(Rest::Router& router, const std::string& method, const std::string& path,
              Rest::Route::Handler handler) {
  if (method == "get") Rest::Routes::Get(router, path, std::move(handler));
  if (method == "post") Rest::Routes::Post(router, path, std::move(handler));
  if (method == "put") Rest::Routes::Put(router, path, std::move(handler));
  if (method == "patch") Rest::Routes::Patch(router, path, std::move(handler));
  if (method == "delete") Rest::Routes::Delete(router, path, std::move(handler));
  if (method == "options") Rest::Routes::Options(router, path, std::move(handler));
  if (method == "head") Rest::Routes::Head(router, path, std::move(handler));
}

std::string AllowHeader(const std::set<std::string>& methods) {
  std::string allow;
  for (const auto& method : methods) {
    std::string upper = method;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    allow += (allow.empty() ? "" : ", ") + upper;
  }
  return allow;
}

}  // namespace

void RouteTable::Add(const std::string& method, const std::string& path, Handler handler) {
  const AccessRule* access = FindAccessRule(method, path);
  if (!access) throw std::logic_error("route without an access rule: " + method + " " + path);
  routes_.push_back({method, path});
  methods_by_path_[path].insert(method);
  if (method == "get") {
    methods_by_path_[path].insert("head");
    Register(router_, "head", PistachePath(path),
             Guard(handler, strict_transport_, /*head=*/true, access, authorizer_));
  }
  Register(router_, method, PistachePath(path),
           Guard(std::move(handler), strict_transport_, /*head=*/false, access, authorizer_));
}

void RouteTable::Finish(std::shared_ptr<const StaticSite> site) {
  // Pistache's own 405 has a plain-text body; answer it ourselves, in problem+json, with Allow.
  for (const auto& [path, methods] : methods_by_path_) {
    const std::string allow = AllowHeader(methods);
    // OPTIONS too: Pistache's own 405 for it is plain text, without X-Request-Id, and its Allow
    // lists every method registered here, including those answered with 405.
    for (const std::string method : {"get", "head", "post", "put", "patch", "delete", "options"}) {
      if (methods.count(method)) continue;
      Register(router_, method, PistachePath(path),
               Guard(
                   [allow](Exchange& exchange) {
                     Problem problem{Http::Code::Method_Not_Allowed,
                                     "method-not-allowed",
                                     "Méthode non autorisée",
                                     "Cette ressource accepte : " + allow + ".",
                                     {},
                                     {}};
                     exchange.AddHeader("Allow", allow);
                     exchange.SendProblem(problem);
                   },
                   strict_transport_, /*head=*/method == "head"));
    }
  }
  router_.addNotFoundHandler(Guard(
      [site = std::move(site)](Exchange& exchange) {
        const std::string method = exchange.method();
        if (site && (method == "GET" || method == "HEAD")) {
          if (auto asset = site->Find(exchange.path())) {
            if (method == "HEAD") exchange.OmitBody();
            exchange.SendAsset(asset->body, asset->media_type);
            return;
          }
        }
        exchange.SendProblem({Http::Code::Not_Found,
                              "not-found",
                              "Ressource introuvable",
                              "Aucune ressource ne correspond à ce chemin.",
                              {},
                              {}});
      },
      strict_transport_));
}

}  // namespace nuitee::api
