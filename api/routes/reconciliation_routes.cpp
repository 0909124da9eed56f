// GET /v1/collectivities/{id}/reconciliation?year=&group_by=: the reconciliation report of a
// fiscal year (domain/money/reconciliation.hpp) as JSON, CSV or a PDF for the council, chosen by
// ?format= or else by Accept.
#include "api/http/query.hpp"
#include "api/routes/reconciliation_csv.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "letters/reconciliation_report.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/reconciliation_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

enum class Format { kJson, kCsv, kPdf };

struct ReportRequest {
  int year = 0;
  ReconciliationGroup group = ReconciliationGroup::kMonth;
  Format format = Format::kJson;
};

Result<ReportRequest> ReadRequest(const Exchange& exchange, Day today) {
  auto query = QueryParameters::Read(exchange, {"year", "group_by", "format"});
  if (!query) return Fail(query.error());
  FieldErrors errors;
  ReportRequest request;
  request.year = static_cast<int>(today.year());
  if (auto year = query->Get("year")) {
    if (year->size() != 4 || year->find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(*year) < 1900) {
      errors.Add("/query/year", "« year » est un exercice AAAA.");
    } else {
      request.year = std::stoi(*year);
    }
  }
  if (auto group = query->Get("group_by")) {
    if (auto parsed = ParseReconciliationGroup(*group)) {
      request.group = *parsed;
    } else {
      errors.Add("/query/group_by",
                 "« group_by » vaut month, quarter, year, commune, nature ou category.");
    }
  }
  const auto format = query->Get("format");
  if (format) {
    if (*format == "csv") {
      request.format = Format::kCsv;
    } else if (*format == "pdf") {
      request.format = Format::kPdf;
    } else if (*format != "json") {
      errors.Add("/query/format", "« format » vaut json, csv ou pdf.");
    }
  } else if (const auto accept = exchange.Header("Accept")) {
    if (accept->find("application/pdf") != std::string::npos) request.format = Format::kPdf;
    if (accept->find("text/csv") != std::string::npos) request.format = Format::kCsv;
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

nlohmann::json FiguresJson(const ReconciliationFigures& f) {
  return {{"declared_tax_cents", f.declared_tax.cents()},
          {"declared_additional_cents", f.declared_additional.cents()},
          {"declared_cents", f.declared.cents()},
          {"assessed_cents", f.assessed.cents()},
          {"paid_cents", f.paid.cents()},
          {"outstanding_cents", f.outstanding.cents()}};
}

nlohmann::json ReportJson(const CollectivityId& id, const ReconciliationReport& report,
                          Day today) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : report.rows) {
    nlohmann::json each = FiguresJson(row.figures);
    each["key"] = row.key;
    each["label"] = row.label;
    rows.push_back(std::move(each));
  }
  nlohmann::json beneficiaries = nlohmann::json::array();
  for (const auto& b : report.beneficiaries) {
    beneficiaries.push_back({{"beneficiary", b.beneficiary},
                             {"label", b.label},
                             {"expected_cents", b.expected.cents()},
                             {"declared_cents", b.declared.cents()},
                             {"collected_cents", b.collected.cents()},
                             {"passed_on_cents", b.passed_on.cents()},
                             {"to_pass_on_cents", b.to_pass_on.cents()}});
  }
  nlohmann::json instalments = nlohmann::json::array();
  for (const auto& each : report.tourist_office.instalments) {
    instalments.push_back({{"number", each.instalment.number},
                           {"due_on", FormatIsoDate(each.instalment.due_on)},
                           {"amount_cents", each.instalment.amount.cents()},
                           {"paid_cents", each.paid.cents()}});
  }
  return {
      {"collectivity_id", id.value()},
      {"fiscal_year", report.year},
      {"group_by", std::string(ReconciliationGroupCode(report.group))},
      {"edited_on", FormatIsoDate(today)},
      {"rows", rows},
      {"totals", FiguresJson(report.totals)},
      {"paid_tax_cents", report.paid_tax.cents()},
      {"paid_additional_cents", report.paid_additional.cents()},
      {"budget",
       {{"version", report.budget ? nlohmann::json(report.budget_version) : nlohmann::json()},
        {"stage", report.budget ? nlohmann::json(std::string(BudgetStageCode(report.budget->stage)))
                                : nlohmann::json()},
        {"forecast_tax_cents", report.forecast.cents()},
        {"realised_tax_cents", report.realised.cents()},
        {"realised_per_10000", report.realised_per_10000
                                   ? nlohmann::json(*report.realised_per_10000)
                                   : nlohmann::json()}}},
      {"platform_collected",
       {{"tax_cents", report.platform_tax.cents()},
        {"additional_cents", report.platform_additional.cents()}}},
      {"beneficiaries", beneficiaries},
      {"tourist_office",
       {{"allocation_cents", report.tourist_office.allocation.cents()},
        {"paid_cents", report.tourist_office.paid.cents()},
        {"remaining_cents", report.tourist_office.remaining.cents()},
        {"instalments", instalments}}}};
}

void ReadReport(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  const Day today = services.today();
  auto request = ReadRequest(exchange, today);
  if (!request) return exchange.SendError(request.error());
  std::string collectivity_name;
  auto report = services.database.InTransaction([&](Transaction& tx) -> Result<ReconciliationReport> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *id);
    if (!collectivity) return Fail(collectivity.error());
    collectivity_name = collectivity->name;
    auto built = BuildReconciliation(persistence::ReadReconciliationInputs(tx, *id, request->year),
                                     request->group);
    if (request->group == ReconciliationGroup::kCommune) {
      for (auto& row : built.rows) {
        for (const auto& commune : collectivity->communes) {
          if (commune.insee_code == row.key) row.label = commune.name;
        }
      }
    }
    return built;
  });
  if (!report) return exchange.SendError(report.error());
  const std::string name = "rapprochement-taxe-de-sejour-" + std::to_string(request->year) + "-" +
                           std::string(ReconciliationGroupCode(request->group));
  switch (request->format) {
    case Format::kCsv:
      exchange.AddHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
      return exchange.SendText(Code::Ok, ReconciliationCsv(*report), "text/csv; charset=utf-8");
    case Format::kPdf: {
      auto pdf = letters::RenderReconciliationReport({collectivity_name, today, *report});
      if (!pdf) return exchange.SendError(pdf.error());
      exchange.AddHeader("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
      return exchange.SendText(Code::Ok, *pdf, "application/pdf");
    }
    case Format::kJson:
      return exchange.SendJson(Code::Ok, ReportJson(*id, *report, today));
  }
}

}  // namespace

void RegisterReconciliationRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/reconciliation",
            [&services](Exchange& e) { ReadReport(e, services); });
}

}  // namespace nuitee::api
