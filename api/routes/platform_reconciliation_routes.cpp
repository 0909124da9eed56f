// The platform reconciliation reports (issue 7), each as JSON, or CSV for French spreadsheets
// (`format=csv` or `Accept: text/csv`; ";" separator, decimal comma), over the months `from`–`to`
// (YYYY-MM, by default the twelve months before this one):
// - reversements: per platform and half-year (L. 2333-34: payments by 30 June and 31 December),
//   what its statements say it collected vs what it paid, and the difference;
// - nights: per accommodation and month, the nights the host declared as collected by a platform
//   vs the nights of the platforms' lines, where they differ, in both directions;
// - overcharges: lines where the platform charged the unclassified percentage to a classified
//   accommodation, or collected more than the classified tariff × liable person-nights (minors
//   taxed), with the add-ons in force (domain/money/platform_overcharge.hpp).
#include <numeric>

#include "api/http/csv.hpp"
#include "api/http/query.hpp"
#include "api/routes/platform_add_ons.hpp"
#include "api/routes/rate_context.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/money/platform_overcharge.hpp"
#include "persistence/platform_reconciliation_repository.hpp"

namespace nuitee::api {
namespace {

using persistence::PlatformReconciliationRepository;
using persistence::Transaction;
using Pistache::Http::Code;

struct ReportRequest {
  MonthRange months;
  bool csv = false;
};

Result<ReportRequest> ReadRequest(const Exchange& exchange, Day today) {
  auto query = QueryParameters::Read(exchange, {"from", "to", "format"});
  if (!query) return Fail(query.error());
  auto months = query->MonthPeriod(today);
  if (!months) return Fail(months.error());
  const auto format = query->Get("format");
  if (format && *format != "csv" && *format != "json") {
    return Fail(Error::InvalidArgument("/query/format", "« format » vaut json ou csv."));
  }
  const auto accept = exchange.Header("Accept");
  ReportRequest request;
  request.months = *months;
  request.csv = format ? *format == "csv" : accept && accept->find("text/csv") != std::string::npos;
  return request;
}

void SendReport(Exchange& exchange, const ReportRequest& request, const std::string& name,
                const nlohmann::json& json, const std::string& csv) {
  if (request.csv) {
    exchange.AddHeader("Content-Disposition", "attachment; filename=\"" + name + "-" +
                                                  FormatIsoMonth(request.months.from) + "-" +
                                                  FormatIsoMonth(request.months.to) + ".csv\"");
    return exchange.SendText(Code::Ok, csv, "text/csv; charset=utf-8");
  }
  exchange.SendJson(Code::Ok, json);
}

nlohmann::json PeriodJson(const ReportRequest& request) {
  return {{"from", FormatIsoMonth(request.months.from)}, {"to", FormatIsoMonth(request.months.to)}};
}

// GET /v1/collectivities/{id}/platform-reconciliation/reversements
void Reversements(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto request = ReadRequest(exchange, services.today());
  if (!request) return exchange.SendError(request.error());
  const Day from = request->months.from / date::day{1};
  const Day to = AddDays((request->months.to + date::months{1}) / date::day{1}, -1);
  auto rows = services.database.InTransaction([&](Transaction& tx) {
    return Result<std::vector<persistence::PlatformCollectedVsPaid>>(
        PlatformReconciliationRepository::CollectedVsPaid(tx, *collectivity, from, to));
  });
  if (!rows) return exchange.SendError(rows.error());
  nlohmann::json items = nlohmann::json::array();
  std::string csv =
      CsvRow({"Plateforme", "Identifiant de la plateforme", "Début de période", "Fin de période",
              "Taxe déclarée collectée (€)", "Reversé (€)", "Écart (€)"});
  Money collected = Money::Zero();
  Money paid = Money::Zero();
  for (const auto& row : *rows) {
    const Money difference = row.collected - row.paid;
    collected = collected + row.collected;
    paid = paid + row.paid;
    items.push_back({{"platform_id", row.platform_id},
                     {"platform_name", row.platform_name},
                     {"period_start", FormatIsoDate(row.period_start)},
                     {"period_end", FormatIsoDate(row.period_end)},
                     {"collected_cents", row.collected.cents()},
                     {"reversed_cents", row.paid.cents()},
                     {"difference_cents", difference.cents()}});
    csv += CsvRow({CsvCell(row.platform_name), row.platform_id, FormatIsoDate(row.period_start),
                   FormatIsoDate(row.period_end), DecimalComma(row.collected),
                   DecimalComma(row.paid), DecimalComma(difference)});
  }
  SendReport(exchange, *request, "reversements-plateformes",
             {{"period", PeriodJson(*request)},
              {"items", items},
              {"totals",
               {{"collected_cents", collected.cents()},
                {"reversed_cents", paid.cents()},
                {"difference_cents", (collected - paid).cents()}}}},
             csv);
}

// GET /v1/collectivities/{id}/platform-reconciliation/nights
void Nights(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto request = ReadRequest(exchange, services.today());
  if (!request) return exchange.SendError(request.error());
  auto rows = services.database.InTransaction([&](Transaction& tx) {
    return Result<std::vector<persistence::PlatformNightsGap>>(
        PlatformReconciliationRepository::NightsGaps(tx, *collectivity, request->months.from,
                                                     request->months.to));
  });
  if (!rows) return exchange.SendError(rows.error());
  nlohmann::json items = nlohmann::json::array();
  std::string csv =
      CsvRow({"Hébergement", "Identifiant de l'hébergement", "Numéro d'enregistrement", "Hébergeur",
              "Mois", "Nuitées déclarées par l'hébergeur (plateformes)",
              "Nuitées des relevés des plateformes", "Écart", "Sens"});
  for (const auto& row : *rows) {
    // "declared_not_in_platform_files": the host says a platform collected nights the
    // platforms' files do not hold; "in_platform_files_not_declared": the reverse.
    const bool host_more = row.declared_nights > row.platform_nights;
    const char* direction =
        host_more ? "declared_not_in_platform_files" : "in_platform_files_not_declared";
    items.push_back(
        {{"accommodation_id", row.accommodation_id},
         {"accommodation_name", row.accommodation_name},
         {"registration_number",
          row.registration_number ? nlohmann::json(*row.registration_number) : nlohmann::json()},
         {"host_id", row.host_id},
         {"host_name", row.host_name},
         {"month", FormatIsoMonth(row.month)},
         {"declared_nights", row.declared_nights},
         {"platform_nights", row.platform_nights},
         {"difference", row.declared_nights - row.platform_nights},
         {"direction", direction}});
    csv += CsvRow({CsvCell(row.accommodation_name), row.accommodation_id,
                   CsvCell(row.registration_number.value_or("")), CsvCell(row.host_name),
                   FormatIsoMonth(row.month), std::to_string(row.declared_nights),
                   std::to_string(row.platform_nights),
                   std::to_string(row.declared_nights - row.platform_nights),
                   host_more ? "déclarées par l'hébergeur, absentes des relevés"
                             : "dans les relevés, non déclarées par l'hébergeur"});
  }
  SendReport(exchange, *request, "nuitees-plateformes",
             {{"period", PeriodJson(*request)}, {"items", items}}, csv);
}

// GET /v1/collectivities/{id}/platform-reconciliation/overcharges
void Overcharges(Exchange& exchange, Services& services) {
  auto collectivity = PathTenant(exchange);
  if (!collectivity) return;
  auto request = ReadRequest(exchange, services.today());
  if (!request) return exchange.SendError(request.error());
  auto context = CachedRateContext(services, *collectivity);
  if (!context) return exchange.SendError(context.error());
  auto rows = services.database.InTransaction([&](Transaction& tx) {
    return Result<std::vector<persistence::PlatformLineForOvercharge>>(
        PlatformReconciliationRepository::LinesOfClassified(tx, *collectivity, request->months.from,
                                                            request->months.to));
  });
  if (!rows) return exchange.SendError(rows.error());
  const rates::RateBook& book = (*context)->book;
  nlohmann::json items = nlohmann::json::array();
  std::string csv =
      CsvRow({"Plateforme", "Hébergement", "Identifiant de l'hébergement", "Hébergeur",
              "Début du séjour", "Fin du séjour", "Personnes", "Nuitées", "Catégorie facturée",
              "Catégorie classée", "Personnes assujetties", "Taxe perçue (€)",
              "Taxe attendue au plus (€)", "Excédent (€)", "Anomalie", "Identifiant de la ligne"});
  Money excess = Money::Zero();
  for (const auto& row : *rows) {
    PlatformLineFacts facts;
    facts.charged_category =
        rates::ParseCategory(row.charged_category).value_or(rates::Category::kUnclassified);
    facts.persons = int(row.persons);
    facts.nights = int(row.nights);
    facts.collected = row.collected;
    facts.classified_as = rates::ParseCategory(row.classified_category);
    if (facts.classified_as && *facts.classified_as != rates::Category::kUnclassified) {
      if (const auto* tariffs = book.TariffsFor(int(row.stay_start.year()))) {
        facts.tariff = tariffs->Of(*facts.classified_as).tariff;
      }
    }
    for (const auto& add_on : AddOnsInForce(book, row.stay_start)) {
      facts.add_on_rate.value += add_on.rate.value;
    }
    if (row.declared_liable) facts.declared_adults = int(*row.declared_liable);
    for (const auto& found : DetectOvercharges(facts)) {
      if (found.excess > Money::Zero()) excess = excess + found.excess;
      items.push_back({{"kind", OverchargeKindCode(found.kind)},
                       {"line_id", row.line_id},
                       {"statement_id", row.statement_id},
                       {"platform_name", row.platform_name},
                       {"accommodation_id", row.accommodation_id},
                       {"accommodation_name", row.accommodation_name},
                       {"host_name", row.host_name},
                       {"stay_start", FormatIsoDate(row.stay_start)},
                       {"stay_end", FormatIsoDate(row.stay_end)},
                       {"persons", row.persons},
                       {"nights", row.nights},
                       {"charged_category", row.charged_category},
                       {"classified_category", row.classified_category},
                       {"liable_persons", found.liable_persons},
                       {"host_declared", row.declared_liable.has_value()},
                       {"collected_cents", row.collected.cents()},
                       {"expected_cents", found.expected.cents()},
                       {"excess_cents", found.excess.cents()}});
      csv += CsvRow({CsvCell(row.platform_name), CsvCell(row.accommodation_name),
                     row.accommodation_id, CsvCell(row.host_name), FormatIsoDate(row.stay_start),
                     FormatIsoDate(row.stay_end), std::to_string(row.persons),
                     std::to_string(row.nights), row.charged_category, row.classified_category,
                     std::to_string(found.liable_persons), DecimalComma(row.collected),
                     DecimalComma(found.expected), DecimalComma(found.excess),
                     found.kind == OverchargeKind::kUnclassifiedRateOnClassified
                         ? "taux des non classés appliqué à un hébergement classé"
                         : "taxe perçue au-delà du tarif (mineurs ou exonérés taxés)",
                     row.line_id});
    }
  }
  SendReport(
      exchange, *request, "surfacturations-plateformes",
      {{"period", PeriodJson(*request)}, {"items", items}, {"total_excess_cents", excess.cents()}},
      csv);
}

}  // namespace

void RegisterPlatformReconciliationRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/platform-reconciliation/reversements",
            [&services](Exchange& e) { Reversements(e, services); });
  table.Get("/v1/collectivities/{id}/platform-reconciliation/nights",
            [&services](Exchange& e) { Nights(e, services); });
  table.Get("/v1/collectivities/{id}/platform-reconciliation/overcharges",
            [&services](Exchange& e) { Overcharges(e, services); });
}

}  // namespace nuitee::api
