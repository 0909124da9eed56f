// A collectivity's wording of its mails on a real database, and QueueMail, which renders the
// wording in force into the outbox.
#include "persistence/mail_template_repository.hpp"

#include <gtest/gtest.h>

#include "persistence/collectivity_repository.hpp"
#include "persistence/mail_queue.hpp"
#include "tests/support/sample_register.hpp"
#include "tests/support/test_database.hpp"

namespace nuitee::persistence {
namespace {

class MailTemplateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = db_.database().InTransaction([&](Transaction& tx) {
      return CollectivityRepository::Insert(tx, testing::SampleCollectivity("200066637"));
    });
    ASSERT_TRUE(made) << made.error().message;
    collectivity_ = made->id;
  }

  StoredMailTemplate Append(const std::optional<MailTemplate>& own) {
    return *db_.database().InTransaction([&](Transaction& tx) -> Result<StoredMailTemplate> {
      return MailTemplateRepository::Append(tx, collectivity_, MailKind::kInvitation, own,
                                            "referente");
    });
  }

  StoredMailTemplate Latest() {
    return *db_.database().InTransaction([&](Transaction& tx) -> Result<StoredMailTemplate> {
      return MailTemplateRepository::Latest(tx, collectivity_, MailKind::kInvitation);
    });
  }

  Result<QueuedMail> Queue(MailKind kind, MailValues values) {
    return db_.database().InTransaction([&](Transaction& tx) {
      return QueueMail(
          tx, {collectivity_, kind, "jeanne.vidal@example.fr", std::move(values), "referente"});
    });
  }

  static MailValues LinkValues() {
    return {{"destinataire", "Jeanne Vidal"},
            {"lien", "https://nuitee.example/i/abc"},
            {"date_limite", "30 novembre 2026 à 14 h 05"}};
  }

  testing::TestDatabase db_;
  CollectivityId collectivity_;
};

TEST_F(MailTemplateTest, NuiteesTextIsInForceUntilTheCollectivityWritesItsOwn) {
  const StoredMailTemplate none = Latest();
  EXPECT_TRUE(none.is_default());
  EXPECT_EQ(none.version, 0);
  EXPECT_EQ(none.Effective(), DefaultMailTemplate(MailKind::kInvitation));
}

TEST_F(MailTemplateTest, EachChangeIsANewVersionAndTheDefaultCanComeBack) {
  const MailTemplate own{"Taxe de séjour : votre accès", "Madame, Monsieur,\n{{lien}}\n"};
  const StoredMailTemplate first = Append(own);
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.recorded_by, "referente");
  EXPECT_EQ(Latest().Effective(), own);
  EXPECT_FALSE(Latest().is_default());

  const StoredMailTemplate back = Append(std::nullopt);
  EXPECT_EQ(back.version, 2);
  EXPECT_TRUE(Latest().is_default());
  EXPECT_EQ(Latest().Effective(), DefaultMailTemplate(MailKind::kInvitation));
  EXPECT_EQ(db_.CountRows("SELECT count(*) FROM mail_template_versions"), 2);
  EXPECT_ANY_THROW(db_.Execute("UPDATE mail_template_versions SET subject = 'x'"));
  EXPECT_ANY_THROW(db_.Execute("DELETE FROM mail_template_versions"));
}

TEST_F(MailTemplateTest, QueueMailRendersTheCollectivitysWordingWithItsName) {
  Append(MailTemplate{"{{collectivite}} vous invite", "Bonjour {{destinataire}},\n{{lien}}\n"});
  auto queued = Queue(MailKind::kInvitation, LinkValues());
  ASSERT_TRUE(queued) << queued.error().message;
  EXPECT_EQ(queued->subject, "CC des Monts du Test vous invite");
  EXPECT_EQ(queued->body, "Bonjour Jeanne Vidal,\nhttps://nuitee.example/i/abc\n");
  EXPECT_EQ(queued->kind, "invitation");
  EXPECT_EQ(queued->created_by, "referente");
  EXPECT_EQ(queued->collectivity, collectivity_);
}

TEST_F(MailTemplateTest, QueueMailFallsBackToNuiteesTextWhenTheStoredOneNoLongerRenders) {
  // A wording accepted by an older Nuitée, whose placeholder no longer exists.
  db_.Execute(
      "INSERT INTO mail_template_versions (collectivity_id, kind, version, subject, body, "
      "recorded_by) VALUES ('" +
      collectivity_.value() +
      "', 'invitation', 1, 'Sujet', '{{ancienne_variable}} {{lien}}', 'ancien')");
  auto queued = Queue(MailKind::kInvitation, LinkValues());
  ASSERT_TRUE(queued) << queued.error().message;
  auto expected = RenderMail(DefaultMailTemplate(MailKind::kInvitation), [] {
    MailValues values = LinkValues();
    values["collectivite"] = "CC des Monts du Test";
    return values;
  }());
  EXPECT_EQ(queued->subject, expected->subject);
  EXPECT_EQ(queued->body, expected->body);
}

TEST_F(MailTemplateTest, QueueMailRefusesAnUnknownCollectivity) {
  auto queued = db_.database().InTransaction([&](Transaction& tx) {
    return QueueMail(tx, {CollectivityId("00000000-0000-0000-0000-000000000000"),
                          MailKind::kTest,
                          "jeanne.vidal@example.fr",
                          {},
                          "x"});
  });
  ASSERT_FALSE(queued);
  EXPECT_EQ(queued.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace nuitee::persistence
