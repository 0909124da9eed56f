// PayFiP's two SOAP messages: what Nuitée sends, and how it reads the answers.
#include "payments/payfip_soap.hpp"

#include <gtest/gtest.h>

namespace nuitee::payments {
namespace {

TEST(PayfipSoap, TheCreationEnvelopeCarriesEveryArgumentEscaped) {
  PaymentRequest request;
  request.year = 2026;
  request.debt_reference = "TS0000004217";
  request.amount = Money::Cents(1925);
  request.payer_email = "jeanne@vidal.fr";
  request.object = "Taxe <séjour> & co";
  request.notification_url = "https://nuitee.example/v1/payments/notifications/payfip";
  request.redirect_url = "https://nuitee.example/retour?a=1&b=2";
  const std::string xml = CreerPaiementSecuriseEnvelope(request, "012345", "T");
  EXPECT_NE(xml.find("xmlns:pai=\"http://securite.service.tpa.cp.finances.gouv.fr/services/"
                     "mas_securite/contrat_paiement_securise/PaiementSecuriseService\""),
            std::string::npos);
  EXPECT_NE(xml.find("<pai:creerPaiementSecurise><arg0><exer>2026</exer><mel>jeanne@vidal.fr</mel>"
                     "<montant>1925</montant><numcli>012345</numcli>"
                     "<objet>Taxe &lt;séjour&gt; &amp; co</objet><refdet>TS0000004217</refdet>"
                     "<saisie>T</saisie>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<urlredirect>https://nuitee.example/retour?a=1&amp;b=2</urlredirect>"),
            std::string::npos);
}

TEST(PayfipSoap, TheDetailEnvelopeNamesTheOperation) {
  const std::string xml = RecupererDetailPaiementSecuriseEnvelope("ABC123");
  EXPECT_NE(xml.find("<pai:recupererDetailPaiementSecurise><arg0><idOp>ABC123</idOp></arg0>"),
            std::string::npos)
      << xml;
}

TEST(PayfipSoap, ReadsTheIdOpAndAFault) {
  auto idop = ReadCreerPaiementSecuriseReply(
      "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
      "<ns2:creerPaiementSecuriseResponse xmlns:ns2=\"urn:x\"><return><idOp>XYZ</idOp></return>"
      "</ns2:creerPaiementSecuriseResponse></S:Body></S:Envelope>");
  ASSERT_TRUE(idop);
  EXPECT_EQ(*idop, "XYZ");
  auto fault = ReadCreerPaiementSecuriseReply(
      "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><S:Fault>"
      "<faultstring>erreur</faultstring><detail><ns1:FonctionnelleErreur xmlns:ns1=\"urn:x\">"
      "<code>R3</code><libelle>Le format du parametre REFDET n'est pas conforme</libelle>"
      "</ns1:FonctionnelleErreur></detail></S:Fault></S:Body></S:Envelope>");
  ASSERT_FALSE(fault);
  EXPECT_EQ(fault.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(fault.error().message.find("R3"), std::string::npos);
  EXPECT_FALSE(ReadCreerPaiementSecuriseReply("pas du xml <"));
}

std::string Detail(const std::string& resultrans) {
  return "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
         "<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2=\"urn:x\"><return>"
         "<dattrans>20112026</dattrans><idOp>XYZ</idOp><montant>1925</montant>"
         "<refdet>TS0000004217</refdet><resultrans>" + resultrans +
         "</resultrans></return></ns2:recupererDetailPaiementSecuriseResponse></S:Body>"
         "</S:Envelope>";
}

TEST(PayfipSoap, OnlyResultransPIsPaid) {
  auto paid = ReadRecupererDetailPaiementSecuriseReply(Detail("P"));
  ASSERT_TRUE(paid);
  EXPECT_EQ(paid->outcome, PaymentOutcome::kPaid);
  EXPECT_EQ(paid->amount, Money::Cents(1925));
  EXPECT_EQ(paid->debt_reference, "TS0000004217");
  EXPECT_EQ(paid->paid_on, date::year{2026} / date::November / date::day{20});
  EXPECT_EQ(ReadRecupererDetailPaiementSecuriseReply(Detail("R"))->outcome,
            PaymentOutcome::kRefused);
  EXPECT_EQ(ReadRecupererDetailPaiementSecuriseReply(Detail("A"))->outcome,
            PaymentOutcome::kAbandoned);
  EXPECT_EQ(ReadRecupererDetailPaiementSecuriseReply(Detail("V"))->outcome,
            PaymentOutcome::kPending);
  EXPECT_EQ(ReadRecupererDetailPaiementSecuriseReply(Detail(""))->outcome,
            PaymentOutcome::kPending);
}

}  // namespace
}  // namespace nuitee::payments
