// Recipients and the sender's mailbox: nothing that could smuggle an SMTP command or a header.
#include "domain/mail_address.hpp"

#include <gtest/gtest.h>

namespace nuitee {
namespace {

TEST(IsDeliverableAddress, AcceptsOrdinaryAddresses) {
  EXPECT_TRUE(IsDeliverableAddress("jeanne.vidal@example.fr"));
  EXPECT_TRUE(IsDeliverableAddress("gite+murat@mairie-murat.fr"));
}

TEST(IsDeliverableAddress, RefusesWhatCouldInjectCommandsOrHeaders) {
  EXPECT_FALSE(IsDeliverableAddress("a@example.fr\r\nRCPT TO:<b@example.fr>"));
  EXPECT_FALSE(IsDeliverableAddress("a@example.fr>"));
  EXPECT_FALSE(IsDeliverableAddress("<a@example.fr"));
  EXPECT_FALSE(IsDeliverableAddress("\"a b\"@example.fr"));
  EXPECT_FALSE(IsDeliverableAddress("a@example.fr,b@example.fr"));
  EXPECT_FALSE(IsDeliverableAddress("jérôme@example.fr"));
  EXPECT_FALSE(IsDeliverableAddress("sans-arobase.example.fr"));
  EXPECT_FALSE(IsDeliverableAddress(""));
}

TEST(ParseMailbox, ReadsABareAddress) {
  auto mailbox = ParseMailbox(" taxe@example.fr ");
  ASSERT_TRUE(mailbox.has_value());
  EXPECT_EQ(*mailbox, (Mailbox{"", "taxe@example.fr"}));
}

TEST(ParseMailbox, ReadsADisplayNameQuotedOrNot) {
  EXPECT_EQ(ParseMailbox("Taxe de séjour <taxe@example.fr>"),
            (Mailbox{"Taxe de séjour", "taxe@example.fr"}));
  EXPECT_EQ(ParseMailbox("\"Nuitée\" <nuitee@example.fr>"),
            (Mailbox{"Nuitée", "nuitee@example.fr"}));
  EXPECT_EQ(ParseMailbox("<nuitee@example.fr>"), (Mailbox{"", "nuitee@example.fr"}));
}

TEST(ParseMailbox, RefusesBrokenMailboxes) {
  EXPECT_FALSE(ParseMailbox("Nuitée nuitee@example.fr>").has_value());
  EXPECT_FALSE(ParseMailbox("Nuitée <pas une adresse>").has_value());
  EXPECT_FALSE(ParseMailbox("Nui\ntée <nuitee@example.fr>").has_value());
  EXPECT_FALSE(ParseMailbox("").has_value());
}

}  // namespace
}  // namespace nuitee
