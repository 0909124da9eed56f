// GET /health (the process answers) and GET /ready (database reachable, schema up to date).
#include "api/routes/routes.hpp"
#include "persistence/migrations.hpp"

namespace nuitee::api {

void RegisterHealthRoutes(RouteTable& table, Services& services) {
  table.Get("/health", [](Exchange& exchange) {
    exchange.SendJson(Pistache::Http::Code::Ok, {{"status", "ok"}});
  });
  table.Get("/ready", [&services](Exchange& exchange) {
    auto ready =
        persistence::CheckMigrations(services.database, persistence::EmbeddedMigrations());
    if (!ready) {
      Error unavailable = ready.error();
      unavailable.code = ErrorCode::kUnavailable;
      return exchange.SendError(unavailable);
    }
    exchange.SendJson(Pistache::Http::Code::Ok,
                      {{"status", "ready"},
                       {"schema_version", persistence::EmbeddedMigrations().back().version}});
  });
}

}  // namespace nuitee::api
