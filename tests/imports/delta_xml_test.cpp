// The DELTA deliberations file: the sample read field by field, and every broken file refused as a
// whole with the line and the reason of each problem.
#include "imports/delta_xml.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace nuitee {
// Readable failure output; static, so it cannot clash with another test file's printer.
[[maybe_unused]] static void PrintTo(const FieldError& error, std::ostream* out) {
  *out << "{" << error.field << ", " << error.message << "}";
}
}  // namespace nuitee

namespace nuitee::imports {
namespace {

// A file of tests/data/ (by default of its delta/ folder).
std::string ReadDeltaFile(const std::string& name, const std::string& folder = "delta") {
  std::ifstream in(std::string(NUITEE_SOURCE_DIR) + "/tests/data/" + folder + "/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The sample with `from` (which must occur) replaced by `to`, once.
std::string Sample(std::string_view from = {}, std::string_view to = {}) {
  std::string text = ReadDeltaFile("sample-2026.xml");
  if (from.empty()) return text;
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The 1-based line of the first occurrence of `needle`.
int LineOf(std::string_view text, std::string_view needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  int line = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

FieldError At(int line, const std::string& reason) {
  return {"/line/" + std::to_string(line), "ligne " + std::to_string(line) + " : " + reason};
}

std::vector<FieldError> ProblemsOf(std::string_view xml) {
  const auto parsed = ParseDeltaXml(xml);
  if (parsed) {
    ADD_FAILURE() << "the file was accepted with " << parsed->size() << " deliberations";
    return {};
  }
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  return parsed.error().field_errors;
}

std::vector<DeltaDeliberation> ParsedSample() {
  auto parsed = ParseDeltaXml(Sample());
  if (!parsed) {
    for (const auto& problem : parsed.error().field_errors) ADD_FAILURE() << problem.message;
    return {};
  }
  return std::move(*parsed);
}

Day D(int year, unsigned month, unsigned day) {
  return Day{date::year{year}, date::month{month}, date::day{day}};
}

// ---- The sample, field by field ----

TEST(DeltaXml, ReadsBothDeliberationsOfTheSampleInFileOrder) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  EXPECT_EQ(deliberations[0].siren, "200999993");
  EXPECT_EQ(deliberations[0].collectivity_name, "Communauté de communes des Monts du Cézallier");
  EXPECT_EQ(deliberations[0].line, 9);
  EXPECT_EQ(deliberations[1].siren, "213399991");
  EXPECT_EQ(deliberations[1].collectivity_name, "COMMUNE DE SAINT-EXEMPLE-SUR-MER");
  EXPECT_EQ(deliberations[1].line, 83);
}

TEST(DeltaXml, PlacesPeriodsWrittenWithoutYearInTheYearOfTheFile) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  const rates::Deliberation& cezallier = deliberations[0].deliberation;
  EXPECT_EQ(cezallier.year, 2026);
  ASSERT_EQ(cezallier.perception_periods.size(), 1u);
  EXPECT_EQ(cezallier.perception_periods[0].first_night, D(2026, 1, 1));
  EXPECT_EQ(cezallier.perception_periods[0].last_night, D(2026, 12, 31));
  EXPECT_EQ(cezallier.adopted_on, D(2025, 6, 19));
}

TEST(DeltaXml, ReadsSeveralPeriodsWrittenAsWholeDates) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  const rates::Deliberation& seaside = deliberations[1].deliberation;
  EXPECT_EQ(seaside.year, 2026);
  EXPECT_EQ(seaside.adopted_on, D(2025, 6, 26));
  const std::vector<rates::PerceptionPeriod> expected = {{D(2026, 4, 1), D(2026, 9, 30)},
                                                         {D(2026, 12, 19), D(2026, 12, 31)}};
  EXPECT_EQ(seaside.perception_periods, expected);
}

TEST(DeltaXml, ReadsTariffsInCentsAndTheUnclassifiedRateInBasisPoints) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  const std::int64_t cezallier[8] = {280, 200, 150, 110, 85, 70, 55, 20};
  const std::int64_t seaside[8] = {410, 300, 230, 150, 90, 80, 60, 20};
  for (std::size_t row = 0; row < 8; ++row) {
    EXPECT_EQ(deliberations[0].deliberation.tariffs[row].cents(), cezallier[row]) << row + 1;
    EXPECT_EQ(deliberations[1].deliberation.tariffs[row].cents(), seaside[row]) << row + 1;
  }
  EXPECT_EQ(deliberations[0].deliberation.unclassified_rate, rates::BasisPoints{440});
  EXPECT_EQ(deliberations[1].deliberation.unclassified_rate, rates::BasisPoints{500});
}

TEST(DeltaXml, ReadsTheCommunesOfTheCollectivitesBlock) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  const std::vector<std::string> expected = {"15001", "15054", "15101", "15138",
                                             "63038", "63077", "63169"};
  EXPECT_EQ(deliberations[0].deliberation.communes, expected);
}

TEST(DeltaXml, CoversTheCommuneThatDeliberatesAlone) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  EXPECT_EQ(deliberations[1].deliberation.communes, std::vector<std::string>{"33999"});
}

TEST(DeltaXml, ListsForfaitaireNaturesAsFlatRateNatures) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  EXPECT_TRUE(deliberations[0].deliberation.flat_rate_natures.empty());
  const std::vector<std::string> expected = {"camping", "marina"};
  EXPECT_EQ(deliberations[1].deliberation.flat_rate_natures, expected);
}

TEST(DeltaXml, ReadsAbatementTiersWithAnOpenLastTier) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  EXPECT_TRUE(deliberations[0].deliberation.abatements.empty());
  const std::vector<rates::AbatementTier> expected = {{rates::BasisPoints{3000}, 1, 60},
                                                      {rates::BasisPoints{5000}, 61, std::nullopt}};
  EXPECT_EQ(deliberations[1].deliberation.abatements, expected);
}

TEST(DeltaXml, ReadsTheRentThresholdWrittenWithADecimalComma) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  EXPECT_FALSE(deliberations[0].deliberation.low_rent_threshold);
  ASSERT_TRUE(deliberations[1].deliberation.low_rent_threshold);
  EXPECT_EQ(deliberations[1].deliberation.low_rent_threshold->cents(), 1250);
}

TEST(DeltaXml, TurnsTheDepartementalFlagIntoTenPercentFromJanuaryFirst) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  const std::vector<rates::AdditionalTax> expected = {{rates::Beneficiary::kDepartement, "",
                                                       rates::BasisPoints{1000}, D(2026, 1, 1),
                                                       std::nullopt}};
  EXPECT_EQ(deliberations[0].deliberation.additional_taxes, expected);
}

TEST(DeltaXml, GivesTheRailAddOnOfGirondeToTheGpso) {
  const auto deliberations = ParsedSample();
  ASSERT_EQ(deliberations.size(), 2u);
  const std::vector<rates::AdditionalTax> expected = {
      {rates::Beneficiary::kDepartement, "", rates::BasisPoints{1000}, D(2026, 1, 1), std::nullopt},
      {rates::Beneficiary::kGpso, "", rates::BasisPoints{3400}, D(2026, 1, 1), std::nullopt}};
  EXPECT_EQ(deliberations[1].deliberation.additional_taxes, expected);
}

TEST(DeltaXml, TurnsTheIleDeFranceFlagsIntoTheirAddOns) {
  std::string xml = Sample("<taxeAdditionnelleRegionale>false</taxeAdditionnelleRegionale>",
                           "<taxeAdditionnelleRegionale>true</taxeAdditionnelleRegionale>");
  xml.replace(xml.find("<taxeAdditionnelleArticleL2531-18>false"),
              std::string_view("<taxeAdditionnelleArticleL2531-18>false").size(),
              "<taxeAdditionnelleArticleL2531-18>true");
  const auto parsed = ParseDeltaXml(xml);
  ASSERT_TRUE(parsed);
  const std::vector<rates::AdditionalTax> expected = {
      {rates::Beneficiary::kDepartement, "", rates::BasisPoints{1000}, D(2026, 1, 1), std::nullopt},
      {rates::Beneficiary::kSocieteGrandsProjets, "", rates::BasisPoints{1500}, D(2026, 1, 1),
       std::nullopt},
      {rates::Beneficiary::kIleDeFranceMobilites, "", rates::BasisPoints{20000}, D(2026, 1, 1),
       std::nullopt}};
  EXPECT_EQ((*parsed)[0].deliberation.additional_taxes, expected);
}

TEST(DeltaXml, ReadsAbsentAddOnFlagsAsFalse) {
  const auto parsed = ParseDeltaXml(
      Sample("<taxeAdditionnelleDepartementale>true</taxeAdditionnelleDepartementale>", ""));
  ASSERT_TRUE(parsed);
  EXPECT_TRUE((*parsed)[0].deliberation.additional_taxes.empty());
}

TEST(DeltaXml, ReadsAFileDeclaredInLatin1) {
  // The sample's accented letters are all in Latin-1: é, è, É.
  const std::string utf8 = Sample("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
  std::string latin1;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte == 0xC3) {
      latin1.push_back(char(0xC0 | (static_cast<unsigned char>(utf8[++i]) & 0x3F)));
    } else {
      latin1.push_back(utf8[i]);
    }
  }
  const auto parsed = ParseDeltaXml(latin1);
  ASSERT_TRUE(parsed);
  EXPECT_EQ((*parsed)[0].collectivity_name, "Communauté de communes des Monts du Cézallier");
}

TEST(DeltaXml, AcceptsAFileWithoutDeliberations) {
  const auto parsed = ParseDeltaXml(
      "<delta><version>2.5.0</version><date>01/01/2026</date><deliberations/></delta>");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->empty());
}

// ---- The broken files of tests/data/delta ----

// Found by fuzz/delta_xml_fuzz.cpp: the declared encoding was quoted as given, so a name that is
// not UTF-8 made a message that the server cannot send as JSON.
TEST(DeltaXml, DoesNotQuoteADeclaredEncodingThatIsNotUtf8) {
  const auto problems =
      ProblemsOf(ReadDeltaFile("encoding-name-not-utf8.xml", "fuzz-regressions/delta_xml"));
  const std::vector<FieldError> expected = {
      At(1, "encodage non pris en charge : UTF-8 ou ISO-8859-1 attendu")};
  EXPECT_EQ(problems, expected);
}

TEST(DeltaXml, RefusesMalformedXmlWithTheLineOfTheFault) {
  // The <tarif> left open on line 42 is found out at line 49, where </tarifs> closes the wrong
  // element.
  const auto problems = ProblemsOf(ReadDeltaFile("broken-malformed.xml"));
  const std::vector<FieldError> expected = {
      At(49, "XML mal formé : balise fermante qui ne correspond pas à la balise ouverte")};
  EXPECT_EQ(problems, expected);
}

TEST(DeltaXml, RefusesTheWholeFileForAnUnknownCategorieId) {
  const auto problems = ProblemsOf(ReadDeltaFile("broken-unknown-category.xml"));
  const std::vector<FieldError> expected = {At(40, "categorieId « 12 » inconnu")};
  EXPECT_EQ(problems, expected);
}

TEST(DeltaXml, RefusesTheWholeFileWhenOneTariffIsMissing) {
  const auto problems = ProblemsOf(ReadDeltaFile("broken-missing-tariff.xml"));
  const std::vector<FieldError> expected = {
      At(39,
         "tarif manquant pour la catégorie 7 (campings 3 à 5 étoiles, aires de camping-cars) "
         "dans « tarifs »")};
  EXPECT_EQ(problems, expected);
}

TEST(DeltaXml, RefusesEurosWithThreeDecimals) {
  const auto problems = ProblemsOf(ReadDeltaFile("broken-euros-three-decimals.xml"));
  const std::vector<FieldError> expected = {
      At(44, "montant « 0.805 » invalide dans « tarif » : au plus deux décimales (centimes)")};
  EXPECT_EQ(problems, expected);
}

TEST(DeltaXml, RefusesAPeriodOverTwoYears) {
  const auto problems = ProblemsOf(ReadDeltaFile("broken-periods-two-years.xml"));
  const std::vector<FieldError> expected = {
      At(51,
         "la période du « 01/12/2026 » au « 31/03/2027 » s'étend sur deux années (2026 et "
         "2027) : une délibération ne vaut que pour une année")};
  EXPECT_EQ(problems, expected);
}

TEST(DeltaXml, RefusesTheRailAddOnInADepartementNoNewLineCrosses) {
  const auto problems = ProblemsOf(ReadDeltaFile("broken-lgv-unknown-departement.xml"));
  const std::vector<FieldError> expected = {
      At(19,
         "taxe additionnelle LGV dans le département « 15 », qui ne relève d'aucune ligne "
         "nouvelle (LNPCA : 13, 83, 06 ; GPSO : 33, 40, 47, 64, 31, 32, 65, 09, 46, 81, 82 ; "
         "LNMP : 34, 11, 66)")};
  EXPECT_EQ(problems, expected);
}

TEST(DeltaXml, RefusesAnElementTheFormatDoesNotHave) {
  const auto problems = ProblemsOf(ReadDeltaFile("broken-unknown-element.xml"));
  const std::vector<FieldError> expected = {
      At(21, "élément « tauxPlafond » inconnu dans « deliberation »")};
  EXPECT_EQ(problems, expected);
}

TEST(DeltaXml, ReportsEveryProblemAndReturnsNothingWhenOneDeliberationIsBroken) {
  const auto parsed = ParseDeltaXml(ReadDeltaFile("broken-several-problems.xml"));
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().message,
            "Le fichier DELTA est refusé (3 problèmes) : aucune délibération n'a été importée.");
  const std::vector<FieldError> expected = {
      At(56, "SIREN « 213399990 » invalide : clé de contrôle incorrecte"),
      At(75, "régime « Mixte » inconnu : Réel ou Forfaitaire attendu"),
      At(76, "natureId « 11 » inconnu")};
  EXPECT_EQ(parsed.error().field_errors, expected);
}

// ---- Other refusals, on the sample changed in one place ----

TEST(DeltaXml, RefusesTariffsThatDifferBetweenPeriods) {
  const std::string xml = Sample(
      "<dateDebut>19/12/2026</dateDebut>\n"
      "          <dateFin>31/12/2026</dateFin>\n"
      "          <tarifs>\n"
      "            <tarif categorieId=\"1\" isMax=\"false\">4.10</tarif>",
      "<dateDebut>19/12/2026</dateDebut>\n"
      "          <dateFin>31/12/2026</dateFin>\n"
      "          <tarifs>\n"
      "            <tarif categorieId=\"1\" isMax=\"false\">4.20</tarif>");
  const int line = LineOf(xml, "<dateDebut>19/12/2026") - 1;
  const std::vector<FieldError> expected = {
      At(line,
         "les tarifs de cette période diffèrent de ceux de la période de la ligne 107 : un "
         "seul tarif par catégorie et par année est pris en charge")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesAPeriodWithoutYearThatEndsBeforeItStarts) {
  const std::string xml =
      Sample("<dateDebut>01 janvier</dateDebut>\n          <dateFin>31 décembre",
             "<dateDebut>01 novembre</dateDebut>\n          <dateFin>31 mars");
  const std::vector<FieldError> expected = {
      At(LineOf(xml, "<dateDebut>01 novembre") - 1,
         "la période du « 01 novembre » au « 31 mars » se termine avant de commencer (une période "
         "ne peut pas chevaucher deux années)")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesTwoDeliberationsOfOneCollectivityForOneYear) {
  const std::string xml = Sample("siren=\"213399991\"", "siren=\"200999993\"");
  const std::vector<FieldError> expected = {At(
      83, "seconde délibération de la collectivité 200999993 pour 2026 (la première est ligne 9)")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesAFlagThatIsNeitherTrueNorFalse) {
  const std::string xml = Sample("<taxeAdditionnelleLGV>false</taxeAdditionnelleLGV>",
                                 "<taxeAdditionnelleLGV>non</taxeAdditionnelleLGV>");
  const std::vector<FieldError> expected = {
      At(LineOf(xml, ">non<"),
         "valeur « non » invalide pour « taxeAdditionnelleLGV » : true ou false attendu")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesUnclassifiedLodgingUnderTheFlatRate) {
  const std::string xml = Sample("<regime natureId=\"10\">Réel</regime>",
                                 "<regime natureId=\"10\">Forfaitaire</regime>");
  const std::vector<FieldError> expected = {
      At(LineOf(xml, "natureId=\"10\">Forfaitaire"),
         "natureId « 10 » (hébergements non classés) au régime forfaitaire : ces hébergements "
         "sont obligatoirement taxés au réel")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesARepeatedNatureOrCategory) {
  // natureId 2 becomes a second 1, and categorieId 2 a second 3 (the original 3 is one line below).
  std::string xml =
      Sample("<regime natureId=\"2\">Réel</regime>", "<regime natureId=\"1\">Réel</regime>");
  xml.replace(xml.find("<tarif categorieId=\"2\">"), 23, "<tarif categorieId=\"3\">");
  const std::vector<FieldError> expected = {
      At(LineOf(xml, "<regime natureId=\"1\">") + 1, "natureId « 1 » en double dans « regimes »"),
      At(LineOf(xml, "<tarif categorieId=\"3\">") + 1,
         "categorieId « 3 » en double dans « tarifs »")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesAPercentageWithMoreThanTwoDecimals) {
  const std::string xml = Sample("<taux>30.00</taux>", "<taux>30.005</taux>");
  const std::vector<FieldError> expected = {At(
      LineOf(xml, "30.005"),
      "taux « 30.005 » invalide dans « taux » : au plus deux décimales (centièmes de pour cent)")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesAnAbatementTierThatEndsBeforeItStarts) {
  const std::string xml = Sample("<nuiteMax>60</nuiteMax>", "<nuiteMax>0</nuiteMax>");
  const std::vector<FieldError> expected = {
      At(LineOf(xml, "<nuiteMax>0<") - 3, "nuiteMax (0) inférieur à nuiteMin (1)")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesASirenThatIsMissingOrMalformed) {
  const std::string missing = Sample(" siren=\"200999993\"", "");
  EXPECT_EQ(ProblemsOf(missing),
            std::vector<FieldError>{
                At(11, "attribut « siren » manquant sur « collectiviteDeliberante »")});
  const std::string short_siren = Sample("siren=\"200999993\"", "siren=\"20099999\"");
  EXPECT_EQ(ProblemsOf(short_siren),
            std::vector<FieldError>{At(11, "SIREN « 20099999 » invalide : 9 chiffres attendus")});
}

TEST(DeltaXml, RefusesAnInvalidInseeCodeOrARepeatedCommune) {
  std::string xml = Sample("<codeInsee>15054</codeInsee>", "<codeInsee>15001</codeInsee>");
  xml.replace(xml.find("<codeInsee>63169</codeInsee>"), 28, "<codeInsee>6316</codeInsee>");
  const std::vector<FieldError> expected = {
      At(LineOf(xml, "<codeInsee>15001") + 4, "commune « 15001 » en double dans la délibération"),
      At(LineOf(xml, "<codeInsee>6316<"),
         "code INSEE « 6316 » invalide : 5 caractères attendus (ex. 15014, 2A004)")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesAMissingElementNamingItsParent) {
  const std::string xml = Sample("<dateFin>31 décembre</dateFin>", "");
  const std::vector<FieldError> expected = {At(LineOf(xml, "<dateDebut>01 janvier") - 1,
                                               "élément « dateFin » manquant dans « periode »")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesAnUnknownAttributeAndStrayText) {
  std::string xml = Sample("<tarif categorieId=\"1\">2.80</tarif>",
                           "<tarif categorieId=\"1\" devise=\"EUR\">2.80</tarif>");
  xml.replace(xml.find("<abattements />"), 15, "<abattements>aucun</abattements>");
  const std::vector<FieldError> expected = {
      At(LineOf(xml, "devise="), "attribut « devise » inconnu sur « tarif »"),
      At(LineOf(xml, ">aucun<"), "texte « aucun » inattendu dans « abattements »")};
  EXPECT_EQ(ProblemsOf(xml), expected);
}

TEST(DeltaXml, RefusesAnotherRootOrFormatVersion) {
  EXPECT_EQ(ProblemsOf("<?xml version=\"1.0\"?>\n<deliberations/>"),
            std::vector<FieldError>{
                At(2, "élément racine « deliberations » inattendu : « delta » attendu")});
  const std::string xml = Sample("<version>2.5.0</version>", "<version>3.0.0</version>");
  EXPECT_EQ(
      ProblemsOf(xml),
      std::vector<FieldError>{
          At(6, "version « 3.0.0 » du format DELTA non prise en charge : version 2.x attendue")});
}

TEST(DeltaXml, RefusesAnEmptyFile) {
  EXPECT_EQ(ProblemsOf(""),
            std::vector<FieldError>{At(1, "XML mal formé : aucun élément (fichier vide ?)")});
}

TEST(DeltaXml, RefusesBytesThatAreNotUtf8WithTheirLine) {
  const std::string xml = Sample("Cézallier</nom>", "C\xE9zallier</nom>");
  EXPECT_EQ(ProblemsOf(xml),
            std::vector<FieldError>{
                At(12, "octet invalide en UTF-8 : le fichier doit être enregistré en UTF-8")});
}

TEST(DeltaXml, StopsDetailingProblemsAfterTwoHundred) {
  std::string unknown;
  for (int i = 0; i < 250; ++i) unknown += "<inconnu/>\n";
  const std::string xml = Sample("<abattements />", unknown);
  const auto parsed = ParseDeltaXml(xml);
  ASSERT_FALSE(parsed);
  ASSERT_EQ(parsed.error().field_errors.size(), 201u);
  EXPECT_EQ(parsed.error().field_errors.back(),
            (FieldError{"", "… et 50 autres problèmes non détaillés."}));
  EXPECT_EQ(parsed.error().message,
            "Le fichier DELTA est refusé (250 problèmes) : aucune délibération n'a été importée.");
}

}  // namespace
}  // namespace nuitee::imports
