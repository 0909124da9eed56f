// The avis de taxation d'office from the revision being issued.
#include "api/routes/assessment_notice.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

#include "letters/letters.hpp"

namespace nuitee::api {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream stream(text);
  std::string line;
  while (std::getline(stream, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string CommuneName(const Collectivity& collectivity, const std::string& insee_code) {
  const Commune* commune = collectivity.FindCommune(insee_code);
  return commune ? commune->name : insee_code;
}

}  // namespace

Result<std::string> RenderAvis(const AvisFacts& facts) {
  // The letter is signed: without a signatory in the settings it cannot be sent (409, with what
  // to do), rather than a 400 about a field the client never sent.
  if (facts.policy.letter_signatory.empty()) {
    return Fail(Error::FailedPrecondition(
        "Indiquez le signataire des courriers dans les réglages de relance "
        "(« letter_signatory ») avant d'émettre un avis de taxation d'office."));
  }
  const auto& revision = facts.revision;
  const std::string commune =
      CommuneName(facts.collectivity, facts.accommodation.commune_insee_code);
  letters::AssessmentNoticeLetter letter;
  letter.letterhead = {
      facts.policy.letter_sender.empty() ? facts.collectivity.name : facts.policy.letter_sender,
      Lines(facts.policy.letter_address), facts.policy.letter_signatory,
      facts.policy.letter_contact};
  letter.recipient = {
      facts.host.legal_name,
      {facts.host.address.line, facts.host.address.postal_code + " " + facts.host.address.city}};
  letter.collectivity_name = facts.collectivity.name;
  letter.place = commune;
  letter.dated_on = *revision.notified_on;
  letter.reference =
      "TO-" + FormatIsoMonth(revision.month) + "-" + revision.accommodation_id.substr(0, 8);
  letter.accommodation_name = facts.accommodation.name;
  letter.accommodation_address =
      facts.accommodation.address_line + ", " + facts.accommodation.postal_code + " " + commune;
  letter.month = revision.month;
  letter.capacity_persons = revision.capacity_persons;
  letter.nights = revision.nights;
  letter.tax = revision.tax;
  for (const auto& each : nlohmann::json::parse(revision.additional_taxes_json)) {
    letter.additional_taxes.push_back({each.value("label", std::string("Taxe additionnelle")),
                                       Money::Cents(each.value("amount_cents", 0LL))});
  }
  letter.total = revision.total;
  for (const auto& sentence : nlohmann::json::parse(revision.explanation_json)) {
    if (sentence.is_string()) letter.explanation.push_back(sentence.get<std::string>());
  }
  letter.adjustment_reason = revision.reason.value_or("");
  letter.formal_notice_delivered_on = facts.notice_delivered_on;
  letter.recoverable_from = *revision.recoverable_from;
  auto pdf = letters::RenderAssessmentNotice(letter);
  if (!pdf && pdf.error().code == ErrorCode::kInvalidArgument) {
    // What the letter lacks comes from the register or the settings, not from the request.
    return Fail(
        Error::FailedPrecondition("L'avis ne peut pas être établi : " + pdf.error().message));
  }
  return pdf;
}

}  // namespace nuitee::api
