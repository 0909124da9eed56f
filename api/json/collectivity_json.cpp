// Collectivity <-> JSON.
#include "api/json/collectivity_json.hpp"

#include "api/http/json_body.hpp"

namespace nuitee::api {

nlohmann::json CollectivityWritableJson(const Collectivity& collectivity) {
  nlohmann::json communes = nlohmann::json::array();
  for (const auto& commune : collectivity.communes) {
    communes.push_back({{"insee_code", commune.insee_code}, {"name", commune.name}});
  }
  return {{"name", collectivity.name},
          {"siren", collectivity.siren},
          {"kind", CollectivityKindName(collectivity.kind)},
          {"department_code", collectivity.department_code},
          {"communes", communes},
          {"settings",
           {{"registration_number_required", collectivity.registration_number_required},
            {"rounding_mode", rates::RoundingModeName(collectivity.rounding_mode)},
            {"declaration_deadline_day", collectivity.declarations.deadline_day},
            {"remittance_frequency", RemittanceFrequencyName(collectivity.declarations.remittance)},
            {"stay_month_rule", StayMonthRuleName(collectivity.declarations.stay_month_rule)}}}};
}

nlohmann::json CollectivityToJson(const Collectivity& collectivity) {
  nlohmann::json json = CollectivityWritableJson(collectivity);
  json["id"] = collectivity.id.value();
  json["version"] = collectivity.version;
  return json;
}

namespace {

// The settings of monthly declarations (docs/decisions.md, "Declarations").
void ReadDeclarationSettings(JsonReader& settings, DeclarationSettings& into) {
  if (auto day = settings.Integer("declaration_deadline_day", Presence::kOptional, 1, 28)) {
    into.deadline_day = int(*day);
  }
  if (auto frequency = settings.String("remittance_frequency", Presence::kOptional, 50)) {
    if (auto parsed = ParseRemittanceFrequency(*frequency)) {
      into.remittance = *parsed;
    } else {
      settings.errors().Add("/settings/remittance_frequency",
                            "La fréquence de reversement doit valoir « monthly » (mensuelle), "
                            "« quarterly » (trimestrielle) ou « perception_period » (à la fin de "
                            "la période de perception).");
    }
  }
  if (auto rule = settings.String("stay_month_rule", Presence::kOptional, 50)) {
    if (auto parsed = ParseStayMonthRule(*rule)) {
      into.stay_month_rule = *parsed;
    } else {
      settings.errors().Add("/settings/stay_month_rule",
                            "La règle doit valoir « departure_month » (un séjour se déclare le "
                            "mois du départ) ou « split_by_month » (découpé mois par mois).");
    }
  }
}

}  // namespace

Result<Collectivity> CollectivityFromJson(const nlohmann::json& body) {
  FieldErrors errors;
  JsonReader reader(body, "", errors);
  Collectivity collectivity;
  collectivity.name = reader.String("name", Presence::kRequired, 200).value_or("");
  collectivity.siren = reader.String("siren", Presence::kRequired, 9).value_or("");
  if (auto kind = reader.String("kind", Presence::kRequired)) {
    auto parsed = ParseCollectivityKind(*kind);
    if (!parsed) errors.Add("/kind", "Le type doit valoir « epci » ou « commune ».");
    collectivity.kind = parsed.value_or(CollectivityKind::kEpci);
  }
  collectivity.department_code =
      reader.String("department_code", Presence::kRequired, 3).value_or("");
  if (auto communes = reader.ObjectArray("communes", Presence::kRequired)) {
    for (auto& each : *communes) {
      Commune commune;
      commune.insee_code = each.String("insee_code", Presence::kRequired, 5).value_or("");
      commune.name = each.String("name", Presence::kRequired, 200).value_or("");
      each.RejectUnknownFields();
      collectivity.communes.push_back(std::move(commune));
    }
  }
  if (auto settings = reader.Object("settings", Presence::kOptional)) {
    collectivity.registration_number_required =
        settings->Boolean("registration_number_required", Presence::kOptional).value_or(true);
    if (auto rounding = settings->String("rounding_mode", Presence::kOptional, 50)) {
      auto parsed = rates::ParseRoundingMode(*rounding);
      if (!parsed) {
        errors.Add("/settings/rounding_mode",
                   "L'arrondi doit valoir « per_line » (par ligne) ou « per_person_night » (par "
                   "personne et par nuitée).");
      }
      collectivity.rounding_mode = parsed.value_or(rates::RoundingMode::kPerLine);
    }
    ReadDeclarationSettings(*settings, collectivity.declarations);
    settings->RejectUnknownFields();
  }
  reader.RejectUnknownFields();
  if (auto valid = ValidateCollectivity(collectivity); !valid) errors.AppendNew(valid.error());
  if (!errors.empty()) return Fail(errors.ToError());
  return collectivity;
}

}  // namespace nuitee::api
