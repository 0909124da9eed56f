// A real Nuitée server on a free loopback port over a fresh database, with a client for it, and
// accounts to call it with: the client starts signed in as the instance operator.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/server.hpp"
#include "domain/account.hpp"
#include "payments/provider.hpp"
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
  // Over a database of that schema (TestDatabase::Schema::kDemo: the demo territory).
  explicit TestServer(TestDatabase::Schema schema);
  ~TestServer();

  HttpClient& client() { return *client_; }
  TestDatabase& db() { return db_; }
  // The server's own pool, connected as kServerRole (never the owner of the tables).
  persistence::Database& server_database() { return *server_database_; }
  const std::vector<api::RouteInfo>& routes() const { return server_->routes(); }
  std::string base_url() const;
  void SetToday(Day day) { today_ = day; }
  // The online payment providers the server offers (the simulator; a test may add PayFiP).
  const std::shared_ptr<payments::PaymentProviders>& payment_providers() const {
    return server_->services().payment_providers;
  }

  // Accounts, created in the database and signed in over HTTP (POST /v1/auth/login); each call
  // returns a bearer token. The password of every test account is kTestPassword.
  std::string SignIn(UserKind kind, const std::string& email,
                     const std::optional<std::string>& collectivity, std::vector<Role> roles = {},
                     std::vector<std::string> hosts = {});
  std::string OperatorToken();
  // A staff member of `collectivity` with every role (referent, finance, admin); the same one for
  // every call.
  std::string StaffToken(const std::string& collectivity);
  // The address of that staff member, which audit trails record as the actor.
  static std::string StaffEmail(const std::string& collectivity) {
    return "equipe-" + collectivity.substr(0, 8) + "@collectivite.test";
  }
  // The default client then signs every request as them.
  void ActAsStaff(const std::string& collectivity);
  void ActAsOperator();
  void ActAs(const std::string& token);

 private:
  TestServer(const std::string& tls_certificate, const std::string& tls_private_key,
             TestDatabase::Schema schema);
  TestDatabase db_;
  std::unique_ptr<persistence::Database> server_database_;
  Day today_;
  std::unique_ptr<api::Server> server_;
  std::uint16_t port_ = 0;
  bool tls_ = false;
  std::string ca_certificate_;
  std::unique_ptr<HttpClient> client_;
  std::string operator_token_;
  std::map<std::string, std::string> staff_tokens_;  // by collectivity
};

inline constexpr const char* kTestPassword = "un mot de passe de test assez long";

}  // namespace nuitee::testing
