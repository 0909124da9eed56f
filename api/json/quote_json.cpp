// Quote request and answer <-> JSON.
#include "api/json/quote_json.hpp"

#include <map>

#include "api/http/identifiers.hpp"
#include "api/http/json_body.hpp"
#include "domain/nature.hpp"

namespace nuitee::api {
namespace {

using nlohmann::json;

constexpr long long kMaxPersons = 10000;

void ReadSubject(JsonReader& reader, QuoteRequest& request) {
  auto category = reader.String("category", Presence::kOptional, 20);
  auto accommodation = reader.String("accommodation_id", Presence::kOptional, 36);
  if (category) {
    request.category = rates::ParseCategory(*category);
    if (!request.category) {
      reader.errors().Add("/category",
                          "Catégorie inconnue : palace, star5, star4, star3, star2, star1, "
                          "camping_3_5, camping_1_2 ou unclassified.");
    }
  }
  if (accommodation) {
    if (IsUuid(*accommodation)) {
      request.accommodation_id = AccommodationId(*accommodation);
    } else {
      reader.errors().Add("/accommodation_id", "Cet identifiant d'hébergement est invalide.");
    }
  }
  if (auto nature = reader.String("nature", Presence::kOptional, 40)) {
    if (!ParseNature(*nature)) {
      reader.errors().Add("/nature", "« " + *nature +
                                         " » n'est pas une nature d'hébergement connue (ex. hotel, "
                                         "furnished_rental, camping).");
    } else if (accommodation) {
      reader.errors().Add("/nature",
                          "La nature est celle de l'hébergement indiqué : ne la précisez pas.");
    } else {
      request.nature = *nature;
    }
  }
  if (category && accommodation) {
    reader.errors().Add("/accommodation_id",
                        "Indiquez soit la catégorie, soit l'hébergement, mais pas les deux.");
  } else if (!category && !accommodation) {
    reader.errors().Add("/category",
                        "Indiquez la catégorie tarifaire (category) ou l'hébergement "
                        "(accommodation_id).");
  }
}

void ReadExempt(JsonReader& reader, rates::ExemptOccupants& exempt) {
  auto object = reader.Object("exempt", Presence::kOptional);
  if (!object) return;
  auto count = [&](std::string_view key) {
    return static_cast<int>(object->Integer(key, Presence::kOptional, 0, kMaxPersons).value_or(0));
  };
  exempt.minors = count("minors");
  exempt.seasonal_workers = count("seasonal_workers");
  exempt.emergency_housing = count("emergency_housing");
  exempt.low_rent = count("low_rent");
  object->RejectUnknownFields();
}

json RunJson(const rates::NightRun& run) {
  json object = json::object();
  object["first_night"] = FormatIsoDate(run.first_night);
  object["nights"] = run.nights;
  object["year"] = run.year;
  object["category"] = rates::CategoryName(run.category);
  object["levied"] = run.levied;
  object["unit_cents"] = run.unit.RoundedHalfUp().cents();
  object["capped"] = run.capped;
  // The tariff as deliberated, when it lies outside the year's legal grid (L. 2333-30).
  if (run.deliberated_tariff) object["deliberated_tariff_cents"] = run.deliberated_tariff->cents();
  return object;
}

}  // namespace

Result<QuoteRequest> QuoteRequestFromJson(const json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  QuoteRequest request;
  request.stay.commune_insee = reader.String("commune_insee", Presence::kOptional, 5).value_or("");
  ReadSubject(reader, request);
  request.stay.arrival = reader.Date("arrival", Presence::kRequired).value_or(Day{});
  request.stay.nights =
      static_cast<int>(reader.Integer("nights", Presence::kRequired, 1, 365).value_or(0));
  request.stay.occupants = static_cast<int>(
      reader.Integer("occupants", Presence::kRequired, 1, kMaxPersons).value_or(0));
  ReadExempt(reader, request.stay.exempt);
  if (auto price = reader.Integer("price_per_night_cents", Presence::kOptional, 0, 1'000'000'000)) {
    request.stay.price_per_night = Money::Cents(*price);
  }
  reader.RejectUnknownFields();
  // An accommodation says where it is; a bare category does not.
  if (request.category && request.stay.commune_insee.empty()) {
    errors.Add("/commune_insee", "Indiquez la commune (code INSEE) du séjour.");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return request;
}

json AdditionalTaxesJson(const std::vector<rates::AdditionalTaxAmount>& amounts) {
  json additional = json::array();
  for (const auto& each : amounts) {
    json& line = additional.emplace_back(json::object());
    line["beneficiary"] = rates::BeneficiaryCode(each.beneficiary);
    line["label"] =
        each.label.empty() ? std::string(rates::BeneficiaryLabel(each.beneficiary)) : each.label;
    line["rate_bp"] = each.rate.value;
    line["amount_cents"] = each.amount.cents();
  }
  return additional;
}

json QuoteToJson(const rates::Stay& stay, const rates::StayTax& tax, const rates::RateBook& book) {
  // Filled member by member: nlohmann's initializer lists copy every nested value once more.
  json answer = json::object();
  answer["additional_taxes"] = AdditionalTaxesJson(tax.additional_taxes);
  json& runs = answer["runs"] = json::array();
  std::map<int, std::int64_t> versions;
  for (const auto& run : tax.runs) {
    runs.push_back(RunJson(run));
    if (run.deliberation_version > 0) versions[run.year] = run.deliberation_version;
  }
  json& versions_json = answer["deliberation_versions"] = json::object();
  for (const auto& [year, version] : versions) versions_json[std::to_string(year)] = version;
  const auto* arrival_year = book.DeliberationFor(int(stay.arrival.year()));
  answer["tax_cents"] = tax.tax.cents();
  answer["total_cents"] = tax.total.cents();
  answer["unit_cents_per_person_night"] = tax.unit_per_person_night.cents();
  answer["capped"] = tax.capped;
  answer["taxable_persons"] = tax.taxable_persons;
  answer["taxable_person_nights"] = tax.taxable_person_nights;
  answer["rounding_mode"] = rates::RoundingModeName(tax.rounding);
  answer["deliberation_version"] = arrival_year ? json(arrival_year->version) : json();
  json& explanation = answer["explanation"] = json::array();
  for (auto& line : rates::ExplainInFrench(stay, tax)) explanation.push_back(std::move(line));
  return answer;
}

}  // namespace nuitee::api
