// Starting, stopping and reading the loopback SMTP server.
#include "tests/support/smtp_catcher.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

namespace nuitee::testing {
namespace {

const std::string kScript = NUITEE_SOURCE_DIR "/tests/support/smtp_catcher.py";

// A port nothing listens on now. Another process may take it before the catcher binds it, in
// which case the catcher exits and Launch tries another.
std::uint16_t FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) close(fd);
    throw std::runtime_error("no free loopback port");
  }
  close(fd);
  return ntohs(address.sin_port);
}

std::string Quote(const std::string& text) { return "'" + text + "'"; }

}  // namespace

std::string DebianPython() {
  const char* chosen = std::getenv("NUITEE_TEST_PYTHON");
  return chosen != nullptr && *chosen != '\0' ? chosen : "/usr/bin/python3";
}

SmtpCatcher::SmtpCatcher() : SmtpCatcher(Options{}) {}

SmtpCatcher::SmtpCatcher(Options options) {
  char pattern[] = "/tmp/nuitee-smtp.XXXXXX";
  if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  directory_ = pattern;
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (Launch(options)) return;
  }
  std::filesystem::remove_all(directory_);
  throw std::runtime_error("the SMTP catcher did not start (python3-aiosmtpd installed? see " +
                           kScript + ")");
}

SmtpCatcher::~SmtpCatcher() {
  Stop();
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

bool SmtpCatcher::Launch(const Options& options) {
  port_ = FreePort();
  std::vector<std::string> arguments = {
      DebianPython(),      kScript, "serve", "--port", std::to_string(port_), "--maildir",
      directory_ + "/mail"};
  if (!options.user.empty()) {
    arguments.insert(arguments.end(), {"--user", options.user, "--password", options.password});
  }
  if (!options.tls_certificate.empty()) {
    arguments.insert(arguments.end(),
                     {"--tls-cert", options.tls_certificate, "--tls-key", options.tls_private_key});
  }
  if (!options.refuse_prefix.empty()) {
    arguments.insert(arguments.end(), {"--refuse-prefix", options.refuse_prefix});
  }
  // Everything the child needs is prepared before fork: after it, only system calls.
  std::vector<char*> argv;
  for (auto& each : arguments) argv.push_back(each.data());
  argv.push_back(nullptr);
  const std::string log = directory_ + "/catcher.log";
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (err >= 0) dup2(err, STDERR_FILENO);
    // Not the test's sockets (its server, its database sessions): they must close with it.
    close_range(3, ~0U, 0);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // "ready" once it listens; end of file when it died (its port was taken, say).
  std::string said;
  pollfd waiting{out[0], POLLIN, 0};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (said.find("ready\n") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    if (poll(&waiting, 1, 200) <= 0) continue;
    std::array<char, 64> buffer{};
    const ssize_t n = read(out[0], buffer.data(), buffer.size());
    if (n <= 0) break;
    said.append(buffer.data(), std::size_t(n));
  }
  close(out[0]);
  if (said.find("ready\n") != std::string::npos) return true;
  Stop();
  return false;
}

void SmtpCatcher::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string SmtpCatcher::Log() const {
  std::ifstream file(directory_ + "/catcher.log");
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

std::vector<CaughtMail> SmtpCatcher::Mails() const {
  if (!std::filesystem::exists(directory_ + "/mail")) return {};
  const std::string command =
      DebianPython() + " " + Quote(kScript) + " dump " + Quote(directory_ + "/mail");
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  std::string output;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
    output.append(buffer.data(), n);
  }
  if (pclose(pipe) != 0) throw std::runtime_error("dump failed: " + command);
  std::vector<CaughtMail> mails;
  for (const auto& each : nlohmann::json::parse(output)) {
    auto text = [&](const char* key) { return each.at(key).get<std::string>(); };
    mails.push_back({text("mail_from"), text("rcpt_to"), text("from"), text("to"), text("subject"),
                     text("message_id"), text("auto_submitted"), text("content_type"),
                     text("charset"), text("body"), text("raw")});
  }
  return mails;
}

std::vector<CaughtMail> SmtpCatcher::WaitForMails(std::size_t count,
                                                  std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto mails = Mails();
    if (mails.size() >= count || std::chrono::steady_clock::now() >= deadline) return mails;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace nuitee::testing
