// A PostgreSQL cluster of the test's own, which the test may stop and start to simulate an outage
// without disturbing the tests that share TEST_PG's cluster. Driven by scripts/pg-cluster.sh
// (NUITEE_PG_CLUSTER_SCRIPT, exported by `make test`).
#pragma once

#include <string>

namespace nuitee::testing {

class PrivateCluster {
 public:
  PrivateCluster();   // initdb + start; throws when the script is unavailable or fails
  ~PrivateCluster();  // stop + delete
  void Stop();
  void Start();
  // A libpq connection string to database `postgres` of this cluster.
  std::string Url() const { return url_; }

 private:
  std::string Run(const std::string& arguments) const;
  std::string script_;
  std::string directory_;
  std::string data_;
  std::string url_;
};

}  // namespace nuitee::testing
