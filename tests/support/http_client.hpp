// A small blocking HTTP client (libcurl) for API tests against a real server on loopback.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace nuitee::testing {

struct HttpResponse {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lowercased
  nlohmann::json Json() const { return nlohmann::json::parse(body); }
  std::string Header(const std::string& lowercase_name) const {
    auto it = headers.find(lowercase_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Headers given here are sent with every request (e.g. Authorization); a request's own headers
  // win over them.
  void SetDefaultHeader(const std::string& name, const std::string& value);
  void ClearDefaultHeader(const std::string& name);
  // For https:// servers with a self-signed certificate: trust this PEM file.
  void SetCaCertificate(const std::string& path) { ca_certificate_ = path; }
  // Send from another loopback address (e.g. "127.0.0.2"): the server then sees another client,
  // as throttling per client address must.
  void SetSourceAddress(const std::string& address) { source_address_ = address; }

  // Who a request is from, on a server with accounts: TestServer tells the client how to get the
  // bearer token of the instance operator ("" below) and of a staff member of a collectivity who
  // has every role, so shared fixtures can sign their requests.
  using TokenSource = std::function<std::string(const std::string& collectivity)>;
  void SetTokenSource(TokenSource source) { token_source_ = std::move(source); }
  std::map<std::string, std::string> AsOperator() const { return Bearer(token_source_("")); }
  std::map<std::string, std::string> AsStaffOf(const std::string& collectivity) const {
    return Bearer(token_source_(collectivity));
  }
  static std::map<std::string, std::string> Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  HttpResponse Request(const std::string& method, const std::string& path,
                       const std::string& body = {},
                       const std::map<std::string, std::string>& headers = {});
  HttpResponse Get(const std::string& path,
                   const std::map<std::string, std::string>& headers = {}) {
    return Request("GET", path, {}, headers);
  }
  HttpResponse PostJson(const std::string& path, const nlohmann::json& body,
                        std::map<std::string, std::string> headers = {});
  HttpResponse PatchJson(const std::string& path, const nlohmann::json& body,
                         std::map<std::string, std::string> headers = {});

 private:
  std::string base_url_;
  std::map<std::string, std::string> default_headers_;
  std::string ca_certificate_;
  std::string source_address_;
  TokenSource token_source_ = [](const std::string&) { return std::string(); };
  void* curl_;
};

}  // namespace nuitee::testing
