// The demo's declarations: first the stays each accommodation hosted over the two years (a
// timeline of guests for a meublé or a chambre d'hôtes, grouped arrivals for the larger
// establishments), then, month by month, what its host submitted, when, and what was corrected.
#include "demo/declarations.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "demo/calendar.hpp"
#include "demo/plan.hpp"
#include "demo/random.hpp"

namespace nuitee::demo {
namespace {

// Its own stream, so that the declarations never move the territory's draws (and the reverse).
constexpr std::uint64_t kDeclarationSeed = 0x4E55495445450003ULL;
constexpr int kDemoMonthCount = 24;

// Share of the beds let, in per cent, by calendar month: ski holidays in February, the summer
// peak in July and August, an empty November.
constexpr std::array<int, 12> kOccupancyPercent = {30, 55, 24, 22, 22, 32, 72, 86, 30, 20, 7, 28};

// Larger establishments declare grouped arrivals (a coach, a school trip, the day's check-ins of a
// camping) rather than one line per room: at most this many lines a month keep the demo light.
constexpr int kMaxEstablishmentLines = 40;

using StaysByMonth = std::map<Month, std::vector<StayLine>>;

enum class Habit { kDiligent, kSloppy, kNever };

// What decides how a host lets and declares one accommodation.
struct Profile {
  Habit habit = Habit::kDiligent;
  int platform_percent = 0;      // stays booked and paid through a platform, which collects the tax
  std::int64_t price_cents = 0;  // per night, excluding taxes, out of season
};

// Nights and the share of the beds an establishment of each nature fills in a month at 100 %
// occupancy: campings count three beds a pitch and are rarely full, gîtes d'étape host hikers
// for one night.
struct EstablishmentShape {
  int min_nights;
  int max_nights;
  int fill_percent;
};

EstablishmentShape ShapeOf(Nature nature) {
  switch (nature) {
    case Nature::kHotel:
      return {1, 4, 60};
    case Nature::kHolidayVillage:
      return {3, 7, 40};
    case Nature::kCamping:
      return {2, 9, 14};
    case Nature::kCamperVanArea:
      return {1, 3, 20};
    case Nature::kHostel:
      return {1, 2, 35};
    default:
      return {1, 7, 30};
  }
}

int OccupancyPercent(Month month) { return kOccupancyPercent[unsigned(month.month()) - 1]; }

Month MonthOf(Day day) { return day.year() / day.month(); }

bool HighSeason(Month month) {
  const unsigned m = unsigned(month.month());
  return m == 2 || m == 7 || m == 8;
}

// Whether guests could sleep there that night. Seasonal establishments close at the same time
// every year, but the register only holds this year's closures: earlier years repeat them.
bool OpenOn(const Accommodation& accommodation, Day night) {
  if (accommodation.opened_on && night < *accommodation.opened_on) return false;
  if (accommodation.StatusOn(night) != AccommodationStatus::kActive) return false;
  if (!IsLargerEstablishment(accommodation.nature)) return true;
  for (int back = 1; back <= 2; ++back) {
    for (const auto& closure : accommodation.closures) {
      if (ShiftYears(closure.from, -back) <= night && night <= ShiftYears(closure.to, -back)) {
        return false;
      }
    }
  }
  return true;
}

bool OpenEveryNight(const Accommodation& accommodation, Day arrival, int nights) {
  for (int offset = 0; offset < nights; ++offset) {
    if (!OpenOn(accommodation, AddDays(arrival, offset))) return false;
  }
  return true;
}

int OpenNights(const Accommodation& accommodation, Month month) {
  int open = 0;
  for (Day night = FirstDay(month); night <= LastDay(month); night = AddDays(night, 1)) {
    if (OpenOn(accommodation, night)) ++open;
  }
  return open;
}

Profile MakeProfile(DemoRandom& random, const Accommodation& accommodation) {
  Profile profile;
  const bool larger = IsLargerEstablishment(accommodation.nature);
  const int habit = random.Between(1, 100);
  if (larger) {
    profile.habit = habit <= 88 ? Habit::kDiligent : Habit::kSloppy;
  } else {
    profile.habit = habit <= 6 ? Habit::kNever : habit <= 30 ? Habit::kSloppy : Habit::kDiligent;
  }
  // Platforms collect the tax for non-professional hosts only (L. 2333-34 I): the companies that
  // run the larger establishments collect it themselves, whoever took the booking.
  if (!larger) {
    switch (accommodation.marketing) {
      case Marketing::kDirect:
        profile.platform_percent = 0;
        break;
      case Marketing::kPlatforms:
        profile.platform_percent = 90;
        break;
      case Marketing::kBoth:
        profile.platform_percent = 55;
        break;
    }
  }
  switch (accommodation.nature) {
    case Nature::kFurnishedRental:
      profile.price_cents = 1500 * accommodation.capacity_persons + 100 * random.Between(20, 50);
      break;
    case Nature::kGuestHouse:
      profile.price_cents = 100 * random.Between(65, 95);
      break;
    case Nature::kHotel:
      profile.price_cents = 100 * random.Between(70, 130);
      break;
    case Nature::kHolidayVillage:
      profile.price_cents = 100 * random.Between(60, 100);
      break;
    case Nature::kCamping:
      profile.price_cents = 100 * random.Between(20, 40);
      break;
    case Nature::kCamperVanArea:
      profile.price_cents = 100 * random.Between(10, 15);
      break;
    case Nature::kHostel:
      profile.price_cents = 100 * random.Between(18, 30);
      break;
    default:
      profile.price_cents = 100 * random.Between(40, 70);
      break;
  }
  return profile;
}

Money PriceIn(const Profile& profile, Month month) {
  const std::int64_t cents = HighSeason(month) ? profile.price_cents * 5 / 4 : profile.price_cents;
  return Money::Cents(cents / 100 * 100);
}

// Families bring children (exempt, L. 2333-31 1°); a few lodgings house seasonal workers of the
// ski resorts in winter (2°) or people the prefect placed in emergency (3°), never through a
// platform.
rates::ExemptOccupants DrawExempt(DemoRandom& random, int occupants, Month month,
                                  Collector collector) {
  rates::ExemptOccupants exempt;
  const unsigned m = unsigned(month.month());
  const bool winter = m == 12 || m <= 3;
  const bool direct = collector == Collector::kHost;
  if (direct && winter && occupants <= 2 && random.Percent(4)) {
    exempt.seasonal_workers = occupants;
  } else if (direct && random.Below(1000) < 4) {
    exempt.emergency_housing = occupants;
  } else if (occupants >= 3 && random.Percent(60)) {
    exempt.minors = random.Between(1, std::max(1, occupants / 2));
  } else if (occupants == 2 && random.Percent(8)) {
    exempt.minors = 1;
  }
  return exempt;
}

Collector DrawCollector(DemoRandom& random, const Profile& profile) {
  if (!random.Percent(profile.platform_percent)) return Collector::kHost;
  static constexpr std::array<Collector, 3> kPlatforms = {Collector::kAirbnb, Collector::kBooking,
                                                          Collector::kAbritel};
  static constexpr std::array<int, 3> kWeights = {55, 25, 20};
  return kPlatforms[random.Weighted(kWeights)];
}

// Couples and families, and now and then friends filling a large gîte.
int DrawGuests(DemoRandom& random, int capacity) {
  static constexpr std::array<int, 6> kWeights = {6, 38, 14, 26, 9, 7};  // 1 to 6 persons
  int guests = static_cast<int>(random.Weighted(kWeights)) + 1;
  if (capacity > 6 && random.Percent(15)) guests = random.Between(7, capacity);
  return std::min(guests, capacity);
}

// Weekends out of season, weeks in the holidays.
int DrawLength(DemoRandom& random, Month month) {
  static constexpr std::array<int, 6> kLengths = {1, 2, 3, 4, 7, 14};
  static constexpr std::array<int, 6> kHighSeason = {3, 18, 12, 10, 47, 10};
  static constexpr std::array<int, 6> kLowSeason = {15, 45, 22, 10, 7, 1};
  return kLengths[random.Weighted(HighSeason(month) ? kHighSeason : kLowSeason)];
}

// Files a stay under the collectivity's rule: whole in its departure month, or split at month
// ends. Pieces outside the declared months are dropped.
void File(const StayLine& stay, const DeclarationSettings& settings, const DemoMonths& months,
          StaysByMonth& by_month) {
  auto keep = [&](const StayLine& piece, Month month) {
    if (months.first <= month && month <= months.last) by_month[month].push_back(piece);
  };
  if (settings.stay_month_rule == StayMonthRule::kDepartureMonth) {
    return keep(stay, MonthOf(DepartureDay(stay)));
  }
  StayLine piece = stay;
  while (MonthOf(LastNight(piece)) != MonthOf(piece.arrival)) {
    const Day next = FirstDay(MonthOf(piece.arrival) + date::months{1});
    StayLine head = piece;
    head.nights = static_cast<int>((date::sys_days{next} - date::sys_days{piece.arrival}).count());
    keep(head, MonthOf(head.arrival));
    piece.nights -= head.nights;
    piece.arrival = next;
  }
  keep(piece, MonthOf(piece.arrival));
}

StayLine MakeStay(DemoRandom& random, const Profile& profile, Day arrival, int nights,
                  int occupants) {
  StayLine stay;
  stay.arrival = arrival;
  stay.nights = nights;
  stay.occupants = occupants;
  const Month month = MonthOf(arrival);
  stay.collector = DrawCollector(random, profile);
  stay.exempt = DrawExempt(random, occupants, month, stay.collector);
  // Hosts copy the price from the booking: the engine needs it on unclassified nights, and it is
  // harmless on the others.
  stay.price_per_night = PriceIn(profile, month);
  return stay;
}

// One guest after another in a meublé, a chambre d'hôtes or a yurt: on each free day a stay
// starts with the probability that fills the month's share of nights.
StaysByMonth LodgingStays(DemoRandom& random, const Accommodation& accommodation,
                          const Profile& profile, const DeclarationSettings& settings,
                          const DemoMonths& months) {
  StaysByMonth by_month;
  const Day end = LastDay(months.last);
  Day day = AddDays(FirstDay(months.first), -10);  // a stay may begin the month before
  while (day <= end) {
    const Month month = MonthOf(day);
    const int occupancy = OccupancyPercent(month);
    const int mean_length = HighSeason(month) ? 6 : 2;
    const int start_per_mille =
        std::min(1000, 1000 * occupancy / ((100 - occupancy) * mean_length));
    if (static_cast<int>(random.Below(1000)) >= start_per_mille) {
      day = AddDays(day, 1);
      continue;
    }
    const int nights = DrawLength(random, month);
    if (AddDays(day, nights) > end) break;
    if (OpenEveryNight(accommodation, day, nights)) {
      const int guests = DrawGuests(random, accommodation.capacity_persons);
      File(MakeStay(random, profile, day, nights, guests), settings, months, by_month);
    }
    day = AddDays(day, nights + random.Between(0, 1));  // a day to clean, sometimes
  }
  return by_month;
}

// One month of a larger establishment: grouped arrivals until the month's nights are filled.
void EstablishmentMonth(DemoRandom& random, const Accommodation& accommodation,
                        const Profile& profile, const DeclarationSettings& settings,
                        const DemoMonths& months, Month month, StaysByMonth& by_month) {
  const int open = OpenNights(accommodation, month);
  if (open == 0) return;
  const EstablishmentShape shape = ShapeOf(accommodation.nature);
  const int target =
      accommodation.capacity_persons * open * OccupancyPercent(month) * shape.fill_percent / 10000;
  const int mean_nights = (shape.min_nights + shape.max_nights) / 2;
  const int per_line =
      (target + kMaxEstablishmentLines * mean_nights - 1) / (kMaxEstablishmentLines * mean_nights);
  const int largest_group = std::clamp(2 * per_line, 2, accommodation.capacity_persons);
  const Day first = FirstDay(month);
  int person_nights = 0;
  int lines = 0;
  for (int attempt = 0; attempt < 3 * kMaxEstablishmentLines && lines < kMaxEstablishmentLines &&
                        person_nights < target;
       ++attempt) {
    const int nights = random.Between(shape.min_nights, shape.max_nights);
    // Under the departure month rule the guests leave this month; otherwise they arrive in it.
    const Day arrival = settings.stay_month_rule == StayMonthRule::kDepartureMonth
                            ? AddDays(random.DayBetween(first, LastDay(month)), -nights)
                            : random.DayBetween(first, AddDays(LastDay(month), 1 - nights));
    if (!OpenEveryNight(accommodation, arrival, nights)) continue;
    const int guests = random.Between(1, largest_group);
    File(MakeStay(random, profile, arrival, nights, guests), settings, months, by_month);
    person_nights += guests * nights;
    ++lines;
  }
}

StaysByMonth EstablishmentStays(DemoRandom& random, const Accommodation& accommodation,
                                const Profile& profile, const DeclarationSettings& settings,
                                const DemoMonths& months) {
  StaysByMonth by_month;
  for (Month month = months.first; month <= months.last; month += date::months{1}) {
    EstablishmentMonth(random, accommodation, profile, settings, months, month, by_month);
  }
  return by_month;
}

// The day the host submitted the month, or nullopt if they had not by `today` (forgotten, or
// late beyond it). Most submit in the first days of the next month, a sloppy one often late.
std::optional<Day> SubmissionDay(DemoRandom& random, Habit habit, Month month,
                                 const DeclarationSettings& settings, Day today) {
  const bool diligent = habit == Habit::kDiligent;
  if (random.Percent(diligent ? 1 : 8)) return std::nullopt;
  const Day due = DeclarationDueOn(month, settings);
  Day day = random.Percent(diligent ? 4 : 30)
                ? AddDays(due, random.Between(1, 70))
                : random.DayBetween(FirstDay(month + date::months{1}), due);
  if (day > today) return std::nullopt;
  return day;
}

// A correction of a declaration of stays, as hosts make them, with its reason in their words;
// nullopt when none of them fits these stays.
std::optional<DemoSubmission> Correct(DemoRandom& random, const Accommodation& accommodation,
                                      const DemoSubmission& first, Day day) {
  DemoSubmission revision{DeclarationKind::kStays, first.stays, day, std::nullopt};
  const std::size_t line = random.Below(revision.stays.size());
  StayLine& stay = revision.stays[line];
  switch (random.Below(5)) {
    case 0:
      if (stay.occupants - stay.exempt.Total() < 2) break;
      ++stay.exempt.minors;
      revision.reason = "Un enfant de moins de 18 ans avait été compté comme adulte.";
      return revision;
    case 1:
      // Under the departure month rule, the earlier departure must stay in the declared month.
      if (stay.nights < 2 || DepartureDay(stay).day() == date::day{1}) break;
      --stay.nights;
      revision.reason = "Départ anticipé : le séjour a compté une nuit de moins.";
      return revision;
    case 2:
      if (stay.occupants >= accommodation.capacity_persons) break;
      ++stay.occupants;
      revision.reason = "Un voyageur de plus a rejoint le séjour.";
      return revision;
    case 3:
      if (revision.stays.size() < 2) break;
      revision.stays.erase(revision.stays.begin() + static_cast<std::ptrdiff_t>(line));
      revision.reason = "Séjour annulé, déclaré par erreur.";
      return revision;
    default:
      if (stay.collector != Collector::kHost) break;
      stay.collector = Collector::kAirbnb;
      revision.reason = "Séjour réservé et payé sur Airbnb : la plateforme a collecté la taxe.";
      return revision;
  }
  return std::nullopt;
}

// What the host submitted for one month, if anything: stays, a nil return, or a closed month,
// sometimes corrected afterwards.
std::optional<DemoDeclaration> DeclareMonth(DemoRandom& random, std::size_t index,
                                            const Accommodation& accommodation,
                                            const Profile& profile,
                                            const std::vector<StayLine>& stays, Month month,
                                            const DeclarationSettings& settings, Day today) {
  const auto day = SubmissionDay(random, profile.habit, month, settings, today);
  if (!day || MonthRefusal(accommodation, month, *day)) return std::nullopt;
  const Day correction_day = AddDays(*day, random.Between(3, 45));
  const bool corrected = correction_day <= today;
  const bool only_platforms = std::all_of(stays.begin(), stays.end(), [](const StayLine& stay) {
    return CollectedByPlatform(stay.collector);
  });
  DemoDeclaration declaration{index, month, {}};
  if (stays.empty()) {
    const bool closed = OpenNights(accommodation, month) == 0;
    declaration.submissions.push_back(
        {closed ? DeclarationKind::kClosed : DeclarationKind::kNil, {}, *day, std::nullopt});
  } else if (only_platforms && random.Percent(20)) {
    // "Nothing collected directly": all this host owes the collectivity is a nil return.
    declaration.submissions.push_back({DeclarationKind::kNil, {}, *day, std::nullopt});
  } else if (corrected && random.Percent(1)) {
    // A nil return filed by mistake, then the month's stays.
    declaration.submissions.push_back({DeclarationKind::kNil, {}, *day, std::nullopt});
    declaration.submissions.push_back(
        {DeclarationKind::kStays, stays, correction_day,
         "Déclaration néant déposée par erreur : voici les séjours du mois."});
  } else {
    declaration.submissions.push_back({DeclarationKind::kStays, stays, *day, std::nullopt});
    if (corrected && random.Percent(5)) {
      auto revision =
          Correct(random, accommodation, declaration.submissions.front(), correction_day);
      if (revision) declaration.submissions.push_back(std::move(*revision));
    }
  }
  return declaration;
}

}  // namespace

DemoMonths DemoDeclarationMonths(Day today) {
  const Month last = MonthOf(today) - date::months{1};
  return {last - date::months{kDemoMonthCount - 1}, last};
}

std::vector<DemoDeclaration> MakeDemoDeclarations(const DemoTerritory& territory,
                                                  const DeclarationSettings& settings, Day today) {
  DemoRandom random(kDeclarationSeed);
  const DemoMonths months = DemoDeclarationMonths(today);
  std::vector<DemoDeclaration> declarations;
  for (std::size_t index = 0; index < territory.accommodations.size(); ++index) {
    const Accommodation& accommodation = territory.accommodations[index];
    const Profile profile = MakeProfile(random, accommodation);
    const StaysByMonth stays =
        IsLargerEstablishment(accommodation.nature)
            ? EstablishmentStays(random, accommodation, profile, settings, months)
            : LodgingStays(random, accommodation, profile, settings, months);
    if (profile.habit == Habit::kNever) continue;
    for (Month month = months.first; month <= months.last; month += date::months{1}) {
      const auto found = stays.find(month);
      const std::vector<StayLine> none;
      auto declaration =
          DeclareMonth(random, index, accommodation, profile,
                       found == stays.end() ? none : found->second, month, settings, today);
      if (declaration) declarations.push_back(std::move(*declaration));
    }
  }
  return declarations;
}

}  // namespace nuitee::demo
