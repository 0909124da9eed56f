// SQL for the enforcement_settings_versions table (migration 0013).
#include "persistence/enforcement_settings_repository.hpp"

#include <optional>

#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "version, enforcement_from::text AS enforcement_from, second_reminder_after_days, "
    "formal_notice_after_days, letter_sender, letter_address, letter_signatory, letter_contact, "
    "recorded_by, "
    "to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS recorded_at";

StoredEnforcementPolicy FromRow(const soci::row& row) {
  StoredEnforcementPolicy stored;
  stored.version = row.get<int>("version");
  if (const auto from = GetOptionalDay(row, "enforcement_from")) {
    stored.policy.chased_from = Month{from->year(), from->month()};
  }
  stored.policy.delays.second_reminder_after_days = row.get<int>("second_reminder_after_days");
  stored.policy.delays.formal_notice_after_days = row.get<int>("formal_notice_after_days");
  stored.policy.letter_sender = GetString(row, "letter_sender");
  stored.policy.letter_address = GetString(row, "letter_address");
  stored.policy.letter_signatory = GetString(row, "letter_signatory");
  stored.policy.letter_contact = GetString(row, "letter_contact");
  stored.recorded_by = GetString(row, "recorded_by");
  stored.recorded_at = GetString(row, "recorded_at");
  return stored;
}

}  // namespace

StoredEnforcementPolicy EnforcementSettingsRepository::Latest(Transaction& tx,
                                                              const CollectivityId& collectivity) {
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM enforcement_settings_versions "
                                   "WHERE collectivity_id = :c::uuid ORDER BY version DESC LIMIT 1",
       soci::use(collectivity.value()));
  for (const auto& row : rows) return FromRow(row);
  return StoredEnforcementPolicy{};
}

StoredEnforcementPolicy EnforcementSettingsRepository::Append(Transaction& tx,
                                                              const CollectivityId& collectivity,
                                                              const EnforcementPolicy& policy,
                                                              const std::string& actor) {
  LockRegisterAppends(tx, "enforcement-settings:" + collectivity.value());
  std::optional<std::string> from;
  if (policy.chased_from) from = FormatIsoMonth(*policy.chased_from) + "-01";
  int second = policy.delays.second_reminder_after_days;
  int notice = policy.delays.formal_notice_after_days;
  soci::row row;
  tx.session() << std::string(
                      "INSERT INTO enforcement_settings_versions (collectivity_id, version, "
                      "enforcement_from, second_reminder_after_days, formal_notice_after_days, "
                      "letter_sender, letter_address, letter_signatory, letter_contact, "
                      "recorded_by) "
                      "SELECT :c::uuid, coalesce(max(version), 0) + 1, :from::date, :second, "
                      ":notice, :sender, :address, :signatory, :contact, :by "
                      "FROM enforcement_settings_versions WHERE collectivity_id = :same_c::uuid "
                      "RETURNING ") +
                      kColumns,
      soci::use(collectivity.value()), soci::use(from), soci::use(second), soci::use(notice),
      soci::use(policy.letter_sender), soci::use(policy.letter_address),
      soci::use(policy.letter_signatory), soci::use(policy.letter_contact), soci::use(actor),
      soci::use(collectivity.value()), soci::into(row);
  return FromRow(row);
}

}  // namespace nuitee::persistence
