// A real Nuitée server on a free loopback port over a fresh database, with a client for it.
#pragma once

#include <memory>

#include "api/server.hpp"
#include "security/password_hash.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::testing {

// The scrypt parameters of test servers (cheap, so logging in does not slow the suite down).
inline constexpr security::ScryptParameters kTestScrypt{1024, 8, 1};

class TestServer {
 public:
  // "Today" for the server is fixed (2026-11-23) unless a test changes it with SetToday.
  TestServer();
  // An HTTPS server with this certificate and key (PEM files); the client trusts the certificate.
  TestServer(const std::string& tls_certificate, const std::string& tls_private_key);
  ~TestServer();

  HttpClient& client() { return *client_; }
  TestDatabase& db() { return db_; }
  const std::vector<api::RouteInfo>& routes() const { return server_->routes(); }
  std::string base_url() const;
  void SetToday(Day day) { today_ = day; }

 private:
  TestDatabase db_;
  Day today_;
  std::unique_ptr<api::Server> server_;
  std::uint16_t port_ = 0;
  bool tls_ = false;
  std::unique_ptr<HttpClient> client_;
};

}  // namespace nuitee::testing
