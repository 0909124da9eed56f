// Nights open and their categories, for the amount at stake of a month not declared.
#include "domain/missing_month.hpp"

namespace nuitee {
namespace {

bool Closed(Day night, std::span<const DayRange> closures) {
  for (const DayRange& closure : closures) {
    if (closure.Contains(night)) return true;
  }
  return false;
}

rates::Category CategoryOf(Day night, std::span<const CategoryPeriod> periods,
                           rates::Category unclassified) {
  for (const CategoryPeriod& period : periods) {
    if (period.from <= night && night <= period.to) return period.category;
  }
  return unclassified;
}

}  // namespace

std::optional<OpenNights> OpenNightsIn(Month month, std::optional<Day> opened_on,
                                       std::optional<Day> ceased_on,
                                       std::span<const DayRange> closures) {
  const Day first = month / date::day{1};
  const Day last = month / date::last;
  std::optional<OpenNights> open;
  for (Day night = first; night <= last; night = AddDays(night, 1)) {
    if (opened_on && night < *opened_on) continue;
    if (ceased_on && night >= *ceased_on) break;
    if (Closed(night, closures)) continue;
    if (!open) open = OpenNights{night, 0};
    ++open->nights;
  }
  return open;
}

std::vector<rates::CategoryFrom> CategoriesOfNights(const OpenNights& run,
                                                    std::span<const CategoryPeriod> periods,
                                                    rates::Category unclassified) {
  std::vector<rates::CategoryFrom> timeline;
  timeline.push_back({run.first_night, CategoryOf(run.first_night, periods, unclassified)});
  for (int i = 1; i < run.nights; ++i) {
    const Day night = AddDays(run.first_night, i);
    const rates::Category category = CategoryOf(night, periods, unclassified);
    if (category != timeline.back().category) timeline.push_back({night, category});
  }
  return timeline;
}

}  // namespace nuitee
