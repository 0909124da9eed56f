// The finance exports' routes (issue 7), registered together by RegisterFinanceExportRoutes.
#pragma once

#include "api/http/route_table.hpp"
#include "api/services.hpp"

namespace nuitee::api {

void RegisterAccountingSettingsRoutes(RouteTable& table, Services& services);
void RegisterAccountingExportRoutes(RouteTable& table, Services& services);
void RegisterReversementStatementRoutes(RouteTable& table, Services& services);
void RegisterPeriodSummaryRoutes(RouteTable& table, Services& services);
void RegisterTitresRoutes(RouteTable& table, Services& services);
void RegisterLateInterestChargeRoutes(RouteTable& table, Services& services);

}  // namespace nuitee::api
