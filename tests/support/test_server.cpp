// Starting and stopping the server under test.
#include "tests/support/test_server.hpp"

namespace nuitee::testing {

using namespace date::literals;

TestServer::TestServer() : TestServer("", "") {}

TestServer::TestServer(const std::string& tls_certificate, const std::string& tls_private_key)
    : today_(2026_y / date::November / 23), tls_(!tls_certificate.empty()) {
  api::Services services{db_.database(), [this] { return today_; }};
  // Cheap scrypt parameters: the tests log in often; production uses the defaults.
  services.auth.scrypt = kTestScrypt;
  server_ = std::make_unique<api::Server>(
      api::ServerOptions{"127.0.0.1", 0, 2, tls_certificate, tls_private_key}, services);
  port_ = server_->Start();
  client_ = std::make_unique<HttpClient>(base_url());
  if (tls_) client_->SetCaCertificate(tls_certificate);
}

TestServer::~TestServer() {
  client_.reset();
  server_->Shutdown();
}

std::string TestServer::base_url() const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

}  // namespace nuitee::testing
