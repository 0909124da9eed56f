// One registration function per resource; each lives in its own *_routes.cpp.
#pragma once

#include "api/http/route_table.hpp"
#include "api/services.hpp"

namespace nuitee::api {

void RegisterHealthRoutes(RouteTable& table, Services& services);
void RegisterCollectivityRoutes(RouteTable& table, Services& services);
void RegisterHostRoutes(RouteTable& table, Services& services);
void RegisterAccommodationRoutes(RouteTable& table, Services& services);
void RegisterClassificationRoutes(RouteTable& table, Services& services);
void RegisterHistoryRoutes(RouteTable& table, Services& services);
void RegisterLegalGridRoutes(RouteTable& table, Services& services);
void RegisterDeliberationRoutes(RouteTable& table, Services& services);
void RegisterDeliberationImportRoute(RouteTable& table, Services& services);
void RegisterQuoteRoutes(RouteTable& table, Services& services);
void RegisterFlatRateQuoteRoutes(RouteTable& table, Services& services);
void RegisterLateInterestRoutes(RouteTable& table, Services& services);
void RegisterDeclarationRoutes(RouteTable& table, Services& services);
void RegisterStatementRoutes(RouteTable& table, Services& services);
void RegisterAuthRoutes(RouteTable& table, Services& services);
void RegisterStayImportRoutes(RouteTable& table, Services& services);
void RegisterNightSynthesisRoutes(RouteTable& table, Services& services);
void RegisterMailTemplateRoutes(RouteTable& table, Services& services);
void RegisterAccountRoutes(RouteTable& table, Services& services);
void RegisterMailRoutes(RouteTable& table, Services& services);
void RegisterManagerRoutes(RouteTable& table, Services& services);
void RegisterPlatformRoutes(RouteTable& table, Services& services);
void RegisterAuditRoutes(RouteTable& table, Services& services);
void RegisterLockoutRoutes(RouteTable& table, Services& services);
void RegisterPersonalDataRoutes(RouteTable& table, Services& services);
// Issue 6, the referent's side of the enforcement procedure.
void RegisterEnforcementRoutes(RouteTable& table, Services& services);
void RegisterEnforcementDashboardRoutes(RouteTable& table, Services& services);
void RegisterEnforcementActionRoutes(RouteTable& table, Services& services);
void RegisterOfficeAssessmentRoutes(RouteTable& table, Services& services);
void RegisterEnforcementStepRoutes(RouteTable& table, Services& services);
// Issue 7, money.
void RegisterPaymentRoutes(RouteTable& table, Services& services);
void RegisterLedgerRoutes(RouteTable& table, Services& services);
// Issue 7, what finance exports (api/routes/finance_routes.hpp).
void RegisterFinanceExportRoutes(RouteTable& table, Services& services);
// Issue 7: bank statement import and online payment.
void RegisterBankStatementRoutes(RouteTable& table, Services& services);
void RegisterOnlinePaymentRoutes(RouteTable& table, Services& services);
// Issue 8, the host space: PDF receipts of a declaration and of a payment.
void RegisterHostReceiptRoutes(RouteTable& table, Services& services);
// Issue 7, the budget: budget lines, transfers out, the reconciliation report.
void RegisterBudgetRoutes(RouteTable& table, Services& services);
void RegisterTransferRoutes(RouteTable& table, Services& services);
void RegisterReconciliationRoutes(RouteTable& table, Services& services);
// Issue 7, platforms: statements, reversements, the unmatched lines, reconciliation reports.
void RegisterPlatformStatementRoutes(RouteTable& table, Services& services);
void RegisterPlatformReconciliationRoutes(RouteTable& table, Services& services);

}  // namespace nuitee::api
