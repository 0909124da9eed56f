// One request and its response: the request id, the tenant and actor, and the only ways to answer
// (JSON, problem+json, empty), each logged once with its status and duration.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api/http/pistache.hpp"
#include "api/http/problem.hpp"
#include "domain/account.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"

namespace nuitee::api {

class Exchange {
 public:
  Exchange(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter response);
  ~Exchange();
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;

  const Pistache::Rest::Request& request() const { return request_; }
  const std::string& request_id() const { return request_id_; }
  const std::string& path() const { return path_; }
  std::string method() const;

  // A path parameter (":id") as given.
  std::string Param(const std::string& name) const;
  std::optional<std::string> Header(const std::string& name) const;

  // The caller, once the route's guard has authenticated it (api/http/authorization.hpp).
  const std::optional<Principal>& principal() const { return principal_; }
  void SetPrincipal(std::optional<Principal> principal) { principal_ = std::move(principal); }
  // The collectivity the caller belongs to, in which every query of the request is scoped. The
  // access table admits only callers that have one to the routes that ask for it; the operator
  // (who has none) gets 404 there.
  Result<CollectivityId> Tenant() const;
  // The actor recorded in audit trails and declarations: the caller's address; for a manager
  // acting on a host's records, "<its address> pour le compte de l'hébergeur <host id>"; for a
  // platform, its name and the visible prefix of its key.
  std::string Actor() const;
  // The host a manager acts for in this request (the host of the path), set by the route's guard.
  const std::optional<HostId>& on_behalf_of() const { return on_behalf_of_; }
  void SetOnBehalfOf(HostId host) { on_behalf_of_ = std::move(host); }
  // The host whose record the path names, for any caller the guard let reach it (the write audit
  // records it as "on behalf of" for a host's own account).
  const std::optional<HostId>& path_host() const { return path_host_; }
  void SetPathHost(HostId host) { path_host_ = std::move(host); }

  void SendJson(Pistache::Http::Code code, const nlohmann::json& body,
                std::optional<long long> version = std::nullopt);
  void SendCreated(const std::string& location, const nlohmann::json& body, long long version);
  // A JSON body already serialised (an answer replayed for an idempotent retry).
  void SendJsonText(Pistache::Http::Code code, const std::string& body);
  // Any other text body (CSV exports), with its media type.
  void SendText(Pistache::Http::Code code, const std::string& body, const std::string& media_type);
  void SendError(const Error& error);
  void SendProblem(const Problem& problem);
  void SendNoContent();
  // A file of the web portal (api/http/static_site.hpp): the portal's security headers, which let
  // the page load its own scripts and styles, instead of the API's.
  void SendAsset(const std::string& body, const std::string& media_type);
  void AddHeader(const std::string& name, const std::string& value);
  // For HEAD: every header as for GET, no body.
  void OmitBody() { omit_body_ = true; }
  // Under TLS every response carries Strict-Transport-Security.
  void EnableStrictTransportSecurity() { strict_transport_ = true; }
  bool sent() const { return sent_; }

 private:
  void Finish(Pistache::Http::Code code, const std::string& body, const std::string& media_type);
  void AddSecurityHeaders();

  const Pistache::Rest::Request& request_;
  Pistache::Http::ResponseWriter response_;
  std::string request_id_;
  std::string path_;
  std::chrono::steady_clock::time_point started_;
  bool sent_ = false;
  bool omit_body_ = false;
  bool asset_ = false;
  bool strict_transport_ = false;
  std::optional<Principal> principal_;
  std::optional<HostId> on_behalf_of_;
  std::optional<HostId> path_host_;
};

}  // namespace nuitee::api
