// HTTPS through Pistache's OpenSSL (`nuitee serve --tls-cert --tls-key`) and the security headers
// every response carries: HSTS only under TLS, no sniffing, no framing, nothing loaded from
// elsewhere.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

// A self-signed certificate for 127.0.0.1, made by the openssl command (Debian's `openssl`).
class SelfSignedCertificate {
 public:
  SelfSignedCertificate() {
    dir_ = std::filesystem::temp_directory_path() /
           ("nuitee-tls-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(dir_);
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
        key() + "' -out '" + certificate() + "' >/dev/null 2>&1";
    made_ = std::system(command.c_str()) == 0;
  }
  ~SelfSignedCertificate() { std::filesystem::remove_all(dir_); }
  bool made() const { return made_; }
  std::string certificate() const { return (dir_ / "cert.pem").string(); }
  std::string key() const { return (dir_ / "key.pem").string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path dir_;
  bool made_ = false;
};

TEST(TransportSecurity, ServesHttpsWithStrictTransportSecurity) {
  SelfSignedCertificate certificate;
  ASSERT_TRUE(certificate.made()) << "the openssl command is needed (Debian package openssl)";
  testing::TestServer server(certificate.certificate(), certificate.key());
  ASSERT_EQ(server.base_url().rfind("https://", 0), 0u);
  const auto health = server.client().Get("/health");
  ASSERT_EQ(health.status, 200) << health.body;
  EXPECT_EQ(health.Header("strict-transport-security"), "max-age=31536000");
  const auto missing = server.client().Get("/v1/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Header("strict-transport-security"), "max-age=31536000");
}

TEST(TransportSecurity, EveryResponseForbidsSniffingFramingAndForeignContent) {
  testing::TestServer server;
  for (const std::string path : {"/health", "/v1/nowhere", "/v1/collectivities"}) {
    const auto response = server.client().Get(path);
    EXPECT_EQ(response.Header("x-content-type-options"), "nosniff") << path;
    EXPECT_EQ(response.Header("content-security-policy"),
              "default-src 'none'; frame-ancestors 'none'")
        << path;
    EXPECT_EQ(response.Header("x-frame-options"), "DENY") << path;
    EXPECT_EQ(response.Header("strict-transport-security"), "") << "plain HTTP: " << path;
  }
}

}  // namespace
}  // namespace nuitee
