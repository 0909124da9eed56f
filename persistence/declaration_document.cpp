// JSON documents of declarations, as stored in jsonb columns. A stored document that cannot be
// read back is a bug: nlohmann throws, and the route guard answers 500.
#include "persistence/declaration_document.hpp"

namespace nuitee::persistence {

nlohmann::json StayToDocument(const StayLine& stay) {
  nlohmann::json document = {{"arrival", FormatIsoDate(stay.arrival)},
                             {"nights", stay.nights},
                             {"occupants", stay.occupants},
                             {"exempt",
                              {{"minors", stay.exempt.minors},
                               {"seasonal_workers", stay.exempt.seasonal_workers},
                               {"emergency_housing", stay.exempt.emergency_housing},
                               {"low_rent", stay.exempt.low_rent}}},
                             {"collector", CollectorName(stay.collector)}};
  document["price_per_night_cents"] =
      stay.price_per_night ? nlohmann::json(stay.price_per_night->cents()) : nlohmann::json();
  return document;
}

StayLine StayFromDocument(const nlohmann::json& document) {
  StayLine stay;
  stay.arrival = ParseIsoDate(document.at("arrival").get<std::string>()).value();
  stay.nights = document.at("nights").get<int>();
  stay.occupants = document.at("occupants").get<int>();
  const auto& exempt = document.at("exempt");
  stay.exempt.minors = exempt.at("minors").get<int>();
  stay.exempt.seasonal_workers = exempt.at("seasonal_workers").get<int>();
  stay.exempt.emergency_housing = exempt.at("emergency_housing").get<int>();
  stay.exempt.low_rent = exempt.at("low_rent").get<int>();
  if (const auto& price = document.at("price_per_night_cents"); !price.is_null()) {
    stay.price_per_night = Money::Cents(price.get<std::int64_t>());
  }
  stay.collector = ParseCollector(document.at("collector").get<std::string>()).value();
  return stay;
}

nlohmann::json StaysToDocument(const std::vector<StayLine>& stays) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& stay : stays) array.push_back(StayToDocument(stay));
  return array;
}

std::vector<StayLine> StaysFromDocument(const nlohmann::json& document) {
  std::vector<StayLine> stays;
  for (const auto& each : document) stays.push_back(StayFromDocument(each));
  return stays;
}

nlohmann::json AdditionalTaxesToDocument(const std::vector<rates::AdditionalTaxAmount>& taxes) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& tax : taxes) {
    array.push_back({{"beneficiary", rates::BeneficiaryCode(tax.beneficiary)},
                     {"label", tax.label},
                     {"rate_bp", tax.rate.value},
                     {"amount_cents", tax.amount.cents()}});
  }
  return array;
}

std::vector<rates::AdditionalTaxAmount> AdditionalTaxesFromDocument(
    const nlohmann::json& document) {
  std::vector<rates::AdditionalTaxAmount> taxes;
  for (const auto& each : document) {
    rates::AdditionalTaxAmount tax;
    tax.beneficiary = rates::ParseBeneficiary(each.at("beneficiary").get<std::string>()).value();
    tax.label = each.at("label").get<std::string>();
    tax.rate = rates::BasisPoints{each.at("rate_bp").get<std::int32_t>()};
    tax.amount = Money::Cents(each.at("amount_cents").get<std::int64_t>());
    taxes.push_back(std::move(tax));
  }
  return taxes;
}

nlohmann::json WarningsToDocument(const std::vector<FieldError>& warnings) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& warning : warnings) {
    array.push_back({{"field", warning.field}, {"message", warning.message}});
  }
  return array;
}

std::vector<FieldError> WarningsFromDocument(const nlohmann::json& document) {
  std::vector<FieldError> warnings;
  for (const auto& each : document) {
    warnings.push_back(
        {each.at("field").get<std::string>(), each.at("message").get<std::string>()});
  }
  return warnings;
}

nlohmann::json LineDetailToDocument(const ComputedLine& line) {
  // By assignment: an initializer list would copy the explanation once more.
  nlohmann::json detail = nlohmann::json::object();
  detail["additional_taxes"] = AdditionalTaxesToDocument(line.additional_taxes);
  detail["capped"] = line.capped;
  detail["unit_cents_per_person_night"] = line.unit_per_person_night.cents();
  detail["explanation"] = line.explanation;
  return detail;
}

void LineDetailFromDocument(const nlohmann::json& document, ComputedLine& line) {
  line.additional_taxes = AdditionalTaxesFromDocument(document.at("additional_taxes"));
  line.capped = document.at("capped").get<bool>();
  line.unit_per_person_night =
      Money::Cents(document.at("unit_cents_per_person_night").get<std::int64_t>());
  line.explanation = document.at("explanation").get<std::vector<std::string>>();
}

}  // namespace nuitee::persistence
