// Taxations d'office end to end through HTTP: the worker's proposal (inserted here with the
// repository, as the worker does), the referent's adjustment, the issue with its avis PDF (read
// back with pdftotext) and the 30 days before recovery, and what a host may see.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>

#include "persistence/office_assessment_repository.hpp"
#include "tests/support/api_fixtures.hpp"
#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using nlohmann::json;
using persistence::OfficeAssessmentRevision;
using testing::HttpResponse;
using testing::TestServer;

// The text of a PDF, as pdftotext (poppler-utils) extracts it.
std::string PdfText(const std::string& pdf) {
  const std::string path = ::testing::TempDir() + "avis-taxation-office.pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  std::string text;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(
      popen(("pdftotext -layout " + path + " -").c_str(), "r"), pclose);
  if (!pipe) return text;
  std::array<char, 4096> buffer;
  while (std::size_t read = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) {
    text.append(buffer.data(), read);
  }
  return text;
}

class OfficeAssessments : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& client = server_.client();
    collectivity_ = testing::CreateCollectivity(client);
    server_.ActAsStaff(collectivity_);
    host_ = testing::CreateHost(client, collectivity_, "Anne Aubrac");
    rental_ = testing::CreateRental(client, collectivity_, host_, "000101", 4, "2025-03-01");
    ASSERT_EQ(
        testing::PutDeliberation(client, collectivity_, 2026, testing::DeliberationBody()).status,
        201);
    host_token_ = server_.SignIn(UserKind::kHost, "anne@aubrac.fr", collectivity_, {}, {host_});
    PutLetterhead("Le Président, Jean Dupont");
  }

  void PutLetterhead(const std::string& signatory) {
    const json settings = {{"chased_from", "2026-09"},
                           {"second_reminder_after_days", 10},
                           {"formal_notice_after_days", 15},
                           {"letter_sender", "Communauté de communes du Pays de Murat"},
                           {"letter_address", "4 rue de la Mairie\n15300 Murat"},
                           {"letter_signatory", signatory},
                           {"letter_contact", "04 71 00 00 00"}};
    const std::string path = "/v1/collectivities/" + collectivity_ + "/enforcement-settings";
    std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
    const std::string etag = server_.client().Get(path).Header("etag");
    if (!etag.empty()) headers["If-Match"] = etag;
    auto put = server_.client().Request("PUT", path, settings.dump(), headers);
    ASSERT_EQ(put.status, 200) << put.body;
  }

  // September 2026 as the worker leaves it: the mise en demeure delivered on 10 October, then
  // revision 1 proposed by the formula (4 persons × 30 nights × 4,00 € + 10 %).
  void ProposeSeptember(bool delivered = true) {
    server_.db().Execute(
        "INSERT INTO enforcement_steps (collectivity_id, host_id, accommodation_id, month, kind, "
        "due_on, taken_on, created_by, delivered_on, delivery_recorded_by, delivery_recorded_at) "
        "VALUES ('" +
        collectivity_ + "', '" + host_ + "', '" + rental_ +
        "', '2026-09-01', 'formal_notice', '2026-10-02', '2026-10-02', 'worker', " +
        (delivered ? "'2026-10-10', 'referente', now()" : "NULL, NULL, NULL") + ")");
    OfficeAssessmentRevision proposal;
    proposal.collectivity_id = CollectivityId(collectivity_);
    proposal.host_id = HostId(host_);
    proposal.accommodation_id = rental_;
    proposal.month = nuitee::Month{date::year{2026}, date::September};
    proposal.capacity_persons = 4;
    proposal.nights = 30;
    proposal.tax = Money::Cents(48000);
    proposal.additional_taxes_json =
        R"([{"beneficiary": "departement", "label": "Taxe additionnelle départementale",)"
        R"( "rate_bp": 1000, "amount_cents": 4800}])";
    proposal.additional = Money::Cents(4800);
    proposal.total = Money::Cents(52800);
    proposal.computed_total = proposal.total;
    proposal.explanation_json = R"(["Taxation d'office (CGCT L. 2333-38)."])";
    proposal.deliberation_version = 1;
    proposal.recorded_by = "worker";
    auto stored = server_.db().database().InTransaction(
        [&](persistence::Transaction& tx) -> Result<OfficeAssessmentRevision> {
          return persistence::OfficeAssessmentRepository::Append(tx, proposal);
        });
    ASSERT_TRUE(stored) << stored.error().message;
  }

  std::string MonthPath(const std::string& rest = "") const {
    return "/v1/accommodations/" + rental_ + "/office-assessments/2026-09" + rest;
  }

  long long Revisions() {
    return server_.db().CountRows("SELECT count(*) FROM office_assessments");
  }

  TestServer server_;
  std::string collectivity_;
  std::string host_;
  std::string rental_;
  std::string host_token_;
};

TEST_F(OfficeAssessments, AnAdjustmentAwayFromTheFormulaNeedsAWrittenReason) {
  ProposeSeptember();
  auto proposed = server_.client().Get(MonthPath());
  ASSERT_EQ(proposed.status, 200) << proposed.body;
  EXPECT_EQ(proposed.Json()["latest"]["status"], "proposed");
  EXPECT_EQ(proposed.Json()["latest"]["total_cents"], 52800);

  auto refused = server_.client().PostJson(MonthPath("/revisions"), {{"total_cents", 40000}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json()["errors"][0]["pointer"], "/reason");
  EXPECT_NE(refused.body.find("motif"), std::string::npos) << refused.body;
  auto negative = server_.client().PostJson(MonthPath("/revisions"),
                                            {{"tax_cents", -1}, {"reason", "Erreur."}});
  ASSERT_EQ(negative.status, 400) << negative.body;
  EXPECT_EQ(negative.Json()["errors"][0]["pointer"], "/tax_cents");
  EXPECT_EQ(Revisions(), 1) << "nothing stored";

  auto adjusted = server_.client().PostJson(
      MonthPath("/revisions"),
      {{"total_cents", 40000}, {"reason", "Fermé huit nuits pour travaux (factures reçues)."}});
  ASSERT_EQ(adjusted.status, 201) << adjusted.body;
  const json latest = adjusted.Json()["latest"];
  EXPECT_EQ(latest["revision"], 2);
  EXPECT_EQ(latest["status"], "proposed");
  EXPECT_EQ(latest["total_cents"], 40000);
  EXPECT_EQ(latest["additional_cents"], 4800) << "the additional taxes are kept";
  EXPECT_EQ(latest["tax_cents"], 35200);
  EXPECT_EQ(latest["computed_total_cents"], 52800);
  EXPECT_EQ(latest["recorded_by"], TestServer::StaffEmail(collectivity_));
  EXPECT_EQ(adjusted.Json()["revisions"].size(), 2u);
}

TEST_F(OfficeAssessments, IssuingStoresTheAvisRecoverableThirtyDaysLaterAndOnlyOnce) {
  ProposeSeptember();
  ASSERT_EQ(server_.client()
                .PostJson(MonthPath("/revisions"),
                          {{"total_cents", 40000}, {"reason", "Fermé huit nuits pour travaux."}})
                .status,
            201);
  auto issued = server_.client().PostJson(MonthPath("/issue"), {{"notified_on", "2026-11-20"}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  const json latest = issued.Json()["latest"];
  EXPECT_EQ(latest["status"], "issued");
  EXPECT_EQ(latest["revision"], 3);
  EXPECT_EQ(latest["notified_on"], "2026-11-20");
  EXPECT_EQ(latest["recoverable_from"], "2026-12-20");
  EXPECT_EQ(latest["total_cents"], 40000);
  EXPECT_EQ(issued.Header("location"), MonthPath("/avis"));

  auto avis = server_.client().Get(MonthPath("/avis"));
  ASSERT_EQ(avis.status, 200) << avis.body;
  EXPECT_EQ(avis.Header("content-type").rfind("application/pdf", 0), 0u);
  EXPECT_EQ(avis.body.rfind("%PDF", 0), 0u);
  const std::string text = PdfText(avis.body);
  EXPECT_NE(text.find("400,00"), std::string::npos) << text;
  EXPECT_NE(text.find("Anne Aubrac"), std::string::npos) << text;

  auto again = server_.client().PostJson(MonthPath("/issue"), {{"notified_on", "2026-11-21"}});
  EXPECT_EQ(again.status, 409) << again.body;
  auto late_change = server_.client().PostJson(MonthPath("/revisions"),
                                               {{"total_cents", 1000}, {"reason", "Trop tard."}});
  EXPECT_EQ(late_change.status, 409) << late_change.body;
  EXPECT_EQ(Revisions(), 3);

  auto history = server_.client().Get("/v1/accommodations/" + rental_ + "/enforcement-events");
  ASSERT_EQ(history.status, 200);
  std::vector<std::string> kinds;
  const json events = history.Json();
  for (const auto& event : events["items"]) kinds.push_back(event["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"assessment_adjusted", "assessment_issued"}));

  auto listed = server_.client().Get("/v1/collectivities/" + collectivity_ +
                                     "/office-assessments?status=issued");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json()["items"].size(), 1u);
  EXPECT_EQ(listed.Json()["items"][0]["host_name"], "Anne Aubrac");
  EXPECT_EQ(server_.client()
                .Get("/v1/collectivities/" + collectivity_ + "/office-assessments?status=proposed")
                .Json()["items"]
                .size(),
            0u);
}

TEST_F(OfficeAssessments, AHostSeesItsIssuedAssessmentAndAvisButNeverAProposal) {
  ProposeSeptember();
  auto as_host = testing::HttpClient::Bearer(host_token_);
  EXPECT_EQ(server_.client().Get(MonthPath(), as_host).status, 404);
  EXPECT_EQ(server_.client().Get(MonthPath("/avis"), as_host).status, 404);
  EXPECT_EQ(server_.client()
                .PostJson(MonthPath("/issue"), {{"notified_on", "2026-11-20"}}, as_host)
                .status,
            403);
  ASSERT_EQ(server_.client().PostJson(MonthPath("/issue"), {{"notified_on", "2026-11-20"}}).status,
            201);
  auto seen = server_.client().Get(MonthPath(), as_host);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.Json()["revisions"].size(), 1u) << "the proposal stays the collectivity's";
  EXPECT_EQ(seen.Json()["latest"]["status"], "issued");
  EXPECT_EQ(server_.client().Get(MonthPath("/avis"), as_host).status, 200);
}

TEST_F(OfficeAssessments, AMonthDeclaredMeanwhileIsNotIssued) {
  ProposeSeptember();
  auto nil = server_.client().PostJson(
      "/v1/accommodations/" + rental_ + "/declarations/2026-09/nil", json::object());
  ASSERT_EQ(nil.status / 100, 2) << nil.body;
  auto refused = server_.client().PostJson(MonthPath("/issue"), {{"notified_on", "2026-11-20"}});
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("déclaré entre-temps"), std::string::npos) << refused.body;
  EXPECT_EQ(Revisions(), 1);
}

TEST_F(OfficeAssessments, TheAvisWaitsForTheThirtyDaysTheNoticeLeft) {
  ProposeSeptember();
  auto early = server_.client().PostJson(MonthPath("/issue"), {{"notified_on", "2026-11-09"}});
  ASSERT_EQ(early.status, 422) << early.body;
  EXPECT_EQ(early.Json()["errors"][0]["pointer"], "/notified_on");
  EXPECT_NE(early.body.find("10/11/2026"), std::string::npos) << early.body;
  auto bad = server_.client().PostJson(MonthPath("/issue"), {{"notified_on", "le 20 novembre"}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.Json()["errors"][0]["pointer"], "/notified_on");
  EXPECT_EQ(Revisions(), 1);
}

TEST_F(OfficeAssessments, NoAvisWithoutASignatoryInTheSettings) {
  ProposeSeptember();
  PutLetterhead("");
  auto refused = server_.client().PostJson(MonthPath("/issue"), {{"notified_on", "2026-11-20"}});
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("signataire"), std::string::npos) << refused.body;
  EXPECT_EQ(Revisions(), 1);
}

TEST_F(OfficeAssessments, NoAvisWithoutTheDeliveryOfTheNotice) {
  ProposeSeptember(/*delivered=*/false);
  auto refused = server_.client().PostJson(MonthPath("/issue"), {{"notified_on", "2026-11-20"}});
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("mise en demeure"), std::string::npos) << refused.body;
  EXPECT_EQ(Revisions(), 1);
}

}  // namespace
}  // namespace nuitee
