// The steps of the enforcement calendar (migration 0013) and the facts that decide them, read in
// bulk for a whole collectivity (a few set-based queries, not one per accommodation) and again,
// under lock, for the hosts of one batch.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/accommodation.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/enforcement_calendar.hpp"
#include "persistence/database.hpp"
#include "rates/office_assessment.hpp"

namespace nuitee::persistence {

// What the calendar needs of an accommodation; it changes seldom, so a pass reads it once.
struct ChasedAccommodation {
  std::string id;
  std::string host_id;
  std::string name;
  std::string address_line;
  std::string postal_code;
  std::string commune_insee;
  Nature nature = Nature::kFurnishedRental;
  int capacity_persons = 0;
  Marketing marketing = Marketing::kDirect;
  std::optional<Day> opened_on;
  std::optional<Day> ceased_on;
  std::vector<DayRange> closures;
};

struct ChasedHost {
  std::string id;
  std::string legal_name;
  std::optional<std::string> email;
  std::string address_line;
  std::string postal_code;
  std::string city;
  bool archived = false;
  bool on_hold = false;       // a live hold
  std::set<int> sworn_years;  // years of its platform sworn statements
};

struct StoredStep {
  std::string id;
  std::string host_id;
  std::string accommodation_id;
  Month month{};
  EnforcementStep kind = EnforcementStep::kInvitation;
  Day due_on{};
  Day taken_on{};
  bool cancelled = false;
  std::optional<Day> delivered_on;
  std::optional<std::string> mail_id;
  std::optional<std::string> letter_id;
  std::string created_by;
  std::optional<std::string> cancelled_at;  // ISO 8601, UTC
  std::optional<std::string> cancelled_by;
  std::optional<std::string> cancel_reason;
};

// A mise en demeure and the steps it was made for.
struct StoredLetter {
  std::string id;
  std::string host_id;
  std::string host_name;
  Day dated_on{};
  std::string created_at;
  std::vector<StoredStep> steps;
  bool Delivered() const { return !steps.empty() && steps.front().delivered_on.has_value(); }
};

// "accommodation id|YYYY-MM": the key of an accommodation-month in the sets below.
std::string AccommodationMonthKey(const std::string& accommodation_id, Month month);

// The state of the procedure of some hosts (a collectivity, or a batch under lock).
struct ProcedureState {
  std::unordered_map<std::string, ChasedHost> hosts;               // by id
  std::unordered_set<std::string> declared;                        // AccommodationMonthKey
  std::unordered_map<std::string, std::vector<StoredStep>> steps;  // by AccommodationMonthKey
};

struct ChaseCandidates {
  std::vector<ChasedAccommodation> accommodations;
  std::unordered_set<std::string> declared;  // AccommodationMonthKey
};

// A step the worker (or a referent) is about to take.
struct NewStep {
  std::string host_id;
  std::string accommodation_id;
  Month month{};
  EnforcementStep kind = EnforcementStep::kInvitation;
  Day due_on{};
};

struct ProposedAssessment {
  std::string host_id;
  std::string accommodation_id;
  Month month{};
  std::string step_id;
  int capacity_persons = 0;
  int nights = 0;
  rates::OfficeAssessment amount;
  std::vector<std::string> explanation;
};

class EnforcementStepRepository {
 public:
  // Collectivities whose settings in force name a first chased month.
  static std::vector<CollectivityId> ChasedCollectivities(Transaction& tx);

  // The accommodations of the collectivity with a month of [from, last] not declared (those
  // ceased before `from` are left out), by host, and the months of that range they declared.
  static ChaseCandidates Candidates(Transaction& tx, const CollectivityId& collectivity, Month from,
                                    Month last);
  // Hosts, months declared and steps from `from` on: of the whole collectivity when `hosts` is
  // empty, else of those hosts only.
  // kSkip: the caller has the declared months already (Candidates).
  enum class Declared { kRead, kSkip };
  static ProcedureState State(Transaction& tx, const CollectivityId& collectivity, Month from,
                              const std::vector<std::string>& hosts = {},
                              Declared declared = Declared::kRead);

  // Locks the hosts' rows for this transaction and returns those it got; a host another
  // transaction holds is skipped, never waited for (another worker is taking its steps).
  static std::vector<std::string> LockHosts(Transaction& tx, const std::vector<std::string>& hosts);

  // Inserts the steps, taken on `taken_on`; a step that already exists is left alone (the unique
  // constraint decides). Returns the steps really inserted.
  static std::vector<StoredStep> Insert(Transaction& tx, const CollectivityId& collectivity,
                                        const std::vector<NewStep>& steps, Day taken_on,
                                        const std::string& actor);
  static void LinkMail(Transaction& tx, const std::vector<std::string>& step_ids,
                       const std::string& mail_id);
  // Each step to its mail: (step id, mail id) pairs, in one statement.
  static void LinkMails(Transaction& tx,
                        const std::vector<std::pair<std::string, std::string>>& step_mails);
  static void LinkLetter(Transaction& tx, const std::vector<std::string>& step_ids,
                         const std::string& letter_id);
  // One history row per step, dated `occurred_on` (else the day each step was taken).
  static void AppendEvents(Transaction& tx, const std::vector<std::string>& step_ids,
                           const std::string& kind, const std::string& text,
                           const std::string& actor, std::optional<Day> occurred_on = std::nullopt);

  // For a referent's actions.
  static std::optional<ChasedAccommodation> FindAccommodation(Transaction& tx,
                                                              const CollectivityId& collectivity,
                                                              const std::string& accommodation);
  // Waits for the host's lock (a worker's batch holds it only for a moment).
  static void LockHost(Transaction& tx, const std::string& host);
  static std::optional<StoredStep> Find(Transaction& tx, const CollectivityId& collectivity,
                                        const std::string& step);
  // The step once cancelled; nullopt when it does not exist or was cancelled already.
  static std::optional<StoredStep> Cancel(Transaction& tx, const CollectivityId& collectivity,
                                          const std::string& step, const std::string& reason,
                                          const std::string& actor);
  // The collectivity's mises en demeure, newest first; optionally only those (not) delivered.
  static std::vector<StoredLetter> Letters(Transaction& tx, const CollectivityId& collectivity,
                                           std::optional<bool> delivered);
  static std::optional<StoredLetter> FindLetter(Transaction& tx, const CollectivityId& collectivity,
                                                const std::string& letter);
  static std::optional<std::string> LetterPdf(Transaction& tx, const CollectivityId& collectivity,
                                              const std::string& letter);
  // Records the delivery on every step of the letter not yet delivered; returns how many.
  static int RecordDelivery(Transaction& tx, const std::string& letter, Day delivered_on,
                            const std::string& actor);
  // A mise en demeure as printed; returns its id.
  static std::string InsertLetter(Transaction& tx, const CollectivityId& collectivity,
                                  const std::string& host_id, Day dated_on, const std::string& pdf,
                                  const std::string& actor);
  // Revision 1 of a taxation d'office, status "proposed".
  static void ProposeAssessment(Transaction& tx, const CollectivityId& collectivity,
                                const ProposedAssessment& assessment, const std::string& actor);
};

}  // namespace nuitee::persistence
