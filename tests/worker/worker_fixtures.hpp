// A small territory for the worker's tests: one collectivity that chases from a given month, its
// hosts and accommodations, a deliberation, and the calendar run in-process with an injected day.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "persistence/accommodation_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/deliberation_repository.hpp"
#include "persistence/enforcement_settings_repository.hpp"
#include "persistence/host_repository.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"
#include "worker/calendar_pass.hpp"

namespace nuitee::testing {

inline Day On(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}
inline Month MonthOf(int year, unsigned month) {
  return Month{date::year{year}, date::month{month}};
}

inline rates::Deliberation WorkerDeliberation(int year) {
  rates::Deliberation deliberation;
  deliberation.year = year;
  deliberation.adopted_on = On(year - 1, 6, 20);
  deliberation.perception_periods = {{On(year, 1, 1), On(year, 12, 31)}};
  deliberation.tariffs = {Money::Cents(400), Money::Cents(230), Money::Cents(165),
                          Money::Cents(110), Money::Cents(80),  Money::Cents(70),
                          Money::Cents(55),  Money::Cents(20)};
  deliberation.unclassified_rate = {500};
  deliberation.communes = {"15138", "15001"};
  deliberation.additional_taxes = {
      {rates::Beneficiary::kDepartement, "", {1000}, On(year, 1, 1), std::nullopt}};
  return deliberation;
}

// A PDF stand-in until the letters library renders them: what the letter says, as text.
inline Result<std::string> FakeFormalNotice(const letters::FormalNoticeLetter& letter) {
  std::string text = "%PDF-fake " + letter.recipient.name;
  for (const auto& each : letter.missing) {
    text += " | " + each.accommodation_name + " " + FormatIsoMonth(each.month) + " " +
            std::to_string(each.estimated_tax.cents());
  }
  return text;
}

class WorkerTerritory {
 public:
  explicit WorkerTerritory(TestDatabase& db, Month chased_from, std::string siren = "200066637")
      : db_(db) {
    auto made = db_.database().InTransaction([&](persistence::Transaction& tx) {
      return persistence::CollectivityRepository::Insert(tx, SampleCollectivity(siren));
    });
    EXPECT_TRUE(made) << made.error().message;
    collectivity_ = made->id;
    auto set = db_.database().Run([&](persistence::Transaction& tx) -> Status {
      EnforcementPolicy policy;
      policy.chased_from = chased_from;
      policy.letter_sender = "CC des Monts du Test, service taxe de séjour";
      policy.letter_address = "1 place de l'Hôtel de ville\n15300 Murat";
      policy.letter_signatory = "La Présidente, Jeanne Vidal";
      policy.letter_contact = "04 71 00 00 00";
      persistence::EnforcementSettingsRepository::Append(tx, collectivity_, policy, "referente");
      for (int year = int(chased_from.year()); year <= int(chased_from.year()) + 1; ++year) {
        auto added = persistence::DeliberationRepository::Append(
            tx, collectivity_, WorkerDeliberation(year), "referente", "api", std::nullopt);
        if (!added) return Fail(added.error());
      }
      return {};
    });
    EXPECT_TRUE(set) << set.error().message;
  }

  std::string AddHost(const std::string& name, const std::string& email) {
    Host host = SampleHost(collectivity_, name);
    host.email = email;
    auto made = db_.database().InTransaction([&](persistence::Transaction& tx) {
      return persistence::HostRepository::Insert(tx, host);
    });
    EXPECT_TRUE(made) << made.error().message;
    return made->id.value();
  }

  // `change` adjusts the sample accommodation (marketing, closures, dates…).
  template <class Change>
  std::string AddAccommodation(const std::string& host, const std::string& name, Change change) {
    ++count_;
    Accommodation accommodation = SampleAccommodation(
        collectivity_, HostId(host), "15138" + std::to_string(100000 + count_) + "AB",
        std::to_string(count_) + " rue du Lac");
    accommodation.name = name;
    accommodation.opened_on = On(2020, 1, 1);
    change(accommodation);
    auto made = db_.database().InTransaction([&](persistence::Transaction& tx) {
      return persistence::AccommodationRepository::Insert(tx, accommodation, "hôte");
    });
    EXPECT_TRUE(made) << made.error().message;
    return made->id.value();
  }
  std::string AddAccommodation(const std::string& host, const std::string& name) {
    return AddAccommodation(host, name, [](Accommodation&) {});
  }

  // A submission of the month, as the declaration routes leave it (latest_revision > 0).
  void Declare(const std::string& accommodation, Month month) {
    db_.Execute(
        "INSERT INTO declaration_months (accommodation_id, month, collectivity_id, "
        "host_id, latest_revision) SELECT id, '" +
        FormatIsoMonth(month) +
        "-01', collectivity_id, host_id, 1 FROM accommodations "
        "WHERE id = '" +
        accommodation +
        "' ON CONFLICT (accommodation_id, month) DO "
        "UPDATE SET latest_revision = 1");
  }

  worker::CalendarPassReport Pass(Day today) {
    worker::CalendarPassOptions options;
    options.today = today;
    options.portal_url = "https://nuitee.example";
    options.render_formal_notice = FakeFormalNotice;
    auto report = worker::RunCalendarPass(db_.database(), options);
    EXPECT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->batches_failed, 0) << FormatIsoDate(today);
    return *report;
  }

  const CollectivityId& collectivity() const { return collectivity_; }

 private:
  TestDatabase& db_;
  CollectivityId collectivity_;
  int count_ = 0;
};

}  // namespace nuitee::testing
