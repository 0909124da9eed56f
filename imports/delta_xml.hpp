// Reads the DGFiP DELTA file of taxe de séjour deliberations (the XML published for platforms)
// into rates::Deliberation values. The format as we read it is described in docs/delta-import.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/core/error.hpp"
#include "rates/deliberation.hpp"

namespace nuitee::imports {

struct DeltaDeliberation {
  std::string siren;  // collectiviteDeliberante@siren (9 digits)
  std::string collectivity_name;
  int line = 0;  // line of the <deliberation> element in the file
  rates::Deliberation deliberation;
};

// Parses a whole DELTA file. Any unknown element/attribute value or malformed content refuses the
// whole file: the error is Error::Invalid with one FieldError per problem, field = "/line/<n>"
// and a French message naming the element and the reason ("ligne 42 : categorieId « 12 » inconnu").
// Nothing is half-returned.
Result<std::vector<DeltaDeliberation>> ParseDeltaXml(std::string_view xml);

}  // namespace nuitee::imports
