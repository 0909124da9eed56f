// Taxations d'office (migration 0013, office_assessments): one row per revision of an
// accommodation-month, never changed. The worker proposes revision 1; a referent adjusts (a new
// 'proposed' revision with a reason) and issues (a new 'issued' revision with the avis PDF).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct OfficeAssessmentRevision {
  std::string id;
  CollectivityId collectivity_id;
  HostId host_id;
  std::string accommodation_id;
  Month month{};
  int revision = 1;
  std::string status = "proposed";  // "proposed", "issued", "withdrawn"
  std::optional<std::string> step_id;
  int capacity_persons = 0;
  int nights = 0;
  Money computed_total = Money::Zero();  // the formula's
  Money tax = Money::Zero();
  std::string additional_taxes_json =
      "[]";  // [{"beneficiary", "label", "rate_bp", "amount_cents"}]
  Money additional = Money::Zero();
  Money total = Money::Zero();
  std::string explanation_json = "[]";  // French sentences
  long long deliberation_version = 0;
  std::optional<std::string> reason;
  std::optional<Day> notified_on;
  std::optional<Day> recoverable_from;
  std::optional<std::string> avis_pdf;  // when appending; reads leave it empty
  bool has_avis = false;
  std::string recorded_by;
  std::string recorded_at;
};

// The latest revision of a month, with what a list shows of its accommodation and host.
struct OfficeAssessmentListing {
  OfficeAssessmentRevision latest;
  std::string accommodation_name;
  std::string host_name;
};

class OfficeAssessmentRepository {
 public:
  // Inserts `revision` as given (revision number included: a concurrent append of the same number
  // fails with kAlreadyExists through the unique constraint).
  static OfficeAssessmentRevision Append(Transaction& tx, const OfficeAssessmentRevision& revision);
  // Every revision of the month, the first one first; empty when none was proposed.
  static std::vector<OfficeAssessmentRevision> Revisions(Transaction& tx,
                                                         const CollectivityId& collectivity,
                                                         const std::string& accommodation_id,
                                                         Month month);
  // The latest revision of every month of the collectivity, optionally with one status; by month
  // then accommodation.
  static std::vector<OfficeAssessmentListing> Latest(Transaction& tx,
                                                     const CollectivityId& collectivity,
                                                     const std::optional<std::string>& status);
  // The avis PDF of the month's issued revision.
  static std::optional<std::string> Avis(Transaction& tx, const CollectivityId& collectivity,
                                         const std::string& accommodation_id, Month month);
  // Whether the month has a submission now (the host declared after all).
  static bool MonthDeclared(Transaction& tx, const std::string& accommodation_id, Month month);
  // The day the mise en demeure of the month was delivered, as recorded on its step.
  static std::optional<Day> NoticeDeliveredOn(Transaction& tx, const std::string& accommodation_id,
                                              Month month);
  // Locks the month's assessment, so that two referents acting on it take turns.
  static void Lock(Transaction& tx, const std::string& accommodation_id, Month month);
};

}  // namespace nuitee::persistence
