// Strict JSON input: the only place request bodies are decoded.
#include "api/http/json_body.hpp"

#include <algorithm>

#include "api/http/pistache.hpp"

namespace nuitee::api {

using Pistache::Http::Code;

namespace {

Problem BodyProblem(Code status, std::string slug, std::string title, std::string detail) {
  return {status, std::move(slug), std::move(title), std::move(detail), {}, {}};
}

std::string JsonTypeName(const nlohmann::json& value) {
  if (value.is_string()) return "une chaîne";
  if (value.is_boolean()) return "un booléen";
  if (value.is_number()) return "un nombre";
  if (value.is_array()) return "un tableau";
  if (value.is_object()) return "un objet";
  return "null";
}

// The deepest nesting of arrays and objects, brackets inside strings aside. It runs before the
// parser, which copes with any depth (and refuses what is not JSON), unlike what reads its result.
std::size_t NestingDepth(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (in_string) {
      if (c == '\\') ++at;  // the escaped character cannot end the string
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

std::optional<std::string> ReadCsvFile(Exchange& exchange) {
  const auto& request = exchange.request();
  auto content_type = request.headers().tryGet<Pistache::Http::Header::ContentType>();
  const std::string media = content_type ? content_type->mime().toString() : std::string();
  if (media.substr(0, media.find(';')) != "text/csv") {
    exchange.SendProblem(BodyProblem(Code::Unsupported_Media_Type, "unsupported-media-type",
                                     "Type de contenu non pris en charge",
                                     "Le fichier doit être envoyé en text/csv."));
    return std::nullopt;
  }
  if (request.body().size() > kMaxBodyBytes) {
    exchange.SendProblem(BodyProblem(Code::Request_Entity_Too_Large, "payload-too-large",
                                     "Requête trop volumineuse", "Le fichier dépasse 1 Mio."));
    return std::nullopt;
  }
  return request.body();
}

std::optional<nlohmann::json> ReadOptionalJsonObject(Exchange& exchange) {
  if (exchange.request().body().empty()) return nlohmann::json::object();
  return ReadJsonObject(exchange);
}

std::optional<nlohmann::json> ReadJsonObject(Exchange& exchange, bool merge_patch) {
  const auto& request = exchange.request();
  auto content_type = request.headers().tryGet<Pistache::Http::Header::ContentType>();
  const std::string media = content_type ? content_type->mime().toString() : std::string();
  const std::string essence = media.substr(0, media.find(';'));
  if (essence != "application/json" &&
      !(merge_patch && essence == "application/merge-patch+json")) {
    exchange.SendProblem(BodyProblem(Code::Unsupported_Media_Type, "unsupported-media-type",
                                     "Type de contenu non pris en charge",
                                     merge_patch
                                         ? "Le corps doit être envoyé en application/json ou "
                                           "application/merge-patch+json."
                                         : "Le corps doit être envoyé en application/json."));
    return std::nullopt;
  }
  auto body = ParseJsonObject(request.body());
  if (!body) {
    exchange.SendProblem(body.error());
    return std::nullopt;
  }
  return std::move(*body);
}

std::expected<nlohmann::json, Problem> ParseJsonObject(std::string_view body) {
  if (body.size() > kMaxBodyBytes) {
    return std::unexpected(BodyProblem(Code::Request_Entity_Too_Large, "payload-too-large",
                                       "Requête trop volumineuse",
                                       "Le corps de la requête dépasse 1 Mio."));
  }
  if (NestingDepth(body) > kMaxJsonDepth) {
    Problem problem = BodyProblem(Code::Bad_Request, "validation", "Requête invalide",
                                  "Le corps imbrique trop de tableaux et d'objets.");
    problem.errors.push_back({"", "Au plus " + std::to_string(kMaxJsonDepth) +
                                      " niveaux de tableaux et d'objets imbriqués."});
    return std::unexpected(std::move(problem));
  }
  try {
    auto parsed = nlohmann::json::parse(body);
    if (!parsed.is_object()) {
      Problem problem = BodyProblem(Code::Bad_Request, "validation", "Requête invalide",
                                    "Le corps doit être un objet JSON.");
      problem.errors.push_back(
          {"", "Un objet JSON est attendu, pas " + JsonTypeName(parsed) + "."});
      return std::unexpected(std::move(problem));
    }
    return parsed;
  } catch (const nlohmann::json::parse_error& error) {
    Problem problem = BodyProblem(
        Code::Bad_Request, "malformed-json", "JSON mal formé",
        "Le corps n'est pas un JSON valide (erreur à l'octet " + std::to_string(error.byte) + ").");
    problem.errors.push_back({"", "JSON mal formé à l'octet " + std::to_string(error.byte) + "."});
    return std::unexpected(std::move(problem));
  } catch (const nlohmann::json::out_of_range&) {
    // Valid JSON grammar, but a number beyond what a double holds (e.g. 1e400): the parser throws
    // out_of_range rather than parse_error, which used to escape as a 500.
    Problem problem = BodyProblem(Code::Bad_Request, "validation", "Requête invalide",
                                  "Le corps contient un nombre trop grand pour être lu.");
    problem.errors.push_back({"", "Un nombre du corps dépasse les limites acceptées."});
    return std::unexpected(std::move(problem));
  }
}

JsonReader::JsonReader(const nlohmann::json& object, std::string pointer, FieldErrors& errors)
    : object_(object), pointer_(std::move(pointer)), errors_(&errors) {}

std::string JsonReader::PointerTo(std::string_view key) const {
  std::string pointer = pointer_ + "/";
  for (char c : key) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
  return pointer;
}

const nlohmann::json* JsonReader::Lookup(std::string_view key, Presence presence) {
  known_.emplace(key);
  auto it = object_.find(std::string(key));
  if (it == object_.end() || it->is_null()) {
    if (presence == Presence::kRequired) errors_->Add(PointerTo(key), "Ce champ est obligatoire.");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonReader::String(std::string_view key, Presence presence,
                                              std::size_t max_length) {
  const auto* value = Lookup(key, presence);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    errors_->Add(PointerTo(key),
                 "Une chaîne de caractères est attendue, pas " + JsonTypeName(*value) + ".");
    return std::nullopt;
  }
  std::string text = value->get<std::string>();
  // A NUL character is valid in a JSON string, but PostgreSQL text cannot store it (a 500).
  if (text.find('\0') != std::string::npos) {
    errors_->Add(PointerTo(key), "Le texte contient un caractère nul (\\u0000), refusé.");
    return std::nullopt;
  }
  // Surrounding spaces are never meaningful in a name or an address.
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  text = first == std::string::npos ? "" : text.substr(first, last - first + 1);
  if (text.size() > max_length) {
    errors_->Add(PointerTo(key), "Ce texte dépasse " + std::to_string(max_length) + " caractères.");
    return std::nullopt;
  }
  if (text.empty() && presence == Presence::kRequired) {
    errors_->Add(PointerTo(key), "Ce champ ne peut pas être vide.");
    return std::nullopt;
  }
  if (text.empty()) return std::nullopt;
  return text;
}

std::optional<long long> JsonReader::Integer(std::string_view key, Presence presence, long long min,
                                             long long max) {
  const auto* value = Lookup(key, presence);
  if (!value) return std::nullopt;
  if (!value->is_number_integer()) {
    errors_->Add(PointerTo(key), "Un nombre entier est attendu, pas " + JsonTypeName(*value) + ".");
    return std::nullopt;
  }
  const long long number = value->is_number_unsigned()
                               ? static_cast<long long>(std::min<unsigned long long>(
                                     value->get<unsigned long long>(), 1ULL << 62))
                               : value->get<long long>();
  if (number < min || number > max) {
    errors_->Add(PointerTo(key), "La valeur doit être comprise entre " + std::to_string(min) +
                                     " et " + std::to_string(max) + ".");
    return std::nullopt;
  }
  return number;
}

std::optional<bool> JsonReader::Boolean(std::string_view key, Presence presence) {
  const auto* value = Lookup(key, presence);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    errors_->Add(PointerTo(key),
                 "Un booléen (true ou false) est attendu, pas " + JsonTypeName(*value) + ".");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<Day> JsonReader::Date(std::string_view key, Presence presence) {
  auto text = String(key, presence, 10);
  if (!text) return std::nullopt;
  // Year 0000 would make PostgreSQL fail, and a far-future decision expire in a five-digit year.
  auto day = ParseRegisterDay(*text);
  if (!day) {
    errors_->Add(PointerTo(key),
                 "Une date au format AAAA-MM-JJ, entre 1900 et 2199, est attendue.");
    return std::nullopt;
  }
  return day;
}

std::optional<JsonReader> JsonReader::Object(std::string_view key, Presence presence) {
  const auto* value = Lookup(key, presence);
  if (!value) return std::nullopt;
  if (!value->is_object()) {
    errors_->Add(PointerTo(key), "Un objet est attendu, pas " + JsonTypeName(*value) + ".");
    return std::nullopt;
  }
  return JsonReader(*value, PointerTo(key), *errors_);
}

std::optional<std::vector<JsonReader>> JsonReader::ObjectArray(std::string_view key,
                                                               Presence presence,
                                                               std::size_t max_items) {
  const auto* value = Lookup(key, presence);
  if (!value) return std::nullopt;
  if (!value->is_array()) {
    errors_->Add(PointerTo(key), "Un tableau est attendu, pas " + JsonTypeName(*value) + ".");
    return std::nullopt;
  }
  if (value->size() > max_items) {
    errors_->Add(PointerTo(key), "Au plus " + std::to_string(max_items) + " éléments.");
    return std::nullopt;
  }
  std::vector<JsonReader> readers;
  bool all_objects = true;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const std::string pointer = PointerTo(key) + "/" + std::to_string(i);
    if (!(*value)[i].is_object()) {
      errors_->Add(pointer, "Un objet est attendu, pas " + JsonTypeName((*value)[i]) + ".");
      all_objects = false;
      continue;
    }
    readers.emplace_back((*value)[i], pointer, *errors_);
  }
  if (!all_objects) return std::nullopt;
  return readers;
}

std::optional<std::vector<std::string>> JsonReader::StringArray(std::string_view key,
                                                                Presence presence,
                                                                std::size_t max_length,
                                                                std::size_t max_items) {
  const auto* value = Lookup(key, presence);
  if (!value) return std::nullopt;
  if (!value->is_array()) {
    errors_->Add(PointerTo(key), "Un tableau est attendu, pas " + JsonTypeName(*value) + ".");
    return std::nullopt;
  }
  if (value->size() > max_items) {
    errors_->Add(PointerTo(key), "Au plus " + std::to_string(max_items) + " éléments.");
    return std::nullopt;
  }
  // Each element is read as the field of a one-key object, so it gets the same checks as String.
  std::vector<std::string> items;
  bool all_read = true;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const std::string index = std::to_string(i);
    JsonReader element(nlohmann::json{{index, (*value)[i]}}, PointerTo(key), *errors_);
    auto text = element.String(index, Presence::kRequired, max_length);
    if (!text) {
      all_read = false;
      continue;
    }
    items.push_back(std::move(*text));
  }
  if (!all_read) return std::nullopt;
  return items;
}

void JsonReader::RejectUnknownFields() {
  for (const auto& [key, value] : object_.items()) {
    if (!known_.count(key)) {
      errors_->Add(PointerTo(key), "Champ inconnu : « " + key + " ».");
    }
  }
}

}  // namespace nuitee::api
