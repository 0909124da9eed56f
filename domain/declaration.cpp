// Monthly declarations: names, states, deadlines, the guards on stay lines and the frozen
// computation.
#include "domain/declaration.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/working_days.hpp"
#include "rates/french_format.hpp"
#include "rates/regime.hpp"

namespace nuitee {
namespace {

constexpr int kMaxNightsPerStay = 365;  // the engine's bound; a longer "stay" is a typing error

std::string MonthLabel(Month month) {
  static constexpr const char* kNames[] = {"janvier",   "février", "mars",     "avril",
                                           "mai",       "juin",    "juillet",  "août",
                                           "septembre", "octobre", "novembre", "décembre"};
  return std::string(kNames[unsigned(month.month()) - 1]) + " " + std::to_string(int(month.year()));
}

std::string LinePath(std::size_t index, std::string_view field) {
  return "/stays/" + std::to_string(index) + "/" + std::string(field);
}

// Shape of one line, independent of the month and the accommodation.
void CheckLineShape(const StayLine& line, std::size_t index, FieldErrors& errors) {
  if (line.nights < 1 || line.nights > kMaxNightsPerStay) {
    errors.Add(LinePath(index, "nights"), "Le nombre de nuits doit être compris entre 1 et 365.");
  }
  if (line.occupants < 1) {
    errors.Add(LinePath(index, "occupants"), "Un séjour compte au moins un occupant.");
  }
  const std::pair<const char*, int> exempt[] = {
      {"minors", line.exempt.minors},
      {"seasonal_workers", line.exempt.seasonal_workers},
      {"emergency_housing", line.exempt.emergency_housing},
      {"low_rent", line.exempt.low_rent}};
  bool negative = false;
  for (const auto& [name, count] : exempt) {
    if (count < 0) {
      errors.Add(LinePath(index, std::string("exempt/") + name),
                 "Le nombre de personnes exonérées ne peut pas être négatif.");
      negative = true;
    }
  }
  if (!negative && line.occupants >= 1 && line.exempt.Total() > line.occupants) {
    errors.Add(LinePath(index, "exempt"), "Ce séjour compte plus de personnes exonérées (" +
                                              std::to_string(line.exempt.Total()) +
                                              ") que d'occupants (" +
                                              std::to_string(line.occupants) + ").");
  }
  if (line.price_per_night && line.price_per_night->cents() < 0) {
    errors.Add(LinePath(index, "price_per_night_cents"),
               "Le prix de la nuitée ne peut pas être négatif.");
  }
}

// The month the line belongs to under the collectivity's rule (taxe-de-sejour.md §6: hosts remit
// at the dates of the deliberation; the stay month rule is our setting, docs/decisions.md).
void CheckLineMonth(const StayLine& line, std::size_t index, Month month,
                    const DeclarationSettings& settings, FieldErrors& errors) {
  const Day first = FirstDay(month);
  const Day last = LastDay(month);
  if (settings.stay_month_rule == StayMonthRule::kDepartureMonth) {
    const Day departure = DepartureDay(line);
    if (departure < first || departure > last) {
      errors.Add(LinePath(index, "arrival"),
                 "Un séjour se déclare le mois du départ du voyageur : ce séjour se termine le " +
                     rates::FormatFrenchDate(departure) + ", pas en " + MonthLabel(month) + ".");
    }
    return;
  }
  if (line.arrival < first || LastNight(line) > last) {
    errors.Add(LinePath(index, "arrival"),
               "Les séjours se déclarent mois par mois : ne déclarez ici que les nuits de " +
                   MonthLabel(month) + " (du " + rates::FormatFrenchDate(first) + " au " +
                   rates::FormatFrenchDate(last) + ").");
  }
}

// A night when the accommodation could not host anyone.
void CheckLineNights(const Accommodation& accommodation, const StayLine& line, std::size_t index,
                     FieldErrors& errors) {
  for (int offset = 0; offset < line.nights; ++offset) {
    const Day night = AddDays(line.arrival, offset);
    std::string why;
    if (accommodation.opened_on && night < *accommodation.opened_on) {
      why = "n'était pas encore ouvert";
    } else if (accommodation.StatusOn(night) == AccommodationStatus::kCeased) {
      why = "avait cessé son activité";
    } else if (accommodation.StatusOn(night) == AccommodationStatus::kClosed) {
      why = "était fermé";
    }
    if (!why.empty()) {
      errors.Add(LinePath(index, "arrival"),
                 "L'hébergement " + why + " la nuit du " + rates::FormatFrenchDate(night) + ".");
      return;
    }
  }
}

// The rates engine refuses an unclassified night without a price; say it on the line's field,
// before any computation (L. 2333-30: the proportional rate applies to the price per person).
void CheckLinePrice(const Accommodation& accommodation, const std::vector<Classification>& history,
                    const StayLine& line, std::size_t index, FieldErrors& errors) {
  if (CollectedByPlatform(line.collector) || line.price_per_night) return;
  for (const auto& run :
       CategoryTimeline(accommodation.nature, history, line.arrival, line.nights)) {
    if (run.category == rates::Category::kUnclassified) {
      errors.Add(LinePath(index, "price_per_night_cents"),
                 "Indiquez le prix de la nuitée hors taxes : l'hébergement n'est pas classé, la "
                 "taxe est un pourcentage de ce prix.");
      return;
    }
  }
}

// The nights of a stay inside a perception period of its year's deliberation (L. 2333-26): a
// platform-collected stay is not computed by the engine, but its taxable person-nights must be
// counted like those of the host's own stays.
int LeviedNights(const StayLine& line, const rates::RateBook& book) {
  int levied = 0;
  for (int offset = 0; offset < line.nights; ++offset) {
    const Day night = AddDays(line.arrival, offset);
    const auto* deliberation = book.DeliberationFor(int(night.year()));
    if (deliberation && deliberation->deliberation.PeriodOf(night)) ++levied;
  }
  return levied;
}

// Sums additional taxes of the same beneficiary, label and rate.
void AddAdditionalTaxes(const std::vector<rates::AdditionalTaxAmount>& amounts,
                        std::vector<rates::AdditionalTaxAmount>& into) {
  for (const auto& amount : amounts) {
    auto same = std::find_if(into.begin(), into.end(), [&](const auto& each) {
      return each.beneficiary == amount.beneficiary && each.label == amount.label &&
             each.rate.value == amount.rate.value;
    });
    if (same == into.end()) {
      into.push_back(amount);
    } else {
      same->amount += amount.amount;
    }
  }
}

// The engine names the stay's own fields ("/nights"); in a declaration they are "/stays/{i}/…".
Error OnLine(Error error, std::size_t index) {
  const std::string prefix = "/stays/" + std::to_string(index);
  if (error.field_errors.empty()) {
    error.field_errors.push_back({prefix, error.message});
    return error;
  }
  for (auto& each : error.field_errors) each.field = prefix + each.field;
  return error;
}

}  // namespace

std::string_view CollectorName(Collector collector) {
  switch (collector) {
    case Collector::kHost:
      return "host";
    case Collector::kAirbnb:
      return "airbnb";
    case Collector::kBooking:
      return "booking";
    case Collector::kAbritel:
      return "abritel";
    case Collector::kOtherPlatform:
      return "other_platform";
  }
  return "host";
}

std::string_view CollectorLabel(Collector collector) {
  switch (collector) {
    case Collector::kHost:
      return "l'hébergeur";
    case Collector::kAirbnb:
      return "Airbnb";
    case Collector::kBooking:
      return "Booking.com";
    case Collector::kAbritel:
      return "Abritel / Vrbo";
    case Collector::kOtherPlatform:
      return "une autre plateforme";
  }
  return "l'hébergeur";
}

std::optional<Collector> ParseCollector(std::string_view name) {
  for (Collector each : {Collector::kHost, Collector::kAirbnb, Collector::kBooking,
                         Collector::kAbritel, Collector::kOtherPlatform}) {
    if (CollectorName(each) == name) return each;
  }
  return std::nullopt;
}

std::string_view DeclarationKindName(DeclarationKind kind) {
  switch (kind) {
    case DeclarationKind::kStays:
      return "stays";
    case DeclarationKind::kNil:
      return "nil";
    case DeclarationKind::kClosed:
      return "closed";
  }
  return "stays";
}

std::optional<DeclarationKind> ParseDeclarationKind(std::string_view name) {
  for (DeclarationKind each :
       {DeclarationKind::kStays, DeclarationKind::kNil, DeclarationKind::kClosed}) {
    if (DeclarationKindName(each) == name) return each;
  }
  return std::nullopt;
}

std::string_view DeclarationStateName(DeclarationState state) {
  switch (state) {
    case DeclarationState::kToDeclare:
      return "to_declare";
    case DeclarationState::kDraft:
      return "draft";
    case DeclarationState::kSubmitted:
      return "submitted";
    case DeclarationState::kRevised:
      return "revised";
  }
  return "to_declare";
}

DeclarationState StateOf(int submissions, bool has_draft) {
  if (submissions >= 2) return DeclarationState::kRevised;
  if (submissions == 1) return DeclarationState::kSubmitted;
  return has_draft ? DeclarationState::kDraft : DeclarationState::kToDeclare;
}

std::optional<std::string> RefusalOf(DeclarationAction action, DeclarationState state) {
  const bool submitted =
      state == DeclarationState::kSubmitted || state == DeclarationState::kRevised;
  switch (action) {
    case DeclarationAction::kSaveDraft:
    case DeclarationAction::kSubmit:
      if (submitted) {
        return "Ce mois est déjà déclaré : pour le corriger, déposez une déclaration "
               "rectificative.";
      }
      return std::nullopt;
    case DeclarationAction::kRevise:
      if (!submitted) {
        return "Ce mois n'a pas encore été déclaré : il n'y a rien à rectifier.";
      }
      return std::nullopt;
  }
  return std::nullopt;
}

Day FirstDay(Month month) { return month / date::day{1}; }

Day LastDay(Month month) { return Day{month / date::last}; }

Day DeclarationDueOn(Month month, const DeclarationSettings& settings) {
  const Month next = month + date::months{1};
  // A deadline on a Saturday, a Sunday or a public holiday moves to the next working day
  // (working_days.hpp): a host who files then is on time.
  return WorkingDayOnOrAfter(next / date::day{unsigned(std::clamp(settings.deadline_day, 1, 28))});
}

int DaysLate(Month month, const DeclarationSettings& settings, Day submitted_on) {
  const auto late =
      (date::sys_days{submitted_on} - date::sys_days{DeclarationDueOn(month, settings)}).count();
  return late > 0 ? int(late) : 0;
}

std::optional<std::string> MonthRefusal(const Accommodation& accommodation, Month month,
                                        Day today) {
  if (FirstDay(month) > today) {
    return "Le mois " + MonthLabel(month) +
           " n'a pas encore commencé : il ne peut pas être déclaré.";
  }
  if (accommodation.opened_on && LastDay(month) < *accommodation.opened_on) {
    return "L'hébergement n'a ouvert que le " + rates::FormatFrenchDate(*accommodation.opened_on) +
           " : il n'y a rien à déclarer pour " + MonthLabel(month) + ".";
  }
  // The cessation day hosts no night but is still a departure day: the last guests leave that
  // morning, and under the departure month rule their stay belongs to the cessation day's month.
  // So that month stays declarable even when the cessation falls on its first day.
  if (accommodation.ceased_on && *accommodation.ceased_on < FirstDay(month)) {
    return "L'hébergement a cessé son activité le " +
           rates::FormatFrenchDate(*accommodation.ceased_on) + " : il n'y a rien à déclarer pour " +
           MonthLabel(month) + ".";
  }
  return std::nullopt;
}

DeclarationCheck CheckStayLines(const Accommodation& accommodation,
                                const std::vector<Classification>& history, Month month,
                                const std::vector<StayLine>& lines,
                                const DeclarationSettings& settings, Day today) {
  FieldErrors errors;
  DeclarationCheck check;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const StayLine& line = lines[index];
    const std::size_t before = errors.errors().size();
    CheckLineShape(line, index, errors);
    if (errors.errors().size() != before) continue;  // dates and prices need a sane shape
    if (line.arrival > today) {
      errors.Add(LinePath(index, "arrival"),
                 "La date d'arrivée (" + rates::FormatFrenchDate(line.arrival) +
                     ") est dans le futur : on ne déclare que des séjours commencés.");
      continue;
    }
    CheckLineMonth(line, index, month, settings, errors);
    CheckLineNights(accommodation, line, index, errors);
    CheckLinePrice(accommodation, history, line, index, errors);
    if (line.occupants > accommodation.capacity_persons) {
      check.warnings.push_back(
          {LinePath(index, "occupants"), std::to_string(line.occupants) +
                                             " occupants pour une capacité de " +
                                             std::to_string(accommodation.capacity_persons) +
                                             " personnes : vérifiez ce séjour (il est accepté)."});
    }
  }
  check.errors = errors.errors();
  return check;
}

Result<DeclarationAmounts> ComputeDeclaration(const Accommodation& accommodation,
                                              const std::vector<Classification>& history,
                                              const std::vector<StayLine>& lines,
                                              const rates::RateBook& book,
                                              rates::RoundingMode rounding) {
  DeclarationAmounts amounts;
  std::map<int, std::int64_t> versions;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const StayLine& line = lines[index];
    const auto timeline =
        CategoryTimeline(accommodation.nature, history, line.arrival, line.nights);
    // L. 2333-26 II: a nature under the forfait owes it on its capacity, never per stay.
    const rates::Stay nights{accommodation.commune_insee_code, line.arrival, line.nights,
                             line.occupants, line.exempt, line.price_per_night};
    if (auto year = rates::ForfaitYearOf(nights, timeline, NatureName(accommodation.nature), book)) {
      return Fail(OnLine(Error::RuleViolation({{"", rates::ForfaitRefusal(
                                                        NatureLabel(accommodation.nature), *year)}}),
                         index));
    }
    ComputedLine computed;
    computed.stay = line;
    computed.category = timeline.front().category;
    computed.person_nights = std::int64_t(line.occupants) * line.nights;
    if (CollectedByPlatform(line.collector)) {
      // Counted for the statistics; the platform remits the tax itself (L. 2333-34).
      computed.taxable_person_nights =
          std::int64_t(line.occupants - line.exempt.Total()) * LeviedNights(line, book);
      amounts.platform_person_nights += computed.person_nights;
    } else {
      const rates::Stay& stay = nights;
      auto tax = rates::ComputeStayTax(stay, timeline, book, rounding);
      if (!tax) return Fail(OnLine(tax.error(), index));
      computed.taxable_person_nights = tax->taxable_person_nights;
      computed.tax = tax->tax;
      computed.additional_taxes = tax->additional_taxes;
      computed.total = tax->total;
      computed.capped = tax->capped;
      computed.unit_per_person_night = tax->unit_per_person_night;
      computed.explanation = rates::ExplainInFrench(stay, *tax);
      for (const auto& run : tax->runs) {
        if (run.levied) versions[run.year] = run.deliberation_version;
      }
      amounts.tax += computed.tax;
      AddAdditionalTaxes(computed.additional_taxes, amounts.additional_taxes);
      amounts.total += computed.total;
    }
    amounts.person_nights += computed.person_nights;
    amounts.taxable_person_nights += computed.taxable_person_nights;
    amounts.lines.push_back(std::move(computed));
  }
  amounts.deliberation_versions.assign(versions.begin(), versions.end());
  return amounts;
}

Result<Submission> PrepareSubmission(const Accommodation& accommodation,
                                     const std::vector<Classification>& history, Month month,
                                     DeclarationKind kind, const std::vector<StayLine>& stays,
                                     const DeclarationSettings& settings,
                                     const rates::RateBook& book, rates::RoundingMode rounding,
                                     Day today) {
  if (auto refusal = MonthRefusal(accommodation, month, today)) {
    return Fail(Error::FailedPrecondition(*refusal));
  }
  if (kind != DeclarationKind::kStays && !stays.empty()) {
    return Fail(Error::RuleViolation(
        {{"/stays", kind == DeclarationKind::kNil
                        ? "Une déclaration néant ne comporte aucun séjour : retirez-les, ou "
                          "déclarez-les."
                        : "Un mois de fermeture ne comporte aucun séjour : retirez-les, ou "
                          "déclarez-les."}}));
  }
  if (kind == DeclarationKind::kStays && stays.empty()) {
    return Fail(Error::RuleViolation(
        {{"/stays",
          "Ajoutez au moins un séjour, ou déclarez le mois « néant » si vous n'avez "
          "perçu aucune taxe vous-même."}}));
  }
  const DeclarationCheck check =
      CheckStayLines(accommodation, history, month, stays, settings, today);
  if (!check.errors.empty()) {
    return Fail(Error::RuleViolation(
        check.errors, "Certains séjours ne peuvent pas être déclarés : rien n'a été enregistré."));
  }
  Submission submission;
  submission.kind = kind;
  submission.warnings = check.warnings;
  submission.due_on = DeclarationDueOn(month, settings);
  submission.days_late = DaysLate(month, settings, today);
  auto amounts = ComputeDeclaration(accommodation, history, stays, book, rounding);
  if (!amounts) return Fail(amounts.error());
  submission.amounts = std::move(*amounts);
  return submission;
}

std::pair<int, int> YearsOf(Month month, const std::vector<StayLine>& stays) {
  int first = int(month.year());
  int last = first;
  for (const auto& stay : stays) {
    if (!stay.arrival.ok() || stay.nights < 1) continue;
    first = std::min(first, int(stay.arrival.year()));
    last = std::max(last, int(LastNight(stay).year()));
  }
  return {first, last};
}

}  // namespace nuitee
