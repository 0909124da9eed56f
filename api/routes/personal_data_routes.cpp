// GET /v1/hosts/{id}/personal-data: everything held about a host, as one JSON document (issue 5):
// the host record, its accommodations and their classifications, its declarations with every
// revision, the accounts acting for it (never a secret), the audit rows about it and the mails
// sent to it. For the host itself, its managers and the referents.
#include <algorithm>
#include <set>

#include "api/json/accommodation_json.hpp"
#include "api/json/audit_diff.hpp"
#include "api/json/declaration_json.hpp"
#include "api/json/host_json.hpp"
#include "api/json/write_audit_json.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/audit_repository.hpp"
#include "persistence/classification_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/declaration_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/personal_data_repository.hpp"
#include "persistence/write_audit.hpp"

namespace nuitee::api {
namespace {

using persistence::Transaction;
using Pistache::Http::Code;

nlohmann::json OrNull(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

// Invitation and reset mails carry one-time links: secrets, kept out even of their owner's copy.
bool CarriesLink(const std::string& kind) {
  return kind == "invitation" || kind == "password_reset";
}

nlohmann::json MailToJson(const persistence::SentMail& mail) {
  return {{"id", mail.id},
          {"kind", mail.kind},
          {"recipient", mail.recipient},
          {"subject", mail.subject},
          {"body", CarriesLink(mail.kind) ? nlohmann::json() : nlohmann::json(mail.body)},
          {"created_at", mail.created_at},
          {"sent_at", OrNull(mail.sent_at)},
          {"dead_at", OrNull(mail.dead_at)}};
}

nlohmann::json AccountToJson(const persistence::HostAccount& account) {
  return {{"user_id", account.user_id},
          {"email", account.email},
          {"display_name", account.display_name},
          {"kind", account.kind},
          {"relation", account.relation},
          {"created_at", account.created_at},
          {"granted_at", account.granted_at},
          {"revoked_at", OrNull(account.revoked_at)},
          {"disabled_at", OrNull(account.disabled_at)},
          {"password_set", account.has_password}};
}

// Every submitted month of the accommodation with each revision this host filed.
nlohmann::json DeclarationsOf(Transaction& tx, const CollectivityId& tenant,
                              const Accommodation& accommodation, const HostId& host, Day today) {
  using namespace date::literals;
  nlohmann::json months = nlohmann::json::array();
  const Month to = today.year() / today.month();
  for (const auto& summary : persistence::DeclarationRepository::ListMonths(
           tx, tenant, accommodation.id, 2000_y / date::January, to)) {
    if (summary.month.latest_revision == 0) continue;
    const auto revisions = persistence::DeclarationRepository::Revisions(
        tx, tenant, accommodation.id, summary.month.month);
    nlohmann::json items = nlohmann::json::array();
    const persistence::StoredRevision* previous = nullptr;
    for (const auto& revision : revisions) {
      if (revision.host_id == host) items.push_back(RevisionToJson(revision, previous));
      previous = &revision;
    }
    if (items.empty()) continue;
    months.push_back({{"accommodation_id", accommodation.id.value()},
                      {"month", FormatIsoMonth(summary.month.month)},
                      {"revisions", items}});
  }
  return months;
}

Result<nlohmann::json> Export(Transaction& tx, const CollectivityId& tenant, const HostId& id,
                              Day today) {
  auto collectivity = persistence::CollectivityRepository::Find(tx, tenant);
  if (!collectivity) return Fail(collectivity.error());
  auto host = persistence::HostRepository::Find(tx, tenant, id);
  if (!host) return Fail(host.error());
  nlohmann::json accommodations = nlohmann::json::array();
  nlohmann::json declarations = nlohmann::json::array();
  nlohmann::json register_history = nlohmann::json::array();
  for (const auto& entry :
       persistence::AuditRepository::History(tx, tenant, EntityKind::kHost, id.value())) {
    register_history.push_back(AuditEntryToJson(entry));
  }
  std::vector<std::string> record_ids;
  for (const auto& accommodation :
       persistence::AccommodationRepository::ListOfHost(tx, tenant, id)) {
    record_ids.push_back(accommodation.id.value());
    auto json = AccommodationToJson(accommodation, *collectivity, today, std::nullopt);
    const auto history =
        persistence::ClassificationRepository::ListFor(tx, tenant, accommodation.id);
    const Classification* in_force = ClassificationOn(history, today);
    json["classifications"] = nlohmann::json::array();
    for (const auto& each : history) {
      json["classifications"].push_back(
          ClassificationToJson(each, accommodation.nature, today, in_force));
    }
    accommodations.push_back(std::move(json));
    for (auto& month : DeclarationsOf(tx, tenant, accommodation, id, today)) {
      declarations.push_back(std::move(month));
    }
    for (const auto& entry : persistence::AuditRepository::History(
             tx, tenant, EntityKind::kAccommodation, accommodation.id.value())) {
      register_history.push_back(AuditEntryToJson(entry));
    }
  }
  nlohmann::json accounts = nlohmann::json::array();
  std::vector<std::string> recipients;
  if (host->email) recipients.push_back(*host->email);
  for (const auto& account : persistence::PersonalDataRepository::AccountsOf(tx, id.value())) {
    accounts.push_back(AccountToJson(account));
    recipients.push_back(account.email);
  }
  for (auto& each : recipients) {
    std::transform(each.begin(), each.end(), each.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
  }
  nlohmann::json writes = nlohmann::json::array();
  for (const auto& row :
       persistence::WriteAuditRepository::AboutHost(tx, tenant.value(), id.value(), record_ids)) {
    writes.push_back(WriteAuditRowToJson(row));
  }
  nlohmann::json mails = nlohmann::json::array();
  for (const auto& mail :
       persistence::PersonalDataRepository::MailsTo(tx, tenant.value(), recipients)) {
    mails.push_back(MailToJson(mail));
  }
  return nlohmann::json{{"host", HostToJson(*host)},
                        {"accommodations", accommodations},
                        {"declarations", declarations},
                        {"accounts", accounts},
                        {"register_history", register_history},
                        {"write_audit", writes},
                        {"mails", mails}};
}

void PersonalData(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  const Day today = services.today();
  auto exported = services.database.InTransaction(
      [&](Transaction& tx) { return Export(tx, *tenant, HostId(*id), today); });
  if (!exported) return exchange.SendError(exported.error());
  exchange.AddHeader("Content-Disposition",
                     "attachment; filename=\"donnees-personnelles-" + *id + ".json\"");
  exchange.SendJson(Code::Ok, *exported);
}

}  // namespace

void RegisterPersonalDataRoutes(RouteTable& table, Services& services) {
  table.Get("/v1/hosts/{id}/personal-data",
            [&services](Exchange& e) { PersonalData(e, services); });
}

}  // namespace nuitee::api
