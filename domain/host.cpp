// Validation of a host record.
#include "domain/host.hpp"

#include "domain/business_identifiers.hpp"

namespace nuitee {

std::string_view HostKindName(HostKind kind) {
  return kind == HostKind::kPerson ? "person" : "company";
}

std::optional<HostKind> ParseHostKind(std::string_view name) {
  if (name == "person") return HostKind::kPerson;
  if (name == "company") return HostKind::kCompany;
  return std::nullopt;
}

Status ValidateHost(const Host& host) {
  FieldErrors errors;
  if (host.legal_name.empty()) errors.Add("/legal_name", "Le nom ou la raison sociale est obligatoire.");
  if (host.kind == HostKind::kCompany && !host.siret) {
    errors.Add("/siret", "Le SIRET est obligatoire pour une société.");
  }
  if (host.siret) {
    if (auto valid = ValidateSiret(*host.siret); !valid) errors.Append(valid.error());
  }
  if (host.email && !LooksLikeEmail(*host.email)) {
    errors.Add("/email", "L'adresse e-mail n'est pas valide.");
  }
  if (host.phone && !LooksLikePhone(*host.phone)) {
    errors.Add("/phone", "Le numéro de téléphone n'est pas valide.");
  }
  ValidatePostalAddress(host.address, "/address", errors);
  if (host.manager) {
    if (host.manager->name.empty()) {
      errors.Add("/manager/name", "Le nom du gestionnaire est obligatoire.");
    }
    if (!LooksLikeEmail(host.manager->email)) {
      errors.Add("/manager/email", "L'adresse e-mail du gestionnaire n'est pas valide.");
    }
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return {};
}

}  // namespace nuitee
