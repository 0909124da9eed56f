// ExplainInFrench for a stay: one sentence per step, French number formats, the rounding named.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rates/french_format.hpp"
#include "rates/stay_tax.hpp"
#include "tests/rates/rates_fixtures.hpp"

namespace nuitee::rates {
namespace {

using namespace fixtures;
using testing::Contains;
using testing::ElementsAre;
using testing::HasSubstr;

struct Explained {
  Stay stay;
  StayTax tax;
};

Explained ExampleA(RoundingMode rounding) {
  Deliberation deliberation = MakeDeliberation(2026, Cents(400), {500});
  deliberation.additional_taxes = {Departemental()};
  Stay stay = MakeStay(On(2026, 7, 1), 7, 4, Cents(10000));
  stay.exempt.minors = 2;
  auto tax =
      ComputeStayTax(stay, Always(Category::kUnclassified), BookOf({deliberation}), rounding);
  return {stay, *tax};
}

TEST(StayTaxExplanation, WalksThroughExampleAPerLine) {
  auto [stay, tax] = ExampleA(RoundingMode::kPerLine);
  EXPECT_THAT(
      ExplainInFrench(stay, tax),
      ElementsAre(
          "Du 01/07/2026 au 07/07/2026 (7 nuits) : hébergement non classé, 5 % du coût par "
          "personne et par nuit (délibération 2026, CGCT L. 2333-30).",
          "Coût par personne et par nuit : 100,00 € ÷ 4 occupants (exonérés compris) = 25,00 €.",
          "Taxe par personne et par nuit : 25,00 € × 5 % = 1,25 € (plafond de 4,00 € non "
          "atteint).",
          "Personnes assujetties : 2 (4 occupants dont 2 mineurs exonérés).",
          "Taxe de séjour : 1,25 € × 2 personnes × 7 nuits = 17,50 €.",
          "Taxe additionnelle départementale (10 %) : 1,75 €.",
          "Arrondi « par ligne » : la taxe de séjour et chaque taxe additionnelle sont calculées "
          "exactement sur tout le séjour, puis arrondies une seule fois au centime le plus proche "
          "(un demi-centime est arrondi au centime supérieur).",
          "Total à percevoir : 19,25 €."));
}

TEST(StayTaxExplanation, ShowsTheAdditionalTaxPerPersonNightInThatMode) {
  auto [stay, tax] = ExampleA(RoundingMode::kPerPersonNight);
  auto lines = ExplainInFrench(stay, tax);
  EXPECT_THAT(lines, Contains("Taxe additionnelle départementale (10 %) : 0,13 € par personne et "
                              "par nuit × 14 nuitées = 1,82 €."));
  EXPECT_THAT(lines, Contains(HasSubstr("Arrondi « par personne et par nuit »")));
  EXPECT_EQ(lines.back(), "Total à percevoir : 19,32 €.");
}

TEST(StayTaxExplanation, MarksInexactValuesAndNamesTheCap) {
  Deliberation deliberation = MakeDeliberation(2026, Cents(400), {440});
  Stay stay = MakeStay(On(2026, 7, 1), 1, 3, Cents(10000));
  auto tax = ComputeStayTax(stay, Always(Category::kUnclassified), BookOf({deliberation}),
                            RoundingMode::kPerLine);
  ASSERT_TRUE(tax.has_value());
  auto lines = ExplainInFrench(stay, *tax);
  EXPECT_THAT(lines, Contains("Coût par personne et par nuit : 100,00 € ÷ 3 occupants (exonérés "
                              "compris) ≈ 33,3333 €."));
  EXPECT_THAT(lines, Contains("Taxe par personne et par nuit : ≈ 33,3333 € × 4,4 % ≈ 1,4667 € "
                              "(plafond de 4,00 € non atteint)."));
  EXPECT_THAT(lines, Contains("Taxe de séjour : ≈ 1,4667 € × 3 personnes × 1 nuit = 4,40 €."));
  EXPECT_THAT(lines, Contains("Personnes assujetties : 3 (3 occupants, aucun exonéré)."));
}

TEST(StayTaxExplanation, SaysWhenTheCapBites) {
  Deliberation deliberation = MakeDeliberation(2025, Cents(480), {500});
  Stay stay = MakeStay(On(2025, 3, 10), 1, 2, Cents(60000));
  auto tax = ComputeStayTax(stay, Always(Category::kUnclassified), BookOf({deliberation}),
                            RoundingMode::kPerLine);
  ASSERT_TRUE(tax.has_value());
  EXPECT_THAT(ExplainInFrench(stay, *tax),
              Contains("Taxe par personne et par nuit : 300,00 € × 5 % = 15,00 €, ramenée au "
                       "plafond de 4,80 € (le tarif le plus élevé adopté par la collectivité, "
                       "LF 2021 art. 124)."));
}

TEST(StayTaxExplanation, DescribesEachRunAndTheirSum) {
  Deliberation deliberation = MakeDeliberation(2026);
  deliberation.perception_periods = {{On(2026, 1, 1), On(2026, 6, 30)}};
  const std::vector<CategoryFrom> categories = {{On(2021, 1, 1), Category::kThreeStars},
                                                {On(2026, 6, 28), Category::kTwoStars}};
  Stay stay = MakeStay(On(2026, 6, 27), 5, 3);
  stay.exempt.minors = 1;
  stay.exempt.seasonal_workers = 1;
  auto tax = ComputeStayTax(stay, categories, BookOf({deliberation}), RoundingMode::kPerLine);
  ASSERT_TRUE(tax.has_value());
  EXPECT_THAT(
      ExplainInFrench(stay, *tax),
      ElementsAre(
          "Nuit du 27/06/2026 : catégorie 3 étoiles, tarif de 1,50 € par personne et par nuit "
          "(délibération 2026).",
          "Du 28/06/2026 au 30/06/2026 (3 nuits) : catégorie 2 étoiles, tarif de 0,90 € par "
          "personne et par nuit (délibération 2026).",
          "Nuit du 01/07/2026 : hors période de perception, la taxe de séjour n'est pas perçue.",
          "Personnes assujetties : 1 (3 occupants dont 2 exonérés : 1 mineur et 1 titulaire "
          "d'un contrat saisonnier).",
          "Taxe de séjour nuit du 27/06/2026 : 1,50 € × 1 personne × 1 nuit = 1,50 €.",
          "Taxe de séjour du 28/06/2026 au 30/06/2026 (3 nuits) : 0,90 € × 1 personne × 3 nuits "
          "= 2,70 €.",
          "Taxe de séjour : 1,50 € + 2,70 € = 4,20 €.", HasSubstr("Arrondi « par ligne »"),
          "Total à percevoir : 4,20 €."));
}

TEST(FrenchFormat, WritesFrenchNumbers) {
  EXPECT_EQ(FormatEuros(Cents(691740)), "6 917,40 €");
  EXPECT_EQ(FormatEuros(Cents(5)), "0,05 €");
  EXPECT_EQ(FormatEuros(Cents(-125)), "-1,25 €");
  EXPECT_EQ(FormatEuros(Cents(123456789)), "1 234 567,89 €");
  EXPECT_EQ(FormatPercent({440}), "4,4 %");
  EXPECT_EQ(FormatPercent({500}), "5 %");
  EXPECT_EQ(FormatPercent({20000}), "200 %");
  EXPECT_EQ(FormatPercent({25}), "0,25 %");
  EXPECT_EQ(FormatExactEuros({225, 10}), "0,225 €");
  EXPECT_EQ(FormatExactEuros({1, 3}), "≈ 0,0033 €");
  EXPECT_EQ(FormatExactEuros({125, 1}), "1,25 €");
  EXPECT_EQ(FormatFrenchDate(On(2026, 7, 1)), "01/07/2026");
  EXPECT_EQ(CountOf(1, "nuit", "nuits"), "1 nuit");
  EXPECT_EQ(CountOf(10980, "nuit", "nuits"), "10 980 nuits");
}

}  // namespace
}  // namespace nuitee::rates
