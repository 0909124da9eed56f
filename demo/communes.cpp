// Commune table of the demo. INSEE and postal codes were checked against the member lists of
// Hautes Terres Communauté, the former Pays de Murat and Massif du Sancy communities and the
// communes' own pages; a commune whose code could not be confirmed was left out.
#include "demo/communes.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace nuitee::demo {
namespace {

constexpr std::array<DemoCommune, 22> kCommunes = {{
    {"15001", "Allanche", "15160", 9},
    {"15025", "Albepierre-Bredons", "15300", 4},
    {"15041", "La Chapelle-d'Alagnon", "15300", 3},
    {"15054", "Condat", "15190", 7},
    {"15061", "Dienne", "15300", 6},
    {"15091", "Landeyrat", "15160", 2},
    {"15100", "Laveissenet", "15300", 2},
    {"15101", "Laveissière", "15300", 14},  // Le Lioran ski resort
    {"15102", "Lavigerie", "15300", 4},
    {"15114", "Marcenat", "15190", 6},
    {"15116", "Marchastel", "15400", 2},
    {"15138", "Murat", "15300", 12},
    {"15141", "Neussargues en Pinatelle", "15170", 5},
    {"15263", "Virargues", "15300", 2},
    {"63038", "Besse-et-Saint-Anastaise", "63610", 16},  // Super-Besse ski resort, lac Pavin
    {"63077", "Chambon-sur-Lac", "63790", 12},
    {"63098", "Chastreix", "63680", 4},
    {"63117", "Compains", "63610", 3},
    {"63144", "Égliseneuve-d'Entraigues", "63850", 6},
    {"63153", "Espinchal", "63850", 2},
    {"63169", "La Godivelle", "63850", 1},
    {"63279", "Picherande", "63113", 5},
}};

constexpr std::array<DemoEstablishment, 34> kEstablishments = {{
    {Nature::kHotel, "15138", "Hôtel du Rocher de Bonnevie"},
    {Nature::kHotel, "15101", "Hôtel des Crêtes du Lioran"},
    {Nature::kHotel, "63038", "Hôtel de la Font Ferrée"},
    {Nature::kHolidayVillage, "63038", "Village vacances des Hautes Chaumes"},
    {Nature::kHolidayVillage, "15101", "Village vacances du Font d'Alagnon"},
    {Nature::kHolidayVillage, "63077", "Village vacances des Rives du Chambon"},
    {Nature::kHolidayVillage, "63144", "Village vacances de l'Artense"},
    {Nature::kHolidayVillage, "15138", "Village vacances de la Vallée de Bredons"},
    {Nature::kCamping, "63077", "Camping des Bords du Lac"},
    {Nature::kCamping, "63077", "Camping de la Couze"},
    {Nature::kCamping, "15138", "Camping de l'Alagnon"},
    {Nature::kCamping, "63038", "Camping des Narses"},
    {Nature::kCamping, "63144", "Camping des Cascades"},
    {Nature::kCamping, "15054", "Camping de la Rhue"},
    {Nature::kCamping, "15001", "Camping de la Vallée de l'Allanche"},
    {Nature::kCamping, "63279", "Camping du Lac Chauvet"},
    {Nature::kCamping, "15101", "Camping des Sapins"},
    {Nature::kCamping, "15114", "Camping du Bonjon"},
    {Nature::kCamping, "63117", "Camping du Lac de Montcineyre"},
    {Nature::kCamping, "15141", "Camping de la Pinatelle"},
    {Nature::kCamperVanArea, "15001", "Aire de camping-cars d'Allanche"},
    {Nature::kCamperVanArea, "63038", "Aire de camping-cars de Besse"},
    {Nature::kCamperVanArea, "15054", "Aire de camping-cars de Condat"},
    {Nature::kCamperVanArea, "15114", "Aire de camping-cars de Marcenat"},
    {Nature::kCamperVanArea, "15061", "Aire de camping-cars de Dienne"},
    {Nature::kCamperVanArea, "63144", "Aire de camping-cars d'Égliseneuve"},
    {Nature::kCamperVanArea, "15138", "Aire de camping-cars de Murat"},
    {Nature::kCamperVanArea, "63169", "Aire de camping-cars du Lac de la Godivelle"},
    {Nature::kHostel, "15061", "Gîte d'étape de Dienne"},
    {Nature::kHostel, "15102", "Gîte d'étape du Col de Serre"},
    {Nature::kHostel, "63117", "Gîte d'étape de Compains"},
    {Nature::kHostel, "63169", "Auberge collective de la Godivelle"},
    {Nature::kHostel, "15091", "Gîte d'étape du Cézallier"},
    {Nature::kHostel, "15101", "Auberge collective du Lioran"},
}};

}  // namespace

std::span<const DemoCommune> DemoCommunes() { return kCommunes; }

const DemoCommune& DemoCommuneByCode(std::string_view insee_code) {
  for (const auto& commune : kCommunes) {
    if (commune.insee_code == insee_code) return commune;
  }
  throw std::logic_error("not a demo commune: " + std::string(insee_code));
}

std::span<const DemoEstablishment> DemoEstablishments() { return kEstablishments; }

}  // namespace nuitee::demo
