// libcurl easy handle reused across requests (keep-alive, like a real client).
#include "tests/support/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <stdexcept>

namespace nuitee::testing {
namespace {

size_t AppendBody(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

size_t AppendHeader(char* data, size_t size, size_t count, void* target) {
  std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r\n") + 1);
    (*static_cast<std::map<std::string, std::string>*>(target))[name] = value;
  }
  return size * count;
}

}  // namespace

HttpClient::HttpClient(std::string base_url) : base_url_(std::move(base_url)) {
  curl_ = curl_easy_init();
  if (!curl_) throw std::runtime_error("curl_easy_init failed");
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

void HttpClient::SetDefaultHeader(const std::string& name, const std::string& value) {
  default_headers_[name] = value;
}

void HttpClient::ClearDefaultHeader(const std::string& name) { default_headers_.erase(name); }

HttpResponse HttpClient::Request(const std::string& method, const std::string& path,
                                 const std::string& body,
                                 const std::map<std::string, std::string>& headers) {
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  HttpResponse response;
  const std::string url = base_url_ + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  if (!ca_certificate_.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_certificate_.c_str());
  const std::string source = "host!" + source_address_;
  if (!source_address_.empty()) curl_easy_setopt(curl, CURLOPT_INTERFACE, source.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  curl_slist* list = nullptr;
  std::map<std::string, std::string> all = default_headers_;
  for (const auto& [name, value] : headers) all[name] = value;
  all.emplace("Expect", "");  // no 100-continue round trip for large bodies
  for (const auto& [name, value] : all) {
    list = curl_slist_append(list, (name + ": " + value).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(list);
  if (code != CURLE_OK) {
    throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(code));
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

HttpResponse HttpClient::PostJson(const std::string& path, const nlohmann::json& body,
                                  std::map<std::string, std::string> headers) {
  headers.emplace("Content-Type", "application/json");
  return Request("POST", path, body.dump(), headers);
}

HttpResponse HttpClient::PatchJson(const std::string& path, const nlohmann::json& body,
                                   std::map<std::string, std::string> headers) {
  headers.emplace("Content-Type", "application/merge-patch+json");
  return Request("PATCH", path, body.dump(), headers);
}

}  // namespace nuitee::testing
