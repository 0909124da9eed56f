// The HTTP server: a Pistache endpoint, its routes, and a clean shutdown.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "api/http/route_table.hpp"
#include "api/services.hpp"

namespace nuitee::api {

struct ServerOptions {
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (tests)
  int threads = 4;
  // Both set: serve HTTPS with this PEM certificate (chain) and private key (Pistache's OpenSSL).
  std::string tls_certificate{};
  std::string tls_private_key{};
  // The web portal's files (web/), served at "/"; empty: the API alone.
  std::string web_root{};
};

class Server {
 public:
  Server(ServerOptions options, Services services);
  // With another access check than the access table's (bench/auth_overhead_server.cpp measures
  // what the real one costs against one that lets every request through as a fixed caller).
  Server(ServerOptions options, Services services, RouteTable::Authorizer authorizer);
  ~Server();
  // Binds and starts serving on background threads; returns the port actually bound.
  std::uint16_t Start();
  // Stops accepting, lets the reactor threads finish what they are doing, and joins them.
  void Shutdown();
  const std::vector<RouteInfo>& routes() const;
  // What the handlers are given (a test adds a payment provider to it).
  const Services& services() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Registers every route of the service on `table` (also used by the OpenAPI contract test).
void RegisterRoutes(RouteTable& table, Services& services);

}  // namespace nuitee::api
