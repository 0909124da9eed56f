// Forfait simulator request and answer <-> JSON.
#include "api/json/flat_rate_quote_json.hpp"

#include "api/http/json_body.hpp"
#include "api/json/quote_json.hpp"

namespace nuitee::api {

using nlohmann::json;

Result<FlatRateQuoteRequest> FlatRateQuoteRequestFromJson(const json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  FlatRateQuoteRequest request;
  rates::FlatRateInput& input = request.input;
  input.commune_insee = reader.String("commune_insee", Presence::kRequired, 5).value_or("");
  input.year = static_cast<int>(reader.Integer("year", Presence::kRequired, 2019, 2199).value_or(0));
  if (auto category = reader.String("category", Presence::kRequired, 20)) {
    if (auto parsed = rates::ParseCategory(*category)) {
      input.category = *parsed;
    } else {
      errors.Add("/category",
                 "Catégorie inconnue : palace, star5, star4, star3, star2, star1, camping_3_5 ou "
                 "camping_1_2.");
    }
  }
  if (auto nature = reader.String("nature", Presence::kOptional, 40)) {
    request.nature = ParseNature(*nature);
    if (!request.nature) {
      errors.Add("/nature", "« " + *nature +
                                " » n'est pas une nature d'hébergement connue (ex. hotel, camping).");
    }
  }
  input.capacity_units = static_cast<int>(
      reader.Integer("capacity_units", Presence::kRequired, 1, 100000).value_or(0));
  input.nights_open =
      static_cast<int>(reader.Integer("nights_open", Presence::kRequired, 0, 366).value_or(0));
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

json FlatRateQuoteToJson(const rates::FlatRateInput& input, const rates::FlatRateTax& tax) {
  json answer = json::object();
  answer["year"] = input.year;
  answer["category"] = rates::CategoryName(input.category);
  answer["capacity_units"] = input.capacity_units;
  answer["nights_open"] = input.nights_open;
  answer["tariff_cents"] = tax.tariff.cents();
  // The tariff as deliberated, when it lies outside the year's legal grid (L. 2333-30).
  if (tax.deliberated_tariff) answer["deliberated_tariff_cents"] = tax.deliberated_tariff->cents();
  answer["abatement_bp"] = tax.abatement.value;
  answer["tax_cents"] = tax.tax.cents();
  answer["additional_taxes"] = AdditionalTaxesJson(tax.additional_taxes);
  answer["total_cents"] = tax.total.cents();
  answer["deliberation_version"] = tax.deliberation_version;
  json& explanation = answer["explanation"] = json::array();
  for (auto& line : rates::ExplainInFrench(input, tax)) explanation.push_back(std::move(line));
  return answer;
}

}  // namespace nuitee::api
