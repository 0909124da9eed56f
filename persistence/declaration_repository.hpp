// The monthly declarations: per accommodation and month, a pointer row (the pending draft, the
// latest revision, the ETag version) and the append-only revisions with their frozen lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/accommodation.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/declaration.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

// Where an accommodation-month stands.
struct DeclarationMonth {
  AccommodationId accommodation_id;
  Month month{};
  std::optional<std::vector<StayLine>> draft;
  std::string draft_saved_by;
  std::string draft_saved_at;  // ISO 8601, UTC
  int latest_revision = 0;     // 0: nothing submitted
  long long version = 0;
  DeclarationState State() const { return StateOf(latest_revision, draft.has_value()); }
  // Created by a lock and never written since: nothing stored for the month yet.
  bool Untouched() const { return latest_revision == 0 && !draft && version == 1; }
};

// A submission to append: the domain's checked computation and who, when, why.
struct NewRevision {
  Submission submission;
  rates::RoundingMode rounding = rates::RoundingMode::kPerLine;
  std::string actor;
  Day submitted_on{};
  std::optional<std::string> reason;
};

struct StoredRevision {
  std::string id;
  AccommodationId accommodation_id;
  HostId host_id;
  Month month{};
  int revision = 0;
  NewRevision content;       // content.submission.amounts.lines is empty unless read with lines
  std::string submitted_at;  // ISO 8601, UTC
};

// A submission to append in a batch (AppendRevisions).
struct PendingRevision {
  const Accommodation* accommodation = nullptr;
  DeclarationMonth* month = nullptr;  // locked in this transaction; updated as stored
  NewRevision revision;
};

// One month of one accommodation in a list: the pointer row and the latest revision's summary.
struct DeclarationMonthSummary {
  DeclarationMonth month;
  std::optional<StoredRevision> latest;  // without lines
  std::string accommodation_name;
  // The delay of the month's first filing (revision 1): a late correction of a month declared on
  // time does not make the month late.
  std::optional<int> first_days_late;
};

class DeclarationRepository {
 public:
  // The month's row, locked until the transaction ends when `lock` (take it before deciding
  // anything on the state: concurrent submissions then queue behind it). nullopt: never touched.
  static std::optional<DeclarationMonth> FindMonth(Transaction& tx,
                                                   const CollectivityId& collectivity,
                                                   const AccommodationId& accommodation,
                                                   Month month, bool lock);
  // Creates the month's row if missing, then locks and returns it (one round trip).
  static DeclarationMonth LockMonth(Transaction& tx, const Accommodation& accommodation,
                                    Month month);

  // Replaces the pending draft; the month's version goes up.
  static DeclarationMonth SaveDraft(Transaction& tx, const Accommodation& accommodation,
                                    Month month, const std::vector<StayLine>& stays,
                                    const std::string& actor);

  // Appends the next revision with its lines and their night totals, clears the draft and bumps
  // the month's version, in one round trip. `month` is the row LockMonth returned in this
  // transaction; it is updated to the row as stored now.
  static StoredRevision AppendRevision(Transaction& tx, const Accommodation& accommodation,
                                       DeclarationMonth& month, const NewRevision& revision);

  // LockMonth and AppendRevision for many months at once, each in one round trip, for loads of
  // thousands (the demo seed). LockMonths takes each accommodation-month once and returns them
  // in the order given. AppendRevisions appends in the order given, so a month may appear twice
  // (a correction after its first submission) through the same DeclarationMonth.
  static std::vector<DeclarationMonth> LockMonths(
      Transaction& tx, const std::vector<std::pair<const Accommodation*, Month>>& months);
  static void AppendRevisions(Transaction& tx, std::vector<PendingRevision>& batch);

  // Whether any month of the collectivity has been submitted.
  static bool AnySubmitted(Transaction& tx, const CollectivityId& collectivity);

  // Every revision of the month, oldest first, with their lines.
  static std::vector<StoredRevision> Revisions(Transaction& tx, const CollectivityId& collectivity,
                                               const AccommodationId& accommodation, Month month);

  // The months of [from, to] that have a row, with their latest revision (no lines), by month.
  static std::vector<DeclarationMonthSummary> ListMonths(Transaction& tx,
                                                         const CollectivityId& collectivity,
                                                         const AccommodationId& accommodation,
                                                         Month from, Month to);
  // The same for a host: the months its latest revision was filed by this host (the host at
  // submission), and the months not yet submitted of the accommodations it has now.
  static std::vector<DeclarationMonthSummary> ListHostMonths(Transaction& tx,
                                                             const CollectivityId& collectivity,
                                                             const HostId& host, Month from,
                                                             Month to);

  // Whether any month of the collectivity's accommodations has been touched (a draft or a
  // submission): the demo seed adds its declarations only to a collectivity that has none.
  static bool AnyMonth(Transaction& tx, const CollectivityId& collectivity);
};

}  // namespace nuitee::persistence
