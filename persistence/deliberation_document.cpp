// The stored form of a deliberation: amounts in cents, rates in basis points, dates ISO, categories
// and beneficiaries by their stable codes.
#include "persistence/deliberation_document.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "persistence/database.hpp"

namespace nuitee::persistence {
namespace {

using nlohmann::json;

json OptionalDay(const std::optional<Day>& day) { return day ? json(FormatIsoDate(*day)) : json(); }

std::optional<Day> ReadOptionalDay(const json& value) {
  if (value.is_null()) return std::nullopt;
  auto day = ParseIsoDate(value.get<std::string>());
  if (!day) throw std::runtime_error("bad date in deliberation document");
  return day;
}

Day ReadDay(const json& value) {
  auto day = ReadOptionalDay(value);
  if (!day) throw std::runtime_error("missing date in deliberation document");
  return *day;
}

json TariffsJson(const rates::Deliberation& deliberation) {
  json tariffs = json::object();
  for (auto category : rates::kAllCategories) {
    if (category == rates::Category::kUnclassified) continue;
    tariffs[std::string(rates::CategoryName(category))] =
        deliberation.tariffs[rates::LegalRow(category) - 1].cents();
  }
  return tariffs;
}

json AdditionalTaxesJson(const std::vector<rates::AdditionalTax>& taxes) {
  json array = json::array();
  for (const auto& tax : taxes) {
    array.push_back({{"beneficiary", rates::BeneficiaryCode(tax.beneficiary)},
                     {"label", tax.label},
                     {"rate_bp", tax.rate.value},
                     {"valid_from", FormatIsoDate(tax.valid_from)},
                     {"valid_to", OptionalDay(tax.valid_to)}});
  }
  return array;
}

}  // namespace

rates::Deliberation DeliberationFromJsonValue(const json& document) {
  rates::Deliberation deliberation;
  deliberation.year = document.at("year").get<int>();
  deliberation.adopted_on = ReadOptionalDay(document.at("adopted_on"));
  deliberation.flat_rate_natures = document.at("flat_rate_natures").get<std::vector<std::string>>();
  for (const auto& period : document.at("perception_periods")) {
    deliberation.perception_periods.push_back(
        {ReadDay(period.at("first_night")), ReadDay(period.at("last_night"))});
  }
  for (const auto& [code, cents] : document.at("tariffs_cents").items()) {
    auto category = rates::ParseCategory(code);
    if (!category || *category == rates::Category::kUnclassified) {
      throw std::runtime_error("bad category in deliberation document: " + code);
    }
    deliberation.tariffs[rates::LegalRow(*category) - 1] = Money::Cents(cents.get<long long>());
  }
  deliberation.unclassified_rate = {document.at("unclassified_rate_bp").get<std::int32_t>()};
  if (const auto& threshold = document.at("low_rent_threshold_cents"); !threshold.is_null()) {
    deliberation.low_rent_threshold = Money::Cents(threshold.get<long long>());
  }
  for (const auto& tier : document.at("abatements")) {
    rates::AbatementTier abatement{
        {tier.at("rate_bp").get<std::int32_t>()}, tier.at("min_nights").get<int>(), std::nullopt};
    if (!tier.at("max_nights").is_null()) abatement.max_nights = tier.at("max_nights").get<int>();
    deliberation.abatements.push_back(abatement);
  }
  deliberation.communes = document.at("communes").get<std::vector<std::string>>();
  for (const auto& each : document.at("additional_taxes")) {
    auto beneficiary = rates::ParseBeneficiary(each.at("beneficiary").get<std::string>());
    if (!beneficiary) throw std::runtime_error("bad beneficiary in deliberation document");
    rates::AdditionalTax tax;
    tax.beneficiary = *beneficiary;
    tax.label = each.at("label").get<std::string>();
    tax.rate = {each.at("rate_bp").get<std::int32_t>()};
    tax.valid_from = ReadDay(each.at("valid_from"));
    tax.valid_to = ReadOptionalDay(each.at("valid_to"));
    deliberation.additional_taxes.push_back(std::move(tax));
  }
  return deliberation;
}

std::string DeliberationToDocument(const rates::Deliberation& deliberation) {
  json periods = json::array();
  for (const auto& period : deliberation.perception_periods) {
    periods.push_back({{"first_night", FormatIsoDate(period.first_night)},
                       {"last_night", FormatIsoDate(period.last_night)}});
  }
  json abatements = json::array();
  for (const auto& tier : deliberation.abatements) {
    abatements.push_back({{"rate_bp", tier.rate.value},
                          {"min_nights", tier.min_nights},
                          {"max_nights", tier.max_nights ? json(*tier.max_nights) : json()}});
  }
  const json document = {
      {"year", deliberation.year},
      {"adopted_on", OptionalDay(deliberation.adopted_on)},
      {"flat_rate_natures", deliberation.flat_rate_natures},
      {"perception_periods", periods},
      {"tariffs_cents", TariffsJson(deliberation)},
      {"unclassified_rate_bp", deliberation.unclassified_rate.value},
      {"low_rent_threshold_cents",
       deliberation.low_rent_threshold ? json(deliberation.low_rent_threshold->cents()) : json()},
      {"abatements", abatements},
      {"communes", deliberation.communes},
      {"additional_taxes", AdditionalTaxesJson(deliberation.additional_taxes)},
  };
  return document.dump();
}

Result<rates::Deliberation> DeliberationFromDocument(const std::string& document) {
  try {
    return DeliberationFromJsonValue(json::parse(document));
  } catch (const std::exception& error) {
    LogInternal("deliberation_document_unreadable", error.what());
    return Fail(Error::Internal());
  }
}

}  // namespace nuitee::persistence
