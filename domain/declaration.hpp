// Monthly declaration (déclaration mensuelle) of one accommodation: the stays of the host's
// register (registre du logeur, L. 2333-34 I, R. 2333-51) for one month, or a nil return, or
// "closed this month"; the rules that refuse or warn about a line, the deadline, and the frozen
// computation of what the host owes (CGCT L. 2333-29 to L. 2333-31 through the rates engine).
//
// Pure: the accommodation, its classification history, the rate book, the settings and "today"
// are arguments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accommodation.hpp"
#include "domain/classification.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/declaration_settings.hpp"
#include "rates/rate_book.hpp"
#include "rates/rounding.hpp"
#include "rates/stay_tax.hpp"

namespace nuitee {

// Who collected the tax of a stay. Platforms collect for non-professional hosts (L. 2333-33,
// L. 2333-34 I); their nights count in the statistics, never in what the host owes, so nothing
// is taxed twice (taxe-de-sejour.md §7).
enum class Collector { kHost, kAirbnb, kBooking, kAbritel, kOtherPlatform };
std::string_view CollectorName(Collector collector);   // "host", "airbnb", "booking", "abritel",
                                                       // "other_platform"
std::string_view CollectorLabel(Collector collector);  // "l'hébergeur", "Airbnb"...
std::optional<Collector> ParseCollector(std::string_view name);
inline bool CollectedByPlatform(Collector collector) { return collector != Collector::kHost; }

// One stay of the register as declared.
struct StayLine {
  Day arrival{};  // the first night
  int nights = 0;
  int occupants = 0;              // everyone, exempt occupants included
  rates::ExemptOccupants exempt;  // by reason, L. 2333-31 1° to 4°
  std::optional<Money>
      price_per_night;  // HT; required on unclassified nights collected by the host
  Collector collector = Collector::kHost;
  friend bool operator==(const StayLine&, const StayLine&) = default;
};

// What a submission says about the month.
enum class DeclarationKind {
  kStays,   // the stays collected in the month (possibly only platform ones)
  kNil,     // déclaration néant: no night collected directly this month
  kClosed,  // the accommodation was closed the whole month
};
std::string_view DeclarationKindName(DeclarationKind kind);  // "stays", "nil", "closed"
std::optional<DeclarationKind> ParseDeclarationKind(std::string_view name);

// Where an accommodation-month stands. A draft is the host's working copy; a submission is frozen
// and a correction is a new revision that supersedes it (nothing is overwritten or deleted).
enum class DeclarationState { kToDeclare, kDraft, kSubmitted, kRevised };
std::string_view DeclarationStateName(DeclarationState state);  // "to_declare", "draft",
                                                                // "submitted", "revised"
// The state from what is stored: the number of submissions and whether a draft is pending.
DeclarationState StateOf(int submissions, bool has_draft);

// What one can do in each state. Saving a draft and submitting are for a month not yet submitted;
// a revision needs a submission to supersede.
enum class DeclarationAction { kSaveDraft, kSubmit, kRevise };
// Empty when allowed; otherwise the French reason (the API answers 409).
std::optional<std::string> RefusalOf(DeclarationAction action, DeclarationState state);

// The last day on which `month` may be declared on time: the collectivity's day of the following
// month, or the next working day when that day is not one (working_days.hpp).
Day DeclarationDueOn(Month month, const DeclarationSettings& settings);
// Days after the due day (0 when on time).
int DaysLate(Month month, const DeclarationSettings& settings, Day submitted_on);

// The problems of a month's declaration: `errors` refuse it (422, nothing stored), `warnings` are
// shown but accepted (occupants above the capacity). Fields are JSON pointers into the body
// ("/stays/3/nights").
struct DeclarationCheck {
  std::vector<FieldError> errors;
  std::vector<FieldError> warnings;
};

// Whether the accommodation may declare `month` at all, whatever the lines: not before it opened,
// not once ceased, not a month that has not started. Empty when it may.
std::optional<std::string> MonthRefusal(const Accommodation& accommodation, Month month, Day today);

// Every problem of the lines: nights outside the month (per the stay month rule), arrival in the
// future, more exempt than occupants, a night when the accommodation was closed or had ceased,
// no price per night on an unclassified night the host collected, occupants above the capacity
// (a warning). `history` gives the category of each night.
DeclarationCheck CheckStayLines(const Accommodation& accommodation,
                                const std::vector<Classification>& history, Month month,
                                const std::vector<StayLine>& lines,
                                const DeclarationSettings& settings, Day today);

// A line as frozen at submission.
struct ComputedLine {
  StayLine stay;
  rates::Category category = rates::Category::kUnclassified;  // of the first night
  std::int64_t person_nights = 0;                             // occupants × nights
  std::int64_t taxable_person_nights = 0;  // persons owing the tax × levied nights
  // Host-collected lines only; zero (and no add-on) for platform-collected ones.
  Money tax = Money::Zero();
  std::vector<rates::AdditionalTaxAmount> additional_taxes;
  Money total = Money::Zero();
  bool capped = false;
  Money unit_per_person_night = Money::Zero();
  std::vector<std::string> explanation;  // French, one sentence per step (host-collected lines)
};

// What the host owes for the month, summed over host-collected lines.
struct DeclarationAmounts {
  std::vector<ComputedLine> lines;
  Money tax = Money::Zero();
  std::vector<rates::AdditionalTaxAmount> additional_taxes;  // summed per beneficiary and rate
  Money total = Money::Zero();
  std::int64_t person_nights = 0;
  std::int64_t taxable_person_nights = 0;
  std::int64_t platform_person_nights = 0;
  // The deliberation version of each year the host-collected nights touched.
  std::vector<std::pair<int, std::int64_t>> deliberation_versions;
};

// Computes every line with the rates engine (the category of each night from `history`) and sums
// what the host owes. Field errors name "/stays/{i}/...". Call CheckStayLines first.
Result<DeclarationAmounts> ComputeDeclaration(const Accommodation& accommodation,
                                              const std::vector<Classification>& history,
                                              const std::vector<StayLine>& lines,
                                              const rates::RateBook& book,
                                              rates::RoundingMode rounding);

// A submission checked and computed, ready to be appended as the month's next revision.
struct Submission {
  DeclarationKind kind = DeclarationKind::kStays;
  DeclarationAmounts amounts;  // empty for a nil return or a closed month
  std::vector<FieldError> warnings;
  Day due_on{};
  int days_late = 0;
};

// Everything a submission (first or revision) must satisfy, then its computation: the month may
// be declared (MonthRefusal: 409), the lines pass CheckStayLines (422 with every problem), a nil
// return or a closed month has no stay, a declaration of stays has at least one.
Result<Submission> PrepareSubmission(const Accommodation& accommodation,
                                     const std::vector<Classification>& history, Month month,
                                     DeclarationKind kind, const std::vector<StayLine>& stays,
                                     const DeclarationSettings& settings,
                                     const rates::RateBook& book, rates::RoundingMode rounding,
                                     Day today);

// The years whose deliberations the lines need (every night's year), as [first, last].
std::pair<int, int> YearsOf(Month month, const std::vector<StayLine>& stays);

// The first and last night of a line (its departure day is the day after the last night).
inline Day LastNight(const StayLine& line) { return AddDays(line.arrival, line.nights - 1); }
inline Day DepartureDay(const StayLine& line) { return AddDays(line.arrival, line.nights); }

// The first and last day of a month.
Day FirstDay(Month month);
Day LastDay(Month month);

}  // namespace nuitee
