// SQL of enforcement_events: INSERT and SELECT only (the server's role may do nothing else).
#include "persistence/enforcement_event_repository.hpp"

#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "seq, collectivity_id::text AS collectivity_id, host_id::text AS host_id, "
    "accommodation_id::text AS accommodation_id, month::text AS month, kind, "
    "step_id::text AS step_id, text, occurred_on::text AS occurred_on, recorded_by, "
    "to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS recorded_at";

EnforcementEvent FromRow(const soci::row& row) {
  EnforcementEvent event;
  event.seq = GetLong(row, "seq");
  event.collectivity_id = CollectivityId(GetString(row, "collectivity_id"));
  event.host_id = HostId(GetString(row, "host_id"));
  event.accommodation_id = GetOptionalString(row, "accommodation_id");
  if (auto first = GetOptionalDay(row, "month")) event.month = first->year() / first->month();
  event.kind = GetString(row, "kind");
  event.step_id = GetOptionalString(row, "step_id");
  event.text = GetString(row, "text");
  event.occurred_on = GetOptionalDay(row, "occurred_on");
  event.recorded_by = GetString(row, "recorded_by");
  event.recorded_at = GetString(row, "recorded_at");
  return event;
}

}  // namespace

EnforcementEvent EnforcementEventRepository::Append(Transaction& tx,
                                                    const EnforcementEvent& event) {
  std::optional<std::string> month;
  if (event.month) month = FormatIsoMonth(*event.month) + "-01";
  const std::optional<std::string> occurred = DateText(event.occurred_on);
  soci::row row;
  tx.session() << std::string(
                      "INSERT INTO enforcement_events (collectivity_id, host_id, accommodation_id, "
                      "month, kind, step_id, text, occurred_on, recorded_by) VALUES (:c::uuid, "
                      ":h::uuid, :a::uuid, :m::date, :kind, :step::uuid, :text, :on::date, :by) "
                      "RETURNING ") +
                      kColumns,
      soci::use(event.collectivity_id.value()), soci::use(event.host_id.value()),
      soci::use(event.accommodation_id), soci::use(month), soci::use(event.kind),
      soci::use(event.step_id), soci::use(event.text), soci::use(occurred),
      soci::use(event.recorded_by), soci::into(row);
  return FromRow(row);
}

std::vector<EnforcementEvent> EnforcementEventRepository::OfAccommodation(
    Transaction& tx, const CollectivityId& collectivity, const std::string& accommodation_id,
    const HostId& host) {
  std::vector<EnforcementEvent> events;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM enforcement_events WHERE collectivity_id = :c::uuid "
                                   "AND (accommodation_id = :a::uuid OR "
                                   "(accommodation_id IS NULL AND host_id = :h::uuid)) "
                                   "ORDER BY seq",
       soci::use(collectivity.value()), soci::use(accommodation_id), soci::use(host.value()));
  for (const auto& row : rows) events.push_back(FromRow(row));
  return events;
}

}  // namespace nuitee::persistence
