// Reads the DGFiP DELTA deliberations file into rates::Deliberation values. Anything in doubt
// refuses the whole file, and every problem is collected with its line so that the user can fix
// them all at once. The format as we read it, and what is unconfirmed, is in docs/delta-import.md.
#include "imports/delta_xml.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <utility>

#include "domain/business_identifiers.hpp"
#include "domain/commune.hpp"
#include "imports/delta_text.hpp"
#include "imports/delta_values.hpp"

namespace nuitee::imports {
namespace {

using delta::Trim;

// A huge broken file would otherwise produce one message per line; past this many the rest is
// only counted.
constexpr std::size_t kMaxReportedProblems = 200;

// The rates the law sets for the add-ons the file flags (taxe-de-sejour.md §5).
// ValidateDeliberation checks them again against rates::LegalRate when the API stores the
// deliberation.
constexpr rates::BasisPoints kDepartementalRate{1000};  // L. 3333-1
constexpr rates::BasisPoints kRegionalRate{1500};       // L. 2531-17
constexpr rates::BasisPoints kIdfMobilitesRate{20000};  // L. 2531-18
constexpr rates::BasisPoints kRailProjectRate{3400};    // LF 2023 art. 76

std::string Quoted(std::string_view text) { return "« " + std::string(text) + " »"; }

// Stray text may be a whole paragraph: messages quote its first 40 bytes, cut between characters.
std::string Excerpt(std::string_view text) {
  if (text.size() <= 40) return std::string(text);
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

// Every problem of the file, each "ligne <n> : <reason>" on field "/line/<n>".
class Problems {
 public:
  explicit Problems(const delta::LineIndex& lines) : lines_(lines) {}

  int LineOf(pugi::xml_node node) const { return lines_.LineAt(node.offset_debug()); }
  void At(pugi::xml_node node, const std::string& reason) { AtLine(LineOf(node), reason); }
  void AtLine(int line, const std::string& reason) {
    ++count_;
    if (errors_.size() >= kMaxReportedProblems) return;
    const std::string number = std::to_string(line);
    errors_.push_back({"/line/" + number, "ligne " + number + " : " + reason});
  }
  std::size_t count() const { return count_; }

  Error ToError() const {
    std::vector<FieldError> errors = errors_;
    if (count_ > errors_.size()) {
      errors.push_back({"", "… et " + std::to_string(count_ - errors_.size()) +
                                " autres problèmes non détaillés."});
    }
    Error error = Error::Invalid(std::move(errors));
    error.message = "Le fichier DELTA est refusé (" + std::to_string(count_) +
                    (count_ > 1 ? " problèmes" : " problème") +
                    ") : aucune délibération n'a été importée.";
    return error;
  }

 private:
  const delta::LineIndex& lines_;
  std::vector<FieldError> errors_;
  std::size_t count_ = 0;
};

enum class Occurs { kOnce, kOptional, kMany };
struct ChildRule {
  std::string_view name;
  Occurs occurs;
};
enum class Content { kElements, kText };

// The booleans of the add-ons, and the element each one was read from (for its line).
struct AddOnFlags {
  bool departemental = false;
  bool regional = false;
  bool idf_mobilites = false;
  pugi::xml_node rail;  // set when taxeAdditionnelleLGV is true
};

struct Collectivity {
  std::string siren;
  std::string name;
  std::string insee_code;   // a commune deliberating alone (Paris)
  std::string departement;  // departement/numero
};

// The tariffs of one <periode>: rows 1–8 in euros, row 9 as a rate.
struct PeriodTariffs {
  std::array<std::optional<Money>, 8> fixed;
  std::optional<rates::BasisPoints> unclassified;
  bool Complete() const {
    return unclassified && std::all_of(fixed.begin(), fixed.end(), [](auto& t) { return t; });
  }
  friend bool operator==(const PeriodTariffs&, const PeriodTariffs&) = default;
};

class DeltaParser {
 public:
  explicit DeltaParser(Problems& problems) : problems_(problems) {}

  std::vector<DeltaDeliberation> Read(const pugi::xml_document& document);

 private:
  void CheckShape(pugi::xml_node node, Content content, std::initializer_list<ChildRule> children,
                  std::initializer_list<std::string_view> attributes);
  std::optional<std::string_view> RequiredAttribute(pugi::xml_node node, const char* name);
  std::string_view Text(pugi::xml_node leaf);
  std::optional<Money> Euros(pugi::xml_node leaf, std::string_view text);
  std::optional<rates::BasisPoints> Percent(pugi::xml_node leaf, std::string_view text);
  bool Boolean(pugi::xml_node leaf);

  pugi::xml_node ReadRoot(const pugi::xml_document& document);
  std::optional<DeltaDeliberation> ReadDeliberation(pugi::xml_node node);
  Collectivity ReadCollectivity(pugi::xml_node saisie);
  AddOnFlags ReadAddOnFlags(pugi::xml_node deliberation);
  std::vector<std::string> ReadCommunes(pugi::xml_node deliberation, pugi::xml_node collectivites,
                                        const std::string& deliberating_commune);
  std::vector<std::string> ReadRegimes(pugi::xml_node regimes);
  bool ReadPeriods(pugi::xml_node periodes, rates::Deliberation& deliberation);
  std::optional<rates::PerceptionPeriod> ReadPeriodDates(pugi::xml_node periode);
  std::optional<PeriodTariffs> ReadTariffs(pugi::xml_node tarifs);
  std::vector<rates::AbatementTier> ReadAbatements(pugi::xml_node abattements);
  std::vector<rates::AdditionalTax> AdditionalTaxes(const AddOnFlags& flags,
                                                    const Collectivity& collectivity,
                                                    const std::vector<std::string>& communes,
                                                    int year);
  void RefuseRepeatedDeliberations(const std::vector<DeltaDeliberation>& deliberations);

  Problems& problems_;
  std::optional<int> file_year_;  // year of <delta><date>, for periods written without a year
};

void DeltaParser::CheckShape(pugi::xml_node node, Content content,
                             std::initializer_list<ChildRule> children,
                             std::initializer_list<std::string_view> attributes) {
  const std::string parent = Quoted(node.name());
  std::map<std::string_view, int> seen;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (content == Content::kElements && !Trim(child.value()).empty()) {
        problems_.At(child,
                     "texte " + Quoted(Excerpt(Trim(child.value()))) + " inattendu dans " + parent);
      }
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = child.name();
    const auto rule = std::find_if(children.begin(), children.end(),
                                   [&](const ChildRule& each) { return each.name == name; });
    if (rule == children.end()) {
      problems_.At(child, "élément " + Quoted(name) + " inconnu dans " + parent);
    } else if (++seen[rule->name] > 1 && rule->occurs != Occurs::kMany) {
      problems_.At(child, "élément " + Quoted(name) + " en double dans " + parent);
    }
  }
  for (const ChildRule& rule : children) {
    if (rule.occurs == Occurs::kOnce && seen[rule.name] == 0) {
      problems_.At(node, "élément " + Quoted(rule.name) + " manquant dans " + parent);
    }
  }
  for (pugi::xml_attribute attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    // Namespace declarations and schema hints are not data.
    if (name.starts_with("xmlns") || name.starts_with("xsi:")) continue;
    if (std::find(attributes.begin(), attributes.end(), name) == attributes.end()) {
      problems_.At(node, "attribut " + Quoted(name) + " inconnu sur " + parent);
    }
  }
}

std::optional<std::string_view> DeltaParser::RequiredAttribute(pugi::xml_node node,
                                                               const char* name) {
  const pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) {
    problems_.At(node, "attribut " + Quoted(name) + " manquant sur " + Quoted(node.name()));
    return std::nullopt;
  }
  return Trim(attribute.value());
}

std::string_view DeltaParser::Text(pugi::xml_node leaf) {
  CheckShape(leaf, Content::kText, {}, {});
  return Trim(leaf.child_value());
}

std::optional<Money> DeltaParser::Euros(pugi::xml_node leaf, std::string_view text) {
  const auto cents = delta::ParseHundredths(text);
  if (cents) return Money::Cents(*cents);
  const std::string start = "montant " + Quoted(text) + " invalide dans " + Quoted(leaf.name());
  switch (cents.error()) {
    case delta::DecimalProblem::kSyntax:
      problems_.At(leaf, start + " : nombre décimal attendu (ex. 0.80)");
      break;
    case delta::DecimalProblem::kTooManyDecimals:
      problems_.At(leaf, start + " : au plus deux décimales (centimes)");
      break;
    case delta::DecimalProblem::kTooLarge:
      problems_.At(leaf, start + " : valeur trop grande");
      break;
  }
  return std::nullopt;
}

std::optional<rates::BasisPoints> DeltaParser::Percent(pugi::xml_node leaf, std::string_view text) {
  const auto basis_points = delta::ParseHundredths(text);
  const std::string start = "taux " + Quoted(text) + " invalide dans " + Quoted(leaf.name());
  if (basis_points && *basis_points <= std::numeric_limits<std::int32_t>::max()) {
    return rates::BasisPoints{std::int32_t(*basis_points)};
  }
  if (basis_points || basis_points.error() == delta::DecimalProblem::kTooLarge) {
    problems_.At(leaf, start + " : valeur trop grande");
  } else if (basis_points.error() == delta::DecimalProblem::kTooManyDecimals) {
    problems_.At(leaf, start + " : au plus deux décimales (centièmes de pour cent)");
  } else {
    problems_.At(leaf, start + " : pourcentage décimal attendu (ex. 4.50)");
  }
  return std::nullopt;
}

bool DeltaParser::Boolean(pugi::xml_node leaf) {
  if (!leaf) return false;  // an absent flag is false, as the public parsers read it
  const std::string_view text = Text(leaf);
  if (auto value = delta::ParseXmlBoolean(text)) return *value;
  problems_.At(leaf, "valeur " + Quoted(text) + " invalide pour " + Quoted(leaf.name()) +
                         " : true ou false attendu");
  return false;
}

pugi::xml_node DeltaParser::ReadRoot(const pugi::xml_document& document) {
  pugi::xml_node root;
  for (pugi::xml_node child : document.children()) {
    if (child.type() == pugi::node_element && root) {
      problems_.At(child, "second élément racine " + Quoted(child.name()) +
                              " : un seul élément « delta » est attendu");
    } else if (child.type() == pugi::node_element) {
      root = child;
    }
  }
  if (!root) {
    problems_.AtLine(1, "élément racine « delta » manquant");
    return {};
  }
  if (std::string_view(root.name()) != "delta") {
    problems_.At(root, "élément racine " + Quoted(root.name()) + " inattendu : « delta » attendu");
    return {};
  }
  CheckShape(
      root, Content::kElements,
      {{"version", Occurs::kOnce}, {"date", Occurs::kOnce}, {"deliberations", Occurs::kOnce}}, {});
  if (pugi::xml_node version = root.child("version")) {
    // Version 2.5.0 is the one public parsers read; a new major version may change meanings.
    const std::string_view text = Text(version);
    if (text != "2" && !text.starts_with("2.")) {
      problems_.At(version, "version " + Quoted(text) +
                                " du format DELTA non prise en charge : version 2.x attendue");
    }
  }
  if (pugi::xml_node file_date = root.child("date")) {
    const std::string_view text = Text(file_date);
    if (auto day = delta::ParseDeltaDate(text)) {
      file_year_ = int(day->year());
    } else {
      problems_.At(file_date,
                   "date " + Quoted(text) + " invalide dans « date » : JJ/MM/AAAA attendu");
    }
  }
  return root.child("deliberations");
}

std::vector<DeltaDeliberation> DeltaParser::Read(const pugi::xml_document& document) {
  std::vector<DeltaDeliberation> deliberations;
  const pugi::xml_node list = ReadRoot(document);
  if (!list) return deliberations;
  CheckShape(list, Content::kElements, {{"deliberation", Occurs::kMany}}, {});
  for (pugi::xml_node node : list.children("deliberation")) {
    if (auto deliberation = ReadDeliberation(node))
      deliberations.push_back(std::move(*deliberation));
  }
  RefuseRepeatedDeliberations(deliberations);
  return deliberations;
}

std::optional<DeltaDeliberation> DeltaParser::ReadDeliberation(pugi::xml_node node) {
  const std::size_t problems_before = problems_.count();
  CheckShape(node, Content::kElements,
             {{"saisie", Occurs::kOnce},
              {"date", Occurs::kOptional},
              {"taxeAdditionnelleDepartementale", Occurs::kOptional},
              {"taxeAdditionnelleRegionale", Occurs::kOptional},
              {"taxeAdditionnelleLGV", Occurs::kOptional},
              {"taxeAdditionnelleArticleL2531-18", Occurs::kOptional},
              {"loyerMaximumNuit", Occurs::kOptional},
              {"collectivites", Occurs::kOptional},
              {"regimes", Occurs::kOptional},
              {"periodes", Occurs::kOnce},
              {"abattements", Occurs::kOptional}},
             {});
  DeltaDeliberation out;
  out.line = problems_.LineOf(node);
  const Collectivity collectivity = ReadCollectivity(node.child("saisie"));
  out.siren = collectivity.siren;
  out.collectivity_name = collectivity.name;
  rates::Deliberation& deliberation = out.deliberation;
  if (pugi::xml_node adopted = node.child("date")) {
    const std::string_view text = Text(adopted);
    deliberation.adopted_on = delta::ParseDeltaDate(text);
    if (!deliberation.adopted_on) {
      problems_.At(adopted,
                   "date " + Quoted(text) + " invalide dans « date » : JJ/MM/AAAA attendu");
    }
  }
  if (pugi::xml_node rent = node.child("loyerMaximumNuit")) {
    // The rent threshold of exemption 4° (older OCSIT@N files); empty means none.
    const std::string_view text = Text(rent);
    if (!text.empty()) deliberation.low_rent_threshold = Euros(rent, text);
  }
  const AddOnFlags flags = ReadAddOnFlags(node);
  deliberation.communes = ReadCommunes(node, node.child("collectivites"), collectivity.insee_code);
  deliberation.flat_rate_natures = ReadRegimes(node.child("regimes"));
  const bool has_year = ReadPeriods(node.child("periodes"), deliberation);
  deliberation.abatements = ReadAbatements(node.child("abattements"));
  if (has_year) {
    deliberation.additional_taxes =
        AdditionalTaxes(flags, collectivity, deliberation.communes, deliberation.year);
  }
  if (problems_.count() != problems_before) return std::nullopt;
  return out;
}

Collectivity DeltaParser::ReadCollectivity(pugi::xml_node saisie) {
  Collectivity out;
  if (!saisie) return out;
  CheckShape(saisie, Content::kElements, {{"collectiviteDeliberante", Occurs::kOnce}}, {});
  const pugi::xml_node deliberante = saisie.child("collectiviteDeliberante");
  if (!deliberante) return out;
  CheckShape(deliberante, Content::kElements,
             {{"nom", Occurs::kOnce},
              {"codeInsee", Occurs::kOptional},
              {"departement", Occurs::kOptional}},
             {"siren"});
  if (const auto siren = RequiredAttribute(deliberante, "siren")) {
    out.siren = *siren;
    const bool digits =
        siren->size() == 9 && siren->find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits) {
      problems_.At(deliberante, "SIREN " + Quoted(*siren) + " invalide : 9 chiffres attendus");
    } else if (!PassesLuhn(*siren)) {
      problems_.At(deliberante,
                   "SIREN " + Quoted(*siren) + " invalide : clé de contrôle incorrecte");
    }
  }
  if (pugi::xml_node name = deliberante.child("nom")) {
    out.name = Text(name);
    if (out.name.empty()) problems_.At(name, "nom de la collectivité délibérante vide");
  }
  if (pugi::xml_node insee = deliberante.child("codeInsee")) {
    out.insee_code = Text(insee);
    if (!IsInseeCommuneCode(out.insee_code)) {
      problems_.At(insee, "code INSEE " + Quoted(out.insee_code) +
                              " invalide : 5 caractères attendus (ex. 15014, 2A004)");
    }
  }
  if (pugi::xml_node departement = deliberante.child("departement")) {
    CheckShape(departement, Content::kElements, {{"numero", Occurs::kOnce}}, {});
    if (pugi::xml_node numero = departement.child("numero")) {
      out.departement = Text(numero);
      if (!IsDepartmentCode(out.departement)) {
        problems_.At(numero, "numéro de département " + Quoted(out.departement) +
                                 " invalide (ex. 15, 2A, 974)");
      }
    }
  }
  return out;
}

AddOnFlags DeltaParser::ReadAddOnFlags(pugi::xml_node deliberation) {
  AddOnFlags flags;
  flags.departemental = Boolean(deliberation.child("taxeAdditionnelleDepartementale"));
  flags.regional = Boolean(deliberation.child("taxeAdditionnelleRegionale"));
  flags.idf_mobilites = Boolean(deliberation.child("taxeAdditionnelleArticleL2531-18"));
  const pugi::xml_node rail = deliberation.child("taxeAdditionnelleLGV");
  if (Boolean(rail)) flags.rail = rail;
  return flags;
}

std::vector<std::string> DeltaParser::ReadCommunes(pugi::xml_node deliberation,
                                                   pugi::xml_node collectivites,
                                                   const std::string& deliberating_commune) {
  std::vector<std::string> communes;
  bool declared = !deliberating_commune.empty();
  if (collectivites) {
    CheckShape(collectivites, Content::kElements, {{"collectivite", Occurs::kMany}}, {});
  }
  for (pugi::xml_node collectivite : collectivites.children("collectivite")) {
    declared = true;
    CheckShape(collectivite, Content::kElements,
               {{"nom", Occurs::kOptional}, {"codeInsee", Occurs::kOnce}}, {"siren"});
    if (pugi::xml_node name = collectivite.child("nom")) Text(name);
    const std::string_view siren = Trim(collectivite.attribute("siren").value());
    if (collectivite.attribute("siren") && (siren.size() != 9 || !PassesLuhn(siren))) {
      problems_.At(collectivite, "SIREN " + Quoted(siren) +
                                     " invalide : 9 chiffres attendus, clé de contrôle comprise");
    }
    const pugi::xml_node insee = collectivite.child("codeInsee");
    if (!insee) continue;
    const std::string code(Text(insee));
    if (!IsInseeCommuneCode(code)) {
      problems_.At(insee, "code INSEE " + Quoted(code) +
                              " invalide : 5 caractères attendus (ex. 15014, 2A004)");
    } else if (std::find(communes.begin(), communes.end(), code) != communes.end()) {
      problems_.At(insee, "commune " + Quoted(code) + " en double dans la délibération");
    } else {
      communes.push_back(code);
    }
  }
  // A commune deliberating alone (Paris) is named by collectiviteDeliberante/codeInsee and may
  // have no <collectivites> block; it is covered either way.
  if (IsInseeCommuneCode(deliberating_commune) &&
      std::find(communes.begin(), communes.end(), deliberating_commune) == communes.end()) {
    communes.push_back(deliberating_commune);
  }
  if (!declared) {
    problems_.At(deliberation,
                 "la délibération ne désigne aucune commune "
                 "(collectivites/collectivite/codeInsee ou "
                 "collectiviteDeliberante/codeInsee attendu)");
  }
  return communes;
}

std::vector<std::string> DeltaParser::ReadRegimes(pugi::xml_node regimes) {
  std::vector<std::string> flat_rate_natures;
  if (!regimes) return flat_rate_natures;
  CheckShape(regimes, Content::kElements, {{"regime", Occurs::kMany}}, {});
  std::set<int> seen;
  for (pugi::xml_node regime : regimes.children("regime")) {
    CheckShape(regime, Content::kText, {}, {"natureId"});
    const std::string_view text = Trim(regime.child_value());
    const auto value = delta::ParseRegime(text);
    if (!value) {
      problems_.At(regime, "régime " + Quoted(text) + " inconnu : Réel ou Forfaitaire attendu");
    }
    const auto id = RequiredAttribute(regime, "natureId");
    if (!id) continue;
    const auto nature = delta::NatureOfId(*id);
    if (!nature) {
      problems_.At(regime, "natureId " + Quoted(*id) + " inconnu");
    } else if (!seen.insert(nature->id).second) {
      problems_.At(regime, "natureId " + Quoted(*id) + " en double dans « regimes »");
    } else if (value == delta::Regime::kFlatRate && !nature->nature) {
      problems_.At(regime, "natureId " + Quoted(*id) +
                               " (hébergements non classés) au régime forfaitaire : ces "
                               "hébergements sont obligatoirement taxés au réel");
    } else if (value == delta::Regime::kFlatRate) {
      flat_rate_natures.emplace_back(NatureName(*nature->nature));
    }
  }
  return flat_rate_natures;
}

bool DeltaParser::ReadPeriods(pugi::xml_node periodes, rates::Deliberation& deliberation) {
  if (!periodes) return false;
  const std::size_t problems_before = problems_.count();
  CheckShape(periodes, Content::kElements, {{"periode", Occurs::kMany}}, {});
  std::optional<int> year;
  std::optional<PeriodTariffs> tariffs;
  int tariffs_line = 0;
  for (pugi::xml_node periode : periodes.children("periode")) {
    CheckShape(
        periode, Content::kElements,
        {{"dateDebut", Occurs::kOnce}, {"dateFin", Occurs::kOnce}, {"tarifs", Occurs::kOnce}}, {});
    if (const auto period = ReadPeriodDates(periode)) {
      const int period_year = int(period->first_night.year());
      if (year && period_year != *year) {
        problems_.At(periode, "période en " + std::to_string(period_year) +
                                  " alors que la première période de la délibération est en " +
                                  std::to_string(*year) +
                                  " : une délibération ne vaut que pour une année");
      }
      if (!year) year = period_year;
      deliberation.perception_periods.push_back(*period);
    }
    const auto period_tariffs = ReadTariffs(periode.child("tarifs"));
    if (period_tariffs && tariffs && *period_tariffs != *tariffs) {
      // rates::Deliberation holds one tariff per category for the year.
      problems_.At(periode,
                   "les tarifs de cette période diffèrent de ceux de la période de la "
                   "ligne " +
                       std::to_string(tariffs_line) +
                       " : un seul tarif par catégorie et par année est pris en charge");
    } else if (period_tariffs && !tariffs) {
      tariffs = period_tariffs;
      tariffs_line = problems_.LineOf(periode);
    }
  }
  if (!periodes.child("periode")) {
    problems_.At(periodes, "aucune période de perception dans « periodes »");
  }
  if (problems_.count() != problems_before || !year || !tariffs) return false;
  deliberation.year = *year;
  for (std::size_t row = 0; row < deliberation.tariffs.size(); ++row) {
    deliberation.tariffs[row] = *tariffs->fixed[row];
  }
  deliberation.unclassified_rate = *tariffs->unclassified;
  return true;
}

std::optional<rates::PerceptionPeriod> DeltaParser::ReadPeriodDates(pugi::xml_node periode) {
  // Periods written without a year ("01 janvier") are placed in the year of <delta><date>; when
  // that date is broken (already reported) 2000, a leap year, still lets "29 février" be read.
  const int year = file_year_.value_or(2000);
  std::optional<Day> bounds[2];
  std::string_view texts[2];
  const char* names[2] = {"dateDebut", "dateFin"};
  for (int i = 0; i < 2; ++i) {
    const pugi::xml_node bound = periode.child(names[i]);
    if (!bound) return std::nullopt;
    texts[i] = Text(bound);
    bounds[i] = delta::ParsePeriodDay(texts[i], year);
    if (!bounds[i]) {
      problems_.At(bound, "date " + Quoted(texts[i]) + " invalide dans " + Quoted(names[i]) +
                              " : « 01 janvier » ou JJ/MM/AAAA attendu");
    }
  }
  if (!bounds[0] || !bounds[1]) return std::nullopt;
  const std::string period = "la période du " + Quoted(texts[0]) + " au " + Quoted(texts[1]);
  if (bounds[0]->year() != bounds[1]->year()) {
    problems_.At(periode, period + " s'étend sur deux années (" +
                              std::to_string(int(bounds[0]->year())) + " et " +
                              std::to_string(int(bounds[1]->year())) +
                              ") : une délibération ne vaut que pour une année");
    return std::nullopt;
  }
  if (*bounds[1] < *bounds[0]) {
    problems_.At(periode, period +
                              " se termine avant de commencer (une période ne peut pas "
                              "chevaucher deux années)");
    return std::nullopt;
  }
  return rates::PerceptionPeriod{*bounds[0], *bounds[1]};
}

std::optional<PeriodTariffs> DeltaParser::ReadTariffs(pugi::xml_node tarifs) {
  if (!tarifs) return std::nullopt;
  CheckShape(tarifs, Content::kElements, {{"tarif", Occurs::kMany}}, {});
  PeriodTariffs out;
  std::set<int> seen;
  bool readable = true;
  for (pugi::xml_node tarif : tarifs.children("tarif")) {
    CheckShape(tarif, Content::kText, {}, {"categorieId", "isMax"});
    // isMax is read by public parsers but never used; its meaning is UNCONFIRMED, so it is only
    // checked to be a boolean (docs/delta-import.md).
    if (pugi::xml_attribute is_max = tarif.attribute("isMax");
        is_max && !delta::ParseXmlBoolean(Trim(is_max.value()))) {
      problems_.At(tarif, "valeur " + Quoted(Trim(is_max.value())) +
                              " invalide pour l'attribut « isMax » : true ou false attendu");
    }
    const auto id = RequiredAttribute(tarif, "categorieId");
    const auto category = id ? delta::CategoryOfId(*id) : std::nullopt;
    if (id && !category) problems_.At(tarif, "categorieId " + Quoted(*id) + " inconnu");
    if (!category) {
      readable = false;
      continue;
    }
    const int row = rates::LegalRow(*category);
    if (!seen.insert(row).second) {
      problems_.At(tarif, "categorieId " + Quoted(*id) + " en double dans « tarifs »");
      readable = false;
      continue;
    }
    const std::string_view text = Trim(tarif.child_value());
    if (*category == rates::Category::kUnclassified) {
      out.unclassified = Percent(tarif, text);
      readable = readable && out.unclassified.has_value();
    } else {
      out.fixed[std::size_t(row - 1)] = Euros(tarif, text);
      readable = readable && out.fixed[std::size_t(row - 1)].has_value();
    }
  }
  if (!readable) return std::nullopt;
  for (rates::Category category : rates::kAllCategories) {
    if (seen.contains(rates::LegalRow(category))) continue;
    problems_.At(tarifs, "tarif manquant pour la catégorie " +
                             std::to_string(rates::LegalRow(category)) + " (" +
                             std::string(delta::CategoryLabel(category)) + ") dans « tarifs »");
  }
  if (!out.Complete()) return std::nullopt;
  return out;
}

std::vector<rates::AbatementTier> DeltaParser::ReadAbatements(pugi::xml_node abattements) {
  std::vector<rates::AbatementTier> tiers;
  if (!abattements) return tiers;
  CheckShape(abattements, Content::kElements, {{"abattement", Occurs::kMany}}, {});
  for (pugi::xml_node abattement : abattements.children("abattement")) {
    CheckShape(
        abattement, Content::kElements,
        {{"taux", Occurs::kOnce}, {"nuiteMin", Occurs::kOnce}, {"nuiteMax", Occurs::kOptional}},
        {});
    auto nights = [&](pugi::xml_node leaf) -> std::optional<int> {
      const std::string_view text = Text(leaf);
      const auto count = delta::ParseNights(text);
      if (!count) {
        problems_.At(leaf, "nombre de nuitées " + Quoted(text) + " invalide dans " +
                               Quoted(leaf.name()) + " : entier positif attendu");
      }
      return count;
    };
    const pugi::xml_node rate = abattement.child("taux");
    const pugi::xml_node min = abattement.child("nuiteMin");
    const pugi::xml_node max = abattement.child("nuiteMax");
    const auto rate_bp = rate ? Percent(rate, Text(rate)) : std::nullopt;
    const auto min_nights = min ? nights(min) : std::nullopt;
    // An empty or absent nuiteMax is a tier without upper bound.
    const bool bounded = max && !Trim(max.child_value()).empty();
    const auto max_nights = bounded ? nights(max) : std::nullopt;
    if (max && !bounded) Text(max);
    if (!rate_bp || !min_nights || (bounded && !max_nights)) continue;
    if (max_nights && *max_nights < *min_nights) {
      problems_.At(abattement, "nuiteMax (" + std::to_string(*max_nights) +
                                   ") inférieur à nuiteMin (" + std::to_string(*min_nights) + ")");
      continue;
    }
    tiers.push_back(rates::AbatementTier{*rate_bp, *min_nights, max_nights});
  }
  return tiers;
}

// The département every commune belongs to, or empty when they span several.
std::string CommonDepartement(const std::vector<std::string>& communes) {
  if (communes.empty()) return {};
  const std::string_view first = delta::DepartementOfCommune(communes.front());
  for (const std::string& commune : communes) {
    if (delta::DepartementOfCommune(commune) != first) return {};
  }
  return std::string(first);
}

std::vector<rates::AdditionalTax> DeltaParser::AdditionalTaxes(
    const AddOnFlags& flags, const Collectivity& collectivity,
    const std::vector<std::string>& communes, int year) {
  // The file flags add-ons per deliberation, without dates: they apply from the first day of the
  // deliberation's year until a later deliberation says otherwise.
  const Day january_first{date::year{year}, date::January, date::day{1}};
  std::vector<rates::AdditionalTax> taxes;
  auto add = [&](rates::Beneficiary beneficiary, rates::BasisPoints rate) {
    taxes.push_back(rates::AdditionalTax{.beneficiary = beneficiary,
                                         .label = {},
                                         .rate = rate,
                                         .valid_from = january_first,
                                         .valid_to = std::nullopt});
  };
  if (flags.departemental) add(rates::Beneficiary::kDepartement, kDepartementalRate);
  if (flags.regional) add(rates::Beneficiary::kSocieteGrandsProjets, kRegionalRate);
  if (flags.idf_mobilites) add(rates::Beneficiary::kIleDeFranceMobilites, kIdfMobilitesRate);
  if (!flags.rail) return taxes;
  // The rail add-on's beneficiary depends on where the collectivity is: its departement/numero,
  // or else the département all its communes share.
  const std::string departement =
      collectivity.departement.empty() ? CommonDepartement(communes) : collectivity.departement;
  if (departement.empty()) {
    problems_.At(flags.rail,
                 "taxe additionnelle LGV sans département : renseignez "
                 "saisie/collectiviteDeliberante/departement/numero");
  } else if (const auto beneficiary = delta::RailProjectOf(departement)) {
    add(*beneficiary, kRailProjectRate);
  } else if (IsDepartmentCode(departement)) {
    problems_.At(flags.rail, "taxe additionnelle LGV dans le département " + Quoted(departement) +
                                 ", qui ne relève d'aucune ligne nouvelle (LNPCA : 13, 83, 06 ; "
                                 "GPSO : 33, 40, 47, 64, 31, 32, 65, 09, 46, 81, 82 ; "
                                 "LNMP : 34, 11, 66)");
  }
  return taxes;
}

void DeltaParser::RefuseRepeatedDeliberations(const std::vector<DeltaDeliberation>& deliberations) {
  // Two deliberations of one collectivity for one year would make the stored version depend on
  // the order of the file; the file is refused instead.
  std::map<std::pair<std::string, int>, int> first_line;
  for (const DeltaDeliberation& each : deliberations) {
    const auto [where, inserted] =
        first_line.emplace(std::make_pair(each.siren, each.deliberation.year), each.line);
    if (inserted) continue;
    problems_.AtLine(each.line, "seconde délibération de la collectivité " + each.siren + " pour " +
                                    std::to_string(each.deliberation.year) +
                                    " (la première est ligne " + std::to_string(where->second) +
                                    ")");
  }
}

std::string ParseErrorReason(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_no_document_element:
      return "aucun élément (fichier vide ?)";
    case pugi::status_unrecognized_tag:
      return "balise non reconnue";
    case pugi::status_bad_pi:
      return "instruction de traitement incorrecte";
    case pugi::status_bad_comment:
      return "commentaire incorrect";
    case pugi::status_bad_cdata:
      return "section CDATA incorrecte";
    case pugi::status_bad_doctype:
      return "déclaration DOCTYPE incorrecte";
    case pugi::status_bad_pcdata:
      return "texte incorrect";
    case pugi::status_bad_start_element:
      return "balise ouvrante incorrecte";
    case pugi::status_bad_attribute:
      return "attribut incorrect";
    case pugi::status_bad_end_element:
      return "balise fermante incorrecte";
    case pugi::status_end_element_mismatch:
      return "balise fermante qui ne correspond pas à la balise ouverte";
    default:
      return "structure illisible";
  }
}

}  // namespace

Result<std::vector<DeltaDeliberation>> ParseDeltaXml(std::string_view xml) {
  const auto text = delta::ToUtf8(xml);
  if (!text) {
    const delta::LineIndex raw_lines(xml);
    Problems problems(raw_lines);
    problems.AtLine(raw_lines.LineAt(std::ptrdiff_t(text.error().offset)), text.error().reason);
    return Fail(problems.ToError());
  }
  const delta::LineIndex lines(*text);
  Problems problems(lines);
  pugi::xml_document document;
  // pugixml expands only the predefined entities and ignores DOCTYPE declarations, so no
  // external entity or entity expansion attack reaches us.
  const pugi::xml_parse_result parsed =
      document.load_buffer(text->data(), text->size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    problems.AtLine(lines.LineAt(parsed.offset),
                    "XML mal formé : " + ParseErrorReason(parsed.status));
    return Fail(problems.ToError());
  }
  DeltaParser parser(problems);
  std::vector<DeltaDeliberation> deliberations = parser.Read(document);
  if (problems.count() > 0) return Fail(problems.ToError());
  return deliberations;
}

}  // namespace nuitee::imports
