// The two servers of bench/auth_overhead.sh, in one process over one database: on PORT the real
// `nuitee serve` routes with their access check (session from the bearer token, through the
// session cache; the audience; the ownership of the path's record), on PORT + 1 the same routes
// with a check that lets every request through as the caller behind TOKEN, read once at start.
// The ratio of their throughputs, measured in one run, is the cost of the check (issue 5: at most
// 10 % more). Not a test and not named bench_*: scripts/bench.sh does not run it alone.
//
// Usage: auth_overhead_server PORT THREADS TOKEN   (database: NUITEE_DATABASE_URL)
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "api/server.hpp"
#include "persistence/account_repository.hpp"
#include "security/secret_token.hpp"

int main(int argc, char** argv) {
  using namespace nuitee;
  const char* url = std::getenv("NUITEE_DATABASE_URL");
  if (argc != 4 || !url) {
    std::cerr << "usage: NUITEE_DATABASE_URL=... auth_overhead_server PORT THREADS TOKEN\n";
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int threads = std::atoi(argv[2]);
  persistence::Database database({url, static_cast<std::size_t>(2 * threads + 1)});
  auto session = database.InTransaction(
      [&](persistence::Transaction& tx) -> Result<persistence::AuthenticatedSession> {
        auto found = persistence::AccountRepository::Authenticate(
            tx, security::TokenDigest(argv[3]), std::chrono::hours(2));
        if (!found) return Fail(Error::NotFound("no live session for this token"));
        return *found;
      });
  if (!session) {
    std::cerr << session.error().message << "\n";
    return 1;
  }
  const Principal caller = session->principal;
  api::Services services{database, api::ParisToday};
  api::Server checked({"127.0.0.1", static_cast<std::uint16_t>(port), threads}, services);
  api::Server unchecked({"127.0.0.1", static_cast<std::uint16_t>(port + 1), threads}, services,
                        [caller](api::Exchange& exchange, const api::AccessRule&) {
                          exchange.SetPrincipal(caller);
                          return true;
                        });
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  checked.Start();
  unchecked.Start();
  int received = 0;
  sigwait(&signals, &received);
  checked.Shutdown();
  unchecked.Shutdown();
  return 0;
}
