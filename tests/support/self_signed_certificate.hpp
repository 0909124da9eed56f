// A self-signed certificate for 127.0.0.1 in a temporary folder, made by the openssl command
// (Debian's `openssl`), for tests of TLS on loopback.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace nuitee::testing {

class SelfSignedCertificate {
 public:
  SelfSignedCertificate() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("nuitee-cert-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
        key() + "' -out '" + certificate() + "' >/dev/null 2>&1";
    made_ = std::system(command.c_str()) == 0;
  }
  ~SelfSignedCertificate() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  SelfSignedCertificate(const SelfSignedCertificate&) = delete;
  SelfSignedCertificate& operator=(const SelfSignedCertificate&) = delete;

  bool made() const { return made_; }
  std::string certificate() const { return (dir_ / "cert.pem").string(); }
  std::string key() const { return (dir_ / "key.pem").string(); }

 private:
  std::filesystem::path dir_;
  bool made_ = false;
};

}  // namespace nuitee::testing
