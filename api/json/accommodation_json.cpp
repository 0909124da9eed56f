// Accommodation and classification <-> JSON.
#include "api/json/accommodation_json.hpp"

#include "api/http/json_body.hpp"

namespace nuitee::api {
namespace {

nlohmann::json DayOrNull(const std::optional<Day>& day) {
  return day ? nlohmann::json(FormatIsoDate(*day)) : nlohmann::json();
}

template <class T, class Parse>
std::optional<T> ReadEnum(JsonReader& reader, std::string_view key, Parse parse,
                          const std::string& message) {
  auto text = reader.String(key, Presence::kRequired);
  if (!text) return std::nullopt;
  auto parsed = parse(*text);
  if (!parsed) reader.errors().Add(reader.PointerTo(key), message);
  return parsed;
}

}  // namespace

nlohmann::json AccommodationWritableJson(const Accommodation& accommodation) {
  nlohmann::json closures = nlohmann::json::array();
  for (const auto& closure : accommodation.closures) {
    closures.push_back({{"from", FormatIsoDate(closure.from)}, {"to", FormatIsoDate(closure.to)}});
  }
  return {{"host_id", accommodation.host_id.value()},
          {"name", accommodation.name},
          {"commune", accommodation.commune_insee_code},
          {"address",
           {{"line", accommodation.address_line}, {"postal_code", accommodation.postal_code}}},
          {"nature", NatureName(accommodation.nature)},
          {"capacity_persons", accommodation.capacity_persons},
          {"capacity_units", accommodation.capacity_units ? nlohmann::json(*accommodation.capacity_units)
                                                          : nlohmann::json()},
          {"registration_number", accommodation.registration_number
                                      ? nlohmann::json(*accommodation.registration_number)
                                      : nlohmann::json()},
          {"marketing", MarketingName(accommodation.marketing)},
          {"opened_on", DayOrNull(accommodation.opened_on)},
          {"closures", closures},
          {"ceased_on", DayOrNull(accommodation.ceased_on)}};
}

nlohmann::json AccommodationToJson(const Accommodation& accommodation,
                                   const Collectivity& collectivity, Day today,
                                   std::optional<rates::Category> category_today) {
  nlohmann::json json = AccommodationWritableJson(accommodation);
  json["id"] = accommodation.id.value();
  json["collectivity_id"] = accommodation.collectivity_id.value();
  const Commune* commune = collectivity.FindCommune(accommodation.commune_insee_code);
  json["commune_name"] = commune ? nlohmann::json(commune->name) : nlohmann::json();
  json["status"] = AccommodationStatusName(accommodation.StatusOn(today));
  if (category_today) json["category"] = rates::CategoryName(*category_today);
  json["version"] = accommodation.version;
  return json;
}

Result<Accommodation> AccommodationFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  Accommodation accommodation;
  if (auto host = reader.String("host_id", Presence::kOptional, 36)) {
    accommodation.host_id = HostId(*host);
  }
  accommodation.name = reader.String("name", Presence::kRequired, 200).value_or("");
  accommodation.commune_insee_code = reader.String("commune", Presence::kRequired, 5).value_or("");
  if (auto address = reader.Object("address", Presence::kRequired)) {
    accommodation.address_line = address->String("line", Presence::kRequired, 300).value_or("");
    accommodation.postal_code = address->String("postal_code", Presence::kRequired, 5).value_or("");
    address->RejectUnknownFields();
  }
  accommodation.nature = ReadEnum<Nature>(reader, "nature", ParseNature,
                                          "Nature d'hébergement inconnue.")
                             .value_or(Nature::kOther);
  accommodation.capacity_persons =
      int(reader.Integer("capacity_persons", Presence::kRequired, 1, 100000).value_or(0));
  if (auto units = reader.Integer("capacity_units", Presence::kOptional, 1, 100000)) {
    accommodation.capacity_units = int(*units);
  }
  accommodation.registration_number = reader.String("registration_number", Presence::kOptional, 13);
  accommodation.marketing =
      ReadEnum<Marketing>(reader, "marketing", ParseMarketing,
                          "La commercialisation doit valoir « direct », « platforms » ou « both ».")
          .value_or(Marketing::kDirect);
  accommodation.opened_on = reader.Date("opened_on", Presence::kOptional);
  if (auto closures = reader.ObjectArray("closures", Presence::kOptional, 100)) {
    for (auto& each : *closures) {
      auto from = each.Date("from", Presence::kRequired);
      auto to = each.Date("to", Presence::kRequired);
      each.RejectUnknownFields();
      if (from && to) accommodation.closures.push_back({*from, *to});
    }
  }
  accommodation.ceased_on = reader.Date("ceased_on", Presence::kOptional);
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  return accommodation;
}

nlohmann::json ClassificationToJson(const Classification& classification, Nature nature,
                                    Day today, const Classification* in_force_today) {
  const bool in_force = in_force_today != nullptr && in_force_today->id == classification.id &&
                        classification.decided_on <= today && today <= classification.expires_on;
  return {{"id", classification.id.value()},
          {"rank", RankName(classification.rank)},
          {"decided_on", FormatIsoDate(classification.decided_on)},
          {"expires_on", FormatIsoDate(classification.expires_on)},
          {"body", classification.body},
          {"category", rates::CategoryName(ClassifiedCategory(nature, classification.rank))},
          {"in_force", in_force}};
}

Result<Classification> ClassificationFromJson(const nlohmann::json& body, Nature nature) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  Classification classification;
  if (auto rank = reader.String("rank", Presence::kRequired, 6)) {
    auto parsed = ParseRank(*rank);
    if (!parsed) errors.Add("/rank", "Le classement vaut « 1 » à « 5 » (étoiles) ou « palace ».");
    classification.rank = parsed.value_or(Rank{1, false});
  }
  auto decided = reader.Date("decided_on", Presence::kRequired);
  auto expires = reader.Date("expires_on", Presence::kOptional);
  classification.body = reader.String("body", Presence::kRequired, 200).value_or("");
  reader.RejectUnknownFields();
  if (!errors.empty()) return Fail(errors.ToError());
  classification.decided_on = *decided;
  classification.expires_on = expires.value_or(DefaultExpiry(*decided));
  if (auto valid = ValidateRank(nature, classification.rank); !valid) errors.Append(valid.error());
  if (auto valid = ValidateClassificationDates(classification.decided_on, classification.expires_on);
      !valid) {
    errors.Append(valid.error());
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return classification;
}

}  // namespace nuitee::api
