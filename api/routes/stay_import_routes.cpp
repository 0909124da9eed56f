// POST /v1/accommodations/{id}/declarations/{month}/stays:import: a CSV file of stays (columns in
// docs/stays-csv.md) becomes the month's draft. The file is validated row by row: one bad row
// refuses the whole file, with every bad row's line number and reason, and nothing is stored.
#include "api/http/json_body.hpp"
#include "api/routes/declaration_support.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/routes.hpp"
#include "domain/stay_csv.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

void Import(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange, true);
  if (!target) return;
  auto condition = OptionalIfMatch(exchange);
  if (!condition) return exchange.SendError(condition.error());
  auto csv = ReadCsvFile(exchange);
  if (!csv) return;
  auto rows = ParseStayCsvRows(*csv);
  if (!rows) return exchange.SendError(rows.error());
  std::vector<StayLine> stays;
  for (const auto& row : *rows) stays.push_back(row.stay);
  const Day today = services.today();
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto context = LoadContext(tx, *target);
    if (!context) return Fail(context.error());
    auto view =
        StoreDraft(tx, *target, *context, *condition, stays, exchange.Actor(), today,
                   [&](std::vector<FieldError> problems) { return OnFileLines(problems, *rows); });
    if (!view) return Fail(view.error());
    (*view)["imported_stays"] = stays.size();
    const long long version = (*view)["version"].get<long long>();
    return Reply{Code::Ok, std::move(*view), {}, version};
  });
}

}  // namespace

void RegisterStayImportRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/accommodations/{id}/declarations/{month}/stays:import",
             [&services](Exchange& e) { Import(e, services); });
}

}  // namespace nuitee::api
