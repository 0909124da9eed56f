// The PDF receipts of the host space (issue 8: "PDF receipts and statements"):
// - GET /v1/accommodations/{id}/declarations/{month}/receipt: the accusé de réception of the
//   month's latest submitted revision (a nil return too): who declared what, when and by whom, the
//   totals of the stays, the tax and each additional tax, and the payment reference of the month;
// - GET /v1/hosts/{id}/payments/{payment_id}/receipt: the receipt of a payment received from the
//   host, with the debts it paid (domain/money/payment_allocation, as the allocation now stands)
//   and the host's balance once it was received.
// Both are drawn with letters/finance_report on the collectivity's letterhead (enforcement
// settings), like the état de reversement; what they say is worked out here.
#include <date/tz.h>

#include <sstream>

#include "api/routes/declaration_support.hpp"
#include "api/routes/finance_support.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "domain/classification.hpp"
#include "domain/money/payment.hpp"
#include "domain/money/payment_reference.hpp"
#include "domain/nature.hpp"
#include "letters/finance_report.hpp"
#include "letters/french_text.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/declaration_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "persistence/finance_export_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/ledger_repository.hpp"
#include "persistence/money_positions.hpp"
#include "persistence/payment_repository.hpp"
#include "rates/additional_tax.hpp"
#include "rates/french_format.hpp"

namespace nuitee::api {
namespace {

using letters::Align;
using letters::FrenchEuros;
using letters::FrenchLongDate;
using persistence::Transaction;

// "14 mars 2026 à 10 h 32 (heure de Paris)" from the stored UTC instant ("2026-03-14T09:32:00Z");
// the day alone when the instant cannot be read.
std::string FrenchInstant(const std::string& iso, Day fallback) {
  std::istringstream in(iso.substr(0, 19));
  date::sys_seconds at;
  in >> date::parse("%Y-%m-%dT%H:%M:%S", at);
  if (in.fail()) return FrenchLongDate(fallback);
  const date::zoned_time local{"Europe/Paris", at};
  const auto minutes = date::floor<std::chrono::minutes>(local.get_local_time());
  const Day day{date::floor<date::days>(minutes)};
  return FrenchLongDate(day) + " à " + date::format("%H h %M", minutes) + " (heure de Paris)";
}

letters::Recipient RecipientOf(const Host& host) {
  return {host.legal_name, {host.address.line, host.address.postal_code + " " + host.address.city}};
}

// A letter from the register or the settings that cannot be drawn: 409 with what is missing,
// never a 400 about a field the client did not send.
Result<std::string> Render(const letters::FinanceReport& report, const std::string& what) {
  auto pdf = letters::RenderFinanceReport(report);
  if (!pdf && pdf.error().code == ErrorCode::kInvalidArgument) {
    return Fail(Error::FailedPrecondition(what + " ne peut pas être établi : " + pdf.error().message));
  }
  return pdf;
}

std::string CommuneName(const Collectivity& collectivity, const std::string& insee_code) {
  const Commune* commune = collectivity.FindCommune(insee_code);
  return commune ? commune->name : insee_code;
}

std::string KindSentence(DeclarationKind kind) {
  switch (kind) {
    case DeclarationKind::kNil:
      return "Déclaration " + letters::Quoted("néant") +
             " : vous avez déclaré n'avoir encaissé directement aucune nuitée ce mois-ci. Rien "
             "n'est dû pour ce mois.";
    case DeclarationKind::kClosed:
      return "Vous avez déclaré l'hébergement fermé tout le mois. Rien n'est dû pour ce mois.";
    default:
      return "";
  }
}

// --- The accusé de réception of a declaration -----------------------------------------------

Result<std::string> DeclarationReceipt(Transaction& tx, const Target& target, Day today) {
  auto context = LoadContext(tx, target);
  if (!context) return Fail(context.error());
  auto revisions = persistence::DeclarationRepository::Revisions(tx, target.tenant,
                                                                  target.accommodation, target.month);
  if (revisions.empty()) {
    return Fail(Error::NotFound("Aucune déclaration n'a été déposée pour ce mois : il n'y a pas "
                                "d'accusé de réception."));
  }
  const persistence::StoredRevision& latest = revisions.back();
  // The host who filed it (the accommodation may have changed hands since).
  auto host = persistence::HostRepository::Find(tx, target.tenant, latest.host_id);
  if (!host) return Fail(host.error());
  const auto policy = persistence::EnforcementSettingsRepository::Latest(tx, target.tenant).policy;
  const long long host_number = persistence::PaymentRepository::HostNumber(tx, latest.host_id);
  const std::string month_reference = FormatPaymentReference({host_number, target.month});

  const Accommodation& accommodation = context->accommodation;
  const auto& submission = latest.content.submission;
  const auto& amounts = submission.amounts;

  letters::FinanceReport report;
  report.letterhead = FinanceLetterhead(context->collectivity, policy);
  report.recipient = RecipientOf(*host);
  report.place = LetterPlace(context->collectivity);
  report.dated_on = today;
  report.title = "Accusé de réception de votre déclaration";
  report.subtitle_lines = {"Taxe de séjour de " + letters::FrenchMonth(target.month) + " — " +
                           accommodation.name};
  report.reference = "AR-" + FormatIsoMonth(target.month) + "-" +
                     accommodation.id.value().substr(0, 8) + "-" +
                     std::to_string(latest.revision);

  letters::ReportSection received{"Votre déclaration", {}, {}};
  std::string filed = "Nous avons bien reçu la déclaration de taxe de séjour de " +
                      letters::FrenchMonth(target.month) + ", déposée le " +
                      FrenchInstant(latest.submitted_at, latest.content.submitted_on) + " par " +
                      latest.content.actor + ".";
  received.paragraphs.push_back(filed);
  if (latest.revision > 1) {
    std::string revised = "C'est la version n° " + std::to_string(latest.revision) +
                          " de cette déclaration : elle remplace les précédentes.";
    if (latest.content.reason && !latest.content.reason->empty()) {
      revised += " Motif de la correction : " + letters::Quoted(*latest.content.reason) + ".";
    }
    received.paragraphs.push_back(revised);
  }
  if (submission.days_late > 0 && date::year_month_day(submission.due_on).ok()) {
    received.paragraphs.push_back(
        "Elle devait être déposée au plus tard le " + FrenchLongDate(submission.due_on) +
        " : elle l'a été avec " + letters::FrenchCount(submission.days_late, "jour", "jours") +
        " de retard.");
  }
  letters::ReportTable facts;
  facts.columns = {{"Déclaration", 1.3}, {"Détail", 2.7}};
  const std::string commune = CommuneName(context->collectivity, accommodation.commune_insee_code);
  const Day first_day = target.month / date::day{1};
  facts.rows = {
      {"Hébergeur", host->legal_name},
      {"Hébergement", accommodation.name},
      {"Adresse", accommodation.address_line + ", " + accommodation.postal_code + " " + commune},
      {"Nature et catégorie",
       std::string(NatureLabel(accommodation.nature)) + ", " +
           std::string(rates::CategoryLabel(
               CategoryOn(accommodation.nature, context->history, first_day)))},
      {"Mois déclaré", letters::FrenchMonth(target.month)},
      {"Version", "n° " + std::to_string(latest.revision)}};
  if (accommodation.registration_number) {
    facts.rows.push_back({"N° d'enregistrement", *accommodation.registration_number});
  }
  received.table = std::move(facts);
  report.sections.push_back(std::move(received));

  if (submission.kind != DeclarationKind::kStays) {
    report.sections.push_back({"Ce que vous avez déclaré", {KindSentence(submission.kind)}, {}});
  } else {
    long long nights = 0, exempt_persons = 0, exempt_person_nights = 0;
    for (const auto& line : amounts.lines) {
      nights += line.stay.nights;
      exempt_persons += line.stay.exempt.Total();
      exempt_person_nights += static_cast<long long>(line.stay.exempt.Total()) * line.stay.nights;
    }
    letters::ReportSection stays{"Ce que vous avez déclaré", {}, {}};
    stays.paragraphs.push_back(
        "Une nuitée-personne, c'est une personne hébergée une nuit : 2 personnes pendant 3 nuits "
        "font 6 nuitées-personnes. Les personnes exonérées (mineurs, saisonniers, hébergement "
        "d'urgence, loyer modique) ne paient pas la taxe.");
    letters::ReportTable counts;
    counts.columns = {{"Séjours et nuitées", 3}, {"Nombre", 1, Align::kRight}};
    counts.rows = {
        {"Séjours", std::to_string(amounts.lines.size())},
        {"Nuits", std::to_string(nights)},
        {"Nuitées-personnes", std::to_string(amounts.person_nights)},
        {"Personnes exonérées", std::to_string(exempt_persons)},
        {"Nuitées-personnes exonérées", std::to_string(exempt_person_nights)},
        {"Nuitées-personnes taxées", std::to_string(amounts.taxable_person_nights)}};
    if (amounts.platform_person_nights > 0) {
      counts.rows.push_back({"Nuitées-personnes encaissées par une plateforme (qui reverse la taxe)",
                             std::to_string(amounts.platform_person_nights)});
    }
    stays.table = std::move(counts);
    report.sections.push_back(std::move(stays));

    letters::ReportSection owed{"Ce que vous devez pour ce mois", {}, {}};
    letters::ReportTable money;
    money.columns = {{"Taxe", 3}, {"Montant", 1, Align::kRight}};
    money.rows.push_back({"Taxe de séjour", FrenchEuros(amounts.tax)});
    for (const auto& tax : amounts.additional_taxes) {
      const std::string label =
          tax.label.empty() ? std::string(rates::BeneficiaryLabel(tax.beneficiary)) : tax.label;
      money.rows.push_back({label + " (" + rates::FormatPercent(tax.rate) + ")",
                            FrenchEuros(tax.amount)});
    }
    money.total = {"Total à payer", FrenchEuros(amounts.total)};
    owed.table = std::move(money);
    report.sections.push_back(std::move(owed));
  }

  letters::ReportSection pay{"Pour payer", {}, {}};
  pay.paragraphs.push_back(
      "Par virement, indiquez la référence " + month_reference +
      " dans le libellé : votre paiement sera rattaché à ce mois sans délai. Vous pouvez aussi "
      "payer en ligne depuis votre espace, page " + letters::Quoted("Mon relevé") + ".");
  pay.paragraphs.push_back("Ce document accuse réception de votre déclaration ; il ne vaut pas "
                           "quittance : les paiements reçus figurent sur votre relevé.");
  report.sections.push_back(std::move(pay));
  return Render(report, "L'accusé de réception");
}

void ReadDeclarationReceipt(Exchange& exchange, Services& services) {
  auto target = ReadTarget(exchange, true);
  if (!target) return;
  const Day today = services.today();
  auto pdf = services.database.InTransaction(
      [&](Transaction& tx) { return DeclarationReceipt(tx, *target, today); });
  if (!pdf) return exchange.SendError(pdf.error());
  SendPdf(exchange, *pdf,
          "accuse-de-reception-" + FormatIsoMonth(target->month) + "-" +
              target->accommodation.value().substr(0, 8) + ".pdf");
}

// --- The receipt of a payment ---------------------------------------------------------------

std::string_view DebtLabel(LedgerEntryKind kind) {
  switch (kind) {
    case LedgerEntryKind::kAssessment: return "Taxation d'office";
    case LedgerEntryKind::kLateInterest: return "Intérêts de retard";
    default: return "Déclaration";
  }
}

std::string BalanceSentence(Money balance) {
  if (balance > Money::Zero()) return FrenchEuros(balance) + " restant à payer";
  if (balance < Money::Zero()) return "un crédit de " + FrenchEuros(-balance) + " en votre faveur";
  return "rien à payer (compte soldé)";
}

struct PaymentReceiptFile {
  std::string pdf;
  long long seq = 0;
};

Result<PaymentReceiptFile> PaymentReceipt(Transaction& tx, const CollectivityId& tenant,
                                          const HostId& host_id, const std::string& payment_id,
                                          Day today) {
  using persistence::PaymentRepository;
  auto payment = PaymentRepository::Find(tx, tenant, payment_id);
  // Another host's payment is not found, exactly like a payment that does not exist.
  if (!payment || payment->host_id != host_id) {
    return Fail(Error::NotFound("Ce paiement n'existe pas."));
  }
  auto host = persistence::HostRepository::Find(tx, tenant, host_id);
  if (!host) return Fail(host.error());
  auto collectivity = persistence::CollectivityRepository::Find(tx, tenant);
  if (!collectivity) return Fail(collectivity.error());
  const auto policy = persistence::EnforcementSettingsRepository::Latest(tx, tenant).policy;
  const long long host_number = PaymentRepository::HostNumber(tx, host_id);
  const auto accommodations = persistence::FinanceExportRepository::Accommodations(tx, tenant);
  const auto money = persistence::ReadHostMoney(tx, host_id, std::nullopt);
  // The balance once the payment was booked: the host account's entries up to its own, in the
  // ledger's order (a payment received on a day may be recorded later; the order of booking is
  // what the account went through).
  Money balance_then = Money::Zero();
  for (const auto& entry : persistence::LedgerRepository::HostEntries(tx, host_id)) {
    for (const auto& posting : entry.postings) {
      if (posting.account == LedgerAccount::kHostReceivable) {
        balance_then += posting.amount;
      }
    }
    if (entry.id == payment->entry_id) break;
  }
  const Money balance_now = persistence::LedgerRepository::HostBalance(tx, host_id);

  letters::FinanceReport report;
  report.letterhead = FinanceLetterhead(*collectivity, policy);
  report.recipient = RecipientOf(*host);
  report.place = LetterPlace(*collectivity);
  report.dated_on = today;
  report.title = "Reçu de votre paiement de taxe de séjour";
  report.subtitle_lines = {FrenchEuros(payment->amount) + " reçus le " +
                           FrenchLongDate(payment->received_on)};
  report.reference = "PAI-" + std::to_string(payment->seq);

  letters::ReportSection received{"Le paiement", {}, {}};
  received.paragraphs.push_back("Nous avons bien reçu le paiement ci-dessous de " +
                                host->legal_name + " au titre de la taxe de séjour.");
  letters::ReportTable facts;
  facts.columns = {{"Paiement", 1.4}, {"Détail", 2.6}};
  facts.rows = {{"Reçu le", FrenchLongDate(payment->received_on)},
                {"Montant", FrenchEuros(payment->amount)},
                {"Moyen de paiement", std::string(PaymentMethodLabel(payment->method))},
                {"Votre référence de paiement",
                 FormatPaymentReference({host_number, payment->target_month})}};
  if (payment->payer_reference && !payment->payer_reference->empty()) {
    facts.rows.push_back({"Libellé indiqué", *payment->payer_reference});
  }
  if (payment->cheque_number && !payment->cheque_number->empty()) {
    facts.rows.push_back({"Chèque n°", *payment->cheque_number});
  }
  facts.rows.push_back({"N° du reçu", report.reference});
  received.table = std::move(facts);
  report.sections.push_back(std::move(received));

  if (payment->reversal) {
    report.sections.push_back(
        {"Paiement annulé",
         {"Ce paiement a été annulé (enregistré par erreur) : il ne règle aucune somme. Motif : " +
          letters::Quoted(payment->reversal->reason) + "."},
         {}});
  } else {
    letters::ReportSection paid{"Ce que ce paiement a réglé", {}, {}};
    paid.paragraphs.push_back(
        "Un paiement règle d'abord les sommes dues les plus anciennes. Répartition à la date de "
        "ce reçu :");
    letters::ReportTable shares;
    shares.columns = {{"Mois", 1.5}, {"Hébergement", 2}, {"Nature", 1.3},
                      {"Montant réglé", 1.2, Align::kRight}};
    Money allocated = Money::Zero();
    for (const auto& share : money.allocation.shares) {
      if (share.payment_id != payment->id) continue;
      const Debt& debt = money.debts[share.debt];
      const auto named = accommodations.find(debt.accommodation_id);
      shares.rows.push_back({letters::FrenchMonth(debt.period),
                             named == accommodations.end() ? debt.accommodation_id : named->second.name,
                             std::string(DebtLabel(debt.kind)), FrenchEuros(share.amount)});
      allocated += share.amount;
    }
    const Money unallocated = payment->amount - allocated;
    if (unallocated > Money::Zero()) {
      shares.rows.push_back({"", "Non encore utilisé (crédit en votre faveur)", "",
                             FrenchEuros(unallocated)});
    }
    shares.total = {"Total", "", "", FrenchEuros(payment->amount)};
    paid.table = std::move(shares);
    report.sections.push_back(std::move(paid));
  }

  letters::ReportSection account{"Votre compte", {}, {}};
  account.paragraphs.push_back("Solde de votre compte une fois ce paiement enregistré : " +
                               BalanceSentence(balance_then) + ".");
  account.paragraphs.push_back("Solde de votre compte aujourd'hui, " + FrenchLongDate(today) +
                               " : " + BalanceSentence(balance_now) + ".");
  report.sections.push_back(std::move(account));
  auto pdf = Render(report, "Le reçu");
  if (!pdf) return Fail(pdf.error());
  return PaymentReceiptFile{std::move(*pdf), payment->seq};
}

void ReadPaymentReceipt(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto host = PathId(exchange);
  if (!host) return;
  auto payment = PathId(exchange, "payment_id");
  if (!payment) return;
  const Day today = services.today();
  auto receipt = services.database.InTransaction([&](Transaction& tx) {
    return PaymentReceipt(tx, *tenant, HostId(*host), *payment, today);
  });
  if (!receipt) return exchange.SendError(receipt.error());
  SendPdf(exchange, receipt->pdf, "recu-paiement-" + std::to_string(receipt->seq) + ".pdf");
}

}  // namespace

void RegisterHostReceiptRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/accommodations/{id}/declarations/{month}/receipt",
            [&services](Exchange& e) { ReadDeclarationReceipt(e, services); });
  table.Get("/v1/hosts/{id}/payments/{payment_id}/receipt",
            [&services](Exchange& e) { ReadPaymentReceipt(e, services); });
}

}  // namespace nuitee::api
