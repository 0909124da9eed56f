// GET /v1/collectivities/{id}/exports/titres?as_of=: the titres de recettes finance has to issue
// for the public accountant to recover (taxe-de-sejour.md §8 and §10), one line per debtor and
// object, as of a day (today by default):
// - issued taxations d'office not paid, from their recovery day (recoverable_from: 30 days at
//   least after the avis, CGCT L. 2333-38, R. 2333-48);
// - declared amounts not paid after the month's due day (DeclarationDueOn);
// - late-payment interest charged and not paid (L. 2333-38).
// What is unpaid is the allocation of the host's payments (domain/money/payment_allocation) as of
// that day. JSON or CSV.
#include "api/routes/finance_routes.hpp"
#include "api/routes/finance_support.hpp"
#include "api/routes/route_support.hpp"
#include "domain/declaration.hpp"
#include "domain/money/payment_reference.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/finance_export_repository.hpp"
#include "persistence/money_positions.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

struct Titre {
  persistence::DebtorFacts debtor;
  persistence::AccommodationFacts accommodation;
  LedgerEntryKind kind = LedgerEntryKind::kDeclaration;
  Month month{};
  Money debt = Money::Zero();
  Money paid = Money::Zero();
  Day exigible_on{};  // due day, or recovery day of a taxation d'office
  std::string object;
  std::string legal_basis;
};

constexpr const char* kBasisAssessment =
    "CGCT art. L. 2333-38 (taxation d'office) et R. 2333-48 ; recouvrement : art. L. 1617-5";
constexpr const char* kBasisDeclared =
    "CGCT art. L. 2333-34 et L. 2333-38 (taxe déclarée non reversée) ; recouvrement : art. L. 1617-5";
constexpr const char* kBasisInterest =
    "CGCT art. L. 2333-38 (intérêts de retard de 0,20 % par mois) ; recouvrement : art. L. 1617-5";

Result<std::vector<Titre>> Load(Transaction& tx, const CollectivityId& id, Day as_of) {
  using persistence::FinanceExportRepository;
  auto collectivity = persistence::CollectivityRepository::Find(tx, id);
  if (!collectivity) return Fail(collectivity.error());
  const auto debtors = FinanceExportRepository::Debtors(tx, id);
  const auto accommodations = FinanceExportRepository::Accommodations(tx, id);
  const auto recoverable = FinanceExportRepository::RecoverableFrom(tx, id);
  std::vector<Titre> titres;
  for (const auto& money : persistence::ReadMoneyPositions(tx, id, as_of)) {
    for (std::size_t i = 0; i < money.debts.size(); ++i) {
      const Debt& debt = money.debts[i];
      const Money unpaid = money.allocation.Outstanding(money.debts, i);
      if (unpaid <= Money::Zero()) continue;
      Titre titre;
      titre.kind = debt.kind;
      titre.month = debt.period;
      titre.debt = debt.amount;
      titre.paid = money.allocation.paid[i];
      const auto found_accommodation = accommodations.find(debt.accommodation_id);
      if (found_accommodation != accommodations.end()) titre.accommodation = found_accommodation->second;
      const std::string where = " – " + titre.accommodation.name + " – " + MonthSlash(debt.period);
      if (debt.kind == LedgerEntryKind::kAssessment) {
        const auto day = recoverable.find({debt.accommodation_id, FormatIsoMonth(debt.period)});
        if (day == recoverable.end() || day->second > as_of) continue;
        titre.exigible_on = day->second;
        titre.object = "Taxation d'office" + where;
        titre.legal_basis = kBasisAssessment;
      } else if (debt.kind == LedgerEntryKind::kDeclaration) {
        titre.exigible_on = DeclarationDueOn(debt.period, collectivity->declarations);
        if (titre.exigible_on >= as_of) continue;
        titre.object = "Taxe de séjour déclarée non reversée" + where;
        titre.legal_basis = kBasisDeclared;
      } else {
        titre.exigible_on = debt.known_on;
        titre.object = "Intérêts de retard" + where;
        titre.legal_basis = kBasisInterest;
      }
      const auto debtor = debtors.find(money.host_id.value());
      if (debtor != debtors.end()) titre.debtor = debtor->second;
      titres.push_back(std::move(titre));
    }
  }
  return titres;
}

Money Unpaid(const Titre& titre) { return titre.debt - titre.paid; }

nlohmann::json TitresJson(const std::vector<Titre>& titres, Day as_of) {
  nlohmann::json items = nlohmann::json::array();
  Money total = Money::Zero();
  for (const auto& t : titres) {
    total += Unpaid(t);
    items.push_back(
        {{"debtor",
          {{"host_id", t.debtor.host_id},
           {"legal_name", t.debtor.legal_name},
           {"number", t.debtor.host_number},
           {"address",
            {{"line", t.debtor.address_line},
             {"postal_code", t.debtor.postal_code},
             {"city", t.debtor.city}}}}},
         {"kind", LedgerEntryKindCode(t.kind)},
         {"object", t.object},
         {"accommodation",
          {{"id", t.accommodation.id},
           {"name", t.accommodation.name},
           {"address", t.accommodation.address}}},
         {"month", FormatIsoMonth(t.month)},
         {"exigible_on", FormatIsoDate(t.exigible_on)},
         {"debt_cents", t.debt.cents()},
         {"paid_cents", t.paid.cents()},
         {"amount_cents", Unpaid(t).cents()},
         {"legal_basis", t.legal_basis},
         {"payment_reference", FormatPaymentReference({t.debtor.host_number, t.month})}});
  }
  return {{"as_of", FormatIsoDate(as_of)},
          {"items", items},
          {"totals", {{"count", titres.size()}, {"amount_cents", total.cents()}}}};
}

std::string TitresCsv(const std::vector<Titre>& titres) {
  std::string csv = CsvRow({"Redevable", "N° de redevable", "Adresse", "Code postal", "Commune",
                            "Objet", "Nature", "Hébergement", "Adresse de l'hébergement", "Mois",
                            "Exigible le", "Montant dû (€)", "Déjà payé (€)",
                            "Montant du titre (€)", "Fondement", "Référence de paiement"});
  Money total = Money::Zero();
  for (const auto& t : titres) {
    total += Unpaid(t);
    csv += CsvRow({CsvCell(t.debtor.legal_name), std::to_string(t.debtor.host_number),
                   CsvCell(t.debtor.address_line), CsvCell(t.debtor.postal_code),
                   CsvCell(t.debtor.city), CsvCell(t.object),
                   std::string(LedgerEntryKindCode(t.kind)), CsvCell(t.accommodation.name),
                   CsvCell(t.accommodation.address), MonthSlash(t.month),
                   FormatIsoDate(t.exigible_on), DecimalComma(t.debt), DecimalComma(t.paid),
                   DecimalComma(Unpaid(t)), CsvCell(t.legal_basis),
                   FormatPaymentReference({t.debtor.host_number, t.month})});
  }
  csv += CsvRow({"Total", "", "", "", "", "", "", "", "", "", "", "", "", DecimalComma(total), "", ""});
  return csv;
}

void Read(Exchange& exchange, Services& services) {
  auto id = PathTenant(exchange);
  if (!id) return;
  auto query = QueryParameters::Read(exchange, {"as_of", "format"});
  if (!query) return exchange.SendError(query.error());
  auto format = ReadExportFormat(exchange, *query, {ExportFormat::kJson, ExportFormat::kCsv});
  if (!format) return exchange.SendError(format.error());
  auto as_of = query->DateParameter("as_of");
  if (!as_of) return exchange.SendError(as_of.error());
  const Day day = as_of->value_or(services.today());
  auto titres = services.database.InTransaction([&](Transaction& tx) { return Load(tx, *id, day); });
  if (!titres) return exchange.SendError(titres.error());
  if (*format == ExportFormat::kCsv) {
    return SendCsv(exchange, TitresCsv(*titres), "titres-de-recettes-" + FormatIsoDate(day) + ".csv");
  }
  exchange.SendJson(Code::Ok, TitresJson(*titres, day));
}

}  // namespace

void RegisterTitresRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/collectivities/{id}/exports/titres",
            [&services](Exchange& e) { Read(e, services); });
}

}  // namespace nuitee::api
