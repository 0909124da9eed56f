// Issue 7, what finance exports: one registration for the routes of the finance exports.
#include "api/routes/finance_routes.hpp"
#include "api/routes/routes.hpp"

namespace nuitee::api {

void RegisterFinanceExportRoutes(RouteTable& table, Services& services) {
  RegisterAccountingSettingsRoutes(table, services);
  RegisterAccountingExportRoutes(table, services);
  RegisterReversementStatementRoutes(table, services);
  RegisterPeriodSummaryRoutes(table, services);
  RegisterTitresRoutes(table, services);
  RegisterLateInterestChargeRoutes(table, services);
}

}  // namespace nuitee::api
