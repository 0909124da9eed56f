// Deliberation <-> JSON.
#include "api/json/deliberation_json.hpp"

#include "api/http/json_body.hpp"

namespace nuitee::api {
namespace {

using nlohmann::json;

constexpr long long kMaxCents = 1'000'000'000;
constexpr long long kMaxBasisPoints = 1'000'000;

rates::BasisPoints Bp(std::optional<long long> value) {
  return {static_cast<std::int32_t>(value.value_or(0))};
}

void ReadTariffs(JsonReader& reader, rates::Deliberation& deliberation) {
  auto tariffs = reader.Object("tariffs_cents", Presence::kRequired);
  if (!tariffs) return;
  for (auto category : rates::kAllCategories) {
    if (category == rates::Category::kUnclassified) continue;
    auto cents = tariffs->Integer(rates::CategoryName(category), Presence::kRequired, 0, kMaxCents);
    deliberation.tariffs[rates::LegalRow(category) - 1] = Money::Cents(cents.value_or(0));
  }
  tariffs->RejectUnknownFields();
}

void ReadPeriods(JsonReader& reader, rates::Deliberation& deliberation) {
  auto periods = reader.ObjectArray("perception_periods", Presence::kRequired, 366);
  if (!periods) return;
  for (auto& each : *periods) {
    auto first = each.Date("first_night", Presence::kRequired);
    auto last = each.Date("last_night", Presence::kRequired);
    each.RejectUnknownFields();
    if (first && last) deliberation.perception_periods.push_back({*first, *last});
  }
}

void ReadAbatements(JsonReader& reader, rates::Deliberation& deliberation) {
  auto tiers = reader.ObjectArray("abatements", Presence::kOptional, 100);
  if (!tiers) return;
  for (auto& each : *tiers) {
    rates::AbatementTier tier;
    tier.rate = Bp(each.Integer("rate_bp", Presence::kRequired, 0, kMaxBasisPoints));
    tier.min_nights =
        static_cast<int>(each.Integer("min_nights", Presence::kRequired, 0, 366).value_or(0));
    if (auto max = each.Integer("max_nights", Presence::kOptional, 0, 366)) {
      tier.max_nights = static_cast<int>(*max);
    }
    each.RejectUnknownFields();
    deliberation.abatements.push_back(tier);
  }
}

void ReadAdditionalTaxes(JsonReader& reader, rates::Deliberation& deliberation) {
  auto taxes = reader.ObjectArray("additional_taxes", Presence::kOptional, 100);
  if (!taxes) return;
  for (auto& each : *taxes) {
    rates::AdditionalTax tax;
    if (auto code = each.String("beneficiary", Presence::kRequired, 50)) {
      auto beneficiary = rates::ParseBeneficiary(*code);
      if (!beneficiary) {
        each.errors().Add(each.PointerTo("beneficiary"),
                          "Bénéficiaire inconnu : departement, societe_grands_projets, "
                          "ile_de_france_mobilites, lnpca, gpso, lnmp ou other.");
      }
      tax.beneficiary = beneficiary.value_or(rates::Beneficiary::kOther);
    }
    tax.label = each.String("label", Presence::kOptional, 200).value_or("");
    tax.rate = Bp(each.Integer("rate_bp", Presence::kRequired, 0, kMaxBasisPoints));
    tax.valid_from = each.Date("valid_from", Presence::kRequired).value_or(Day{});
    tax.valid_to = each.Date("valid_to", Presence::kOptional);
    each.RejectUnknownFields();
    deliberation.additional_taxes.push_back(std::move(tax));
  }
}

json OptionalDay(const std::optional<Day>& day) { return day ? json(FormatIsoDate(*day)) : json(); }

}  // namespace

Result<DeliberationInput> DeliberationFromJson(const json& body, int year) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  DeliberationInput input;
  rates::Deliberation& deliberation = input.deliberation;
  deliberation.year = year;
  deliberation.adopted_on = reader.Date("adopted_on", Presence::kOptional);
  deliberation.flat_rate_natures =
      reader.StringArray("flat_rate_natures", Presence::kOptional, 50, 20)
          .value_or(std::vector<std::string>{});
  ReadPeriods(reader, deliberation);
  ReadTariffs(reader, deliberation);
  deliberation.unclassified_rate =
      Bp(reader.Integer("unclassified_rate_bp", Presence::kRequired, 0, kMaxBasisPoints));
  if (auto threshold =
          reader.Integer("low_rent_threshold_cents", Presence::kOptional, 0, kMaxCents)) {
    deliberation.low_rent_threshold = Money::Cents(*threshold);
  }
  ReadAbatements(reader, deliberation);
  deliberation.communes = reader.StringArray("communes", Presence::kRequired, 5, 2000)
                              .value_or(std::vector<std::string>{});
  ReadAdditionalTaxes(reader, deliberation);
  input.reason = reader.String("reason", Presence::kOptional, 2000);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return input;
}

json DeliberationBodyJson(const rates::Deliberation& deliberation) {
  json periods = json::array();
  for (const auto& period : deliberation.perception_periods) {
    periods.push_back({{"first_night", FormatIsoDate(period.first_night)},
                       {"last_night", FormatIsoDate(period.last_night)}});
  }
  json tariffs = json::object();
  for (auto category : rates::kAllCategories) {
    if (category == rates::Category::kUnclassified) continue;
    tariffs[std::string(rates::CategoryName(category))] =
        deliberation.tariffs[rates::LegalRow(category) - 1].cents();
  }
  json abatements = json::array();
  for (const auto& tier : deliberation.abatements) {
    abatements.push_back({{"rate_bp", tier.rate.value},
                          {"min_nights", tier.min_nights},
                          {"max_nights", tier.max_nights ? json(*tier.max_nights) : json()}});
  }
  json taxes = json::array();
  for (const auto& tax : deliberation.additional_taxes) {
    taxes.push_back({{"beneficiary", rates::BeneficiaryCode(tax.beneficiary)},
                     {"label", tax.label.empty() ? json() : json(tax.label)},
                     {"rate_bp", tax.rate.value},
                     {"valid_from", FormatIsoDate(tax.valid_from)},
                     {"valid_to", OptionalDay(tax.valid_to)}});
  }
  return {
      {"adopted_on", OptionalDay(deliberation.adopted_on)},
      {"flat_rate_natures", deliberation.flat_rate_natures},
      {"perception_periods", periods},
      {"tariffs_cents", tariffs},
      {"unclassified_rate_bp", deliberation.unclassified_rate.value},
      {"low_rent_threshold_cents",
       deliberation.low_rent_threshold ? json(deliberation.low_rent_threshold->cents()) : json()},
      {"abatements", abatements},
      {"communes", deliberation.communes},
      {"additional_taxes", taxes}};
}

json StoredDeliberationToJson(const persistence::StoredDeliberation& stored) {
  json body = DeliberationBodyJson(stored.deliberation);
  body["collectivity_id"] = stored.collectivity_id.value();
  body["year"] = stored.deliberation.year;
  body["version"] = stored.version;
  body["recorded_by"] = stored.recorded_by;
  body["recorded_at"] = stored.recorded_at;
  body["source"] = stored.source;
  body["reason"] = stored.reason ? json(*stored.reason) : json();
  return body;
}

}  // namespace nuitee::api
