// Private cluster lifecycle through scripts/pg-cluster.sh.
#include "tests/support/private_cluster.hpp"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace nuitee::testing {

PrivateCluster::PrivateCluster() {
  const char* script = std::getenv("NUITEE_PG_CLUSTER_SCRIPT");
  if (script == nullptr || *script == '\0') {
    throw std::runtime_error("NUITEE_PG_CLUSTER_SCRIPT is not set (run the tests with make test)");
  }
  script_ = script;
  char pattern[] = "/tmp/nuitee-outage.XXXXXX";
  if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  directory_ = pattern;
  // As root the cluster runs as postgres, which must own the folder.
  if (geteuid() == 0) Run("__chown");
  data_ = directory_ + "/pgdata";
  Start();
  url_ = Run("url " + data_ + " postgres");
  while (!url_.empty() && (url_.back() == '\n' || url_.back() == ' ')) url_.pop_back();
}

PrivateCluster::~PrivateCluster() {
  try {
    Run("destroy " + data_);
  } catch (...) {
  }
  std::system(("rm -rf '" + directory_ + "'").c_str());
}

void PrivateCluster::Stop() { Run("stop " + data_); }
void PrivateCluster::Start() { Run("start " + data_); }

std::string PrivateCluster::Run(const std::string& arguments) const {
  const std::string command = arguments == "__chown"
                                  ? "chown postgres:postgres '" + directory_ + "'"
                                  : "'" + script_ + "' " + arguments + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  std::string output;
  std::array<char, 512> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) output += buffer.data();
  if (pclose(pipe) != 0) throw std::runtime_error("command failed: " + command);
  return output;
}

}  // namespace nuitee::testing
