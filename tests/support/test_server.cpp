// Starting and stopping the server under test.
#include "tests/support/test_server.hpp"

#include <stdexcept>

#include "persistence/account_repository.hpp"

namespace nuitee::testing {

using namespace date::literals;

TestServer::TestServer() : TestServer("", "") {}

TestServer::TestServer(TestDatabase::Schema schema) : TestServer("", "", schema) {}

TestServer::TestServer(const std::string& tls_certificate, const std::string& tls_private_key)
    : TestServer(tls_certificate, tls_private_key, TestDatabase::Schema::kMigrated) {}

TestServer::TestServer(const std::string& tls_certificate, const std::string& tls_private_key,
                       TestDatabase::Schema schema)
    : db_(schema),
      server_database_(std::make_unique<persistence::Database>(
          persistence::DatabaseOptions{db_.ServerRoleUrl(), 4})),
      today_(2026_y / date::November / 23),
      tls_(!tls_certificate.empty()),
      ca_certificate_(tls_certificate) {
  // The server runs under the application role, as in production; the tests arrange data as the
  // owner (db_.database()).
  api::Services services{*server_database_, [this] { return today_; }};
  // Cheap scrypt parameters: the tests log in often; production uses the defaults.
  services.auth.scrypt = kTestScrypt;
  server_ = std::make_unique<api::Server>(
      api::ServerOptions{"127.0.0.1", 0, 2, tls_certificate, tls_private_key,
                        NUITEE_SOURCE_DIR "/web"},
      services);
  port_ = server_->Start();
  client_ = std::make_unique<HttpClient>(base_url());
  if (tls_) client_->SetCaCertificate(tls_certificate);
  client_->SetTokenSource([this](const std::string& collectivity) {
    return collectivity.empty() ? OperatorToken() : StaffToken(collectivity);
  });
  ActAsOperator();
}

std::string TestServer::SignIn(UserKind kind, const std::string& email,
                               const std::optional<std::string>& collectivity,
                               std::vector<Role> roles, std::vector<std::string> hosts) {
  static const std::string hash = *security::HashPassword(kTestPassword, kTestScrypt);
  persistence::NewUser user{kind, email, email.substr(0, email.find('@')),
                            collectivity ? std::optional(CollectivityId(*collectivity))
                                         : std::nullopt,
                            hash, std::move(roles), {}, "test"};
  for (const auto& host : hosts) user.hosts.push_back(HostId(host));
  auto created = db_.database().InTransaction([&](persistence::Transaction& tx) {
    return persistence::AccountRepository::CreateUser(tx, user);
  });
  if (!created) throw std::runtime_error("test account " + email + ": " + created.error().message);
  HttpClient anonymous(base_url());
  if (tls_) anonymous.SetCaCertificate(ca_certificate_);
  nlohmann::json login = {{"email", email}, {"password", kTestPassword}};
  if (collectivity) login["collectivity_id"] = *collectivity;
  const auto answer = anonymous.PostJson("/v1/auth/login", login);
  if (answer.status != 201) throw std::runtime_error("login of " + email + ": " + answer.body);
  return answer.Json().at("token").get<std::string>();
}

std::string TestServer::OperatorToken() {
  if (operator_token_.empty()) {
    operator_token_ = SignIn(UserKind::kOperator, "operateur@nuitee.test", std::nullopt);
  }
  return operator_token_;
}

std::string TestServer::StaffToken(const std::string& collectivity) {
  auto& token = staff_tokens_[collectivity];
  if (token.empty()) {
    token = SignIn(UserKind::kStaff, StaffEmail(collectivity), collectivity,
                   {Role::kReferent, Role::kFinance, Role::kAdmin});
  }
  return token;
}

void TestServer::ActAsStaff(const std::string& collectivity) { ActAs(StaffToken(collectivity)); }
void TestServer::ActAsOperator() { ActAs(OperatorToken()); }
void TestServer::ActAs(const std::string& token) {
  client_->SetDefaultHeader("Authorization", "Bearer " + token);
}

TestServer::~TestServer() {
  client_.reset();
  server_->Shutdown();
  server_.reset();
  server_database_.reset();  // before the database is dropped
}

std::string TestServer::base_url() const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

}  // namespace nuitee::testing
