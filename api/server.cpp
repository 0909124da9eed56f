// Pistache endpoint set-up: thread count, request size limit, timeouts, routes.
#include "api/server.hpp"

#include "api/http/authorization.hpp"
#include "api/http/json_body.hpp"
#include "api/http/pistache.hpp"
#include "api/routes/routes.hpp"

namespace nuitee::api {

struct Server::Impl {
  Impl(ServerOptions options, Services services, RouteTable::Authorizer authorizer)
      : options(std::move(options)),
        services(std::move(services)),
        endpoint(Pistache::Address(this->options.bind_address, Pistache::Port(this->options.port))),
        table(router, authorizer ? std::move(authorizer)
                                 : [this](Exchange& exchange, const AccessRule& rule) {
                                     return Authorize(exchange, this->services, rule);
                                   }) {}
  ServerOptions options;
  Services services;
  Pistache::Http::Endpoint endpoint;
  Pistache::Rest::Router router;
  RouteTable table;
  bool running = false;
};

Server::Server(ServerOptions options, Services services)
    : Server(std::move(options), std::move(services), RouteTable::Authorizer{}) {}

Server::Server(ServerOptions options, Services services, RouteTable::Authorizer authorizer)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(services),
                                   std::move(authorizer))) {
  RegisterRoutes(impl_->table, impl_->services);
  impl_->table.Finish(impl_->options.web_root.empty()
                          ? nullptr
                          : std::make_shared<const StaticSite>(impl_->options.web_root));
}

Server::~Server() { Shutdown(); }

std::uint16_t Server::Start() {
  // Far above the 1 MiB body limit, so an oversized body reaches our own 413 (problem+json).
  // Beyond this transport cap Pistache answers a plain-text 413 itself (docs/decisions.md).
  constexpr std::size_t kMaxRequestBytes = 8 * kMaxBodyBytes;
  auto options = Pistache::Http::Endpoint::options()
                     .threads(impl_->options.threads)
                     .flags(Pistache::Tcp::Options::ReuseAddr)
                     .maxRequestSize(kMaxRequestBytes)
                     .maxResponseSize(64 * 1024 * 1024)
                     .headerTimeout(std::chrono::seconds(10))
                     .bodyTimeout(std::chrono::seconds(30));
  impl_->endpoint.init(options);
  if (!impl_->options.tls_certificate.empty()) {
    impl_->endpoint.useSSL(impl_->options.tls_certificate, impl_->options.tls_private_key);
    impl_->table.EnableStrictTransportSecurity();
  }
  impl_->endpoint.setHandler(impl_->router.handler());
  impl_->endpoint.serveThreaded();
  impl_->running = true;
  return static_cast<std::uint16_t>(impl_->endpoint.getPort());
}

const Services& Server::services() const { return impl_->services; }

void Server::Shutdown() {
  if (!impl_ || !impl_->running) return;
  impl_->running = false;
  impl_->endpoint.shutdown();
}

const std::vector<RouteInfo>& Server::routes() const { return impl_->table.routes(); }

void RegisterRoutes(RouteTable& table, Services& services) {
  RegisterHealthRoutes(table, services);
  RegisterAuthRoutes(table, services);
  RegisterAccountRoutes(table, services);
  RegisterCollectivityRoutes(table, services);
  RegisterHostRoutes(table, services);
  RegisterAccommodationRoutes(table, services);
  RegisterHistoryRoutes(table, services);
  RegisterLegalGridRoutes(table, services);
  RegisterDeliberationRoutes(table, services);
  RegisterDeliberationImportRoute(table, services);
  RegisterQuoteRoutes(table, services);
  RegisterFlatRateQuoteRoutes(table, services);
  RegisterLateInterestRoutes(table, services);
  RegisterDeclarationRoutes(table, services);
  RegisterStatementRoutes(table, services);
  RegisterStayImportRoutes(table, services);
  RegisterNightSynthesisRoutes(table, services);
  RegisterMailTemplateRoutes(table, services);
  RegisterMailRoutes(table, services);
  RegisterManagerRoutes(table, services);
  RegisterPlatformRoutes(table, services);
  RegisterAuditRoutes(table, services);
  RegisterLockoutRoutes(table, services);
  RegisterPersonalDataRoutes(table, services);
  RegisterEnforcementRoutes(table, services);
  RegisterEnforcementDashboardRoutes(table, services);
  RegisterEnforcementActionRoutes(table, services);
  RegisterOfficeAssessmentRoutes(table, services);
  RegisterEnforcementStepRoutes(table, services);
  RegisterPaymentRoutes(table, services);
  RegisterLedgerRoutes(table, services);
  RegisterFinanceExportRoutes(table, services);
  RegisterBankStatementRoutes(table, services);
  RegisterOnlinePaymentRoutes(table, services);
  RegisterHostReceiptRoutes(table, services);
  RegisterBudgetRoutes(table, services);
  RegisterTransferRoutes(table, services);
  RegisterReconciliationRoutes(table, services);
  RegisterPlatformStatementRoutes(table, services);
  RegisterPlatformReconciliationRoutes(table, services);
}

}  // namespace nuitee::api
