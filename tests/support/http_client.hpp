// A small blocking HTTP client (libcurl) for API tests against a real server on loopback.
#pragma once

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

  // Headers given here are sent with every request (e.g. X-Collectivity-Id).
  void SetDefaultHeader(const std::string& name, const std::string& value);
  void ClearDefaultHeader(const std::string& name);
  // For https:// servers with a self-signed certificate: trust this PEM file.
  void SetCaCertificate(const std::string& path) { ca_certificate_ = path; }

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
  void* curl_;
};

}  // namespace nuitee::testing
