// A collectivity's enforcement settings on a real database: versions, the latest in force.
#include "persistence/enforcement_settings_repository.hpp"

#include <gtest/gtest.h>

#include "persistence/collectivity_repository.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

class EnforcementSettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = db_.database().InTransaction([&](Transaction& tx) {
      return CollectivityRepository::Insert(tx, testing::SampleCollectivity("200066637"));
    });
    ASSERT_TRUE(made) << made.error().message;
    collectivity_ = made->id;
  }

  StoredEnforcementPolicy Append(const EnforcementPolicy& policy) {
    return *db_.database().InTransaction([&](Transaction& tx) -> Result<StoredEnforcementPolicy> {
      return EnforcementSettingsRepository::Append(tx, collectivity_, policy, "referente");
    });
  }

  StoredEnforcementPolicy Latest() {
    return *db_.database().InTransaction([&](Transaction& tx) -> Result<StoredEnforcementPolicy> {
      return EnforcementSettingsRepository::Latest(tx, collectivity_);
    });
  }

  testing::TestDatabase db_;
  CollectivityId collectivity_;
};

TEST_F(EnforcementSettingsTest, ChasesNothingWithTheDefaultDelaysUntilSet) {
  const StoredEnforcementPolicy none = Latest();
  EXPECT_EQ(none.version, 0);
  EXPECT_EQ(none.policy, EnforcementPolicy{});
  EXPECT_FALSE(none.policy.chased_from);
  EXPECT_EQ(none.policy.delays.second_reminder_after_days, 10);
  EXPECT_EQ(none.policy.delays.formal_notice_after_days, 15);
}

TEST_F(EnforcementSettingsTest, EachChangeIsANewVersionAndTheLatestIsInForce) {
  EnforcementPolicy policy;
  policy.chased_from = Month{date::year{2026}, date::month{1}};
  policy.delays = {7, 20};
  policy.letter_sender = "Communauté de communes Hautes Terres, service taxe de séjour";
  policy.letter_address = "4 rue Faubourg Notre-Dame\n15300 Murat";
  policy.letter_signatory = "La Présidente, Jeanne Vidal";
  policy.letter_contact = "04 71 20 00 00 · taxe@hautesterres.fr";
  const StoredEnforcementPolicy first = Append(policy);
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.policy, policy);
  EXPECT_EQ(first.recorded_by, "referente");

  policy.chased_from.reset();
  const StoredEnforcementPolicy second = Append(policy);
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(Latest().policy, policy);
  EXPECT_EQ(Latest().version, 2);
}

}  // namespace
}  // namespace nuitee::persistence
