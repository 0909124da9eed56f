// The two SOAP messages of PayFiP's web service (DGFiP's "PayFiP Régie" guide; taxe-de-sejour.md
// §10), built and read with a real XML library (pugixml, already used by the DELTA import), so that
// every value is escaped and a reply is read by element, not by searching text. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>

#include "domain/core/error.hpp"
#include "payments/provider.hpp"

namespace nuitee::payments {

inline constexpr std::string_view kPayfipNamespace =
    "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
    "contrat_paiement_securise/PaiementSecuriseService";

// saisie: "T" (test), "X" (activation), "W" (production).
std::string CreerPaiementSecuriseEnvelope(const PaymentRequest& request, std::string_view numcli,
                                          std::string_view saisie);
std::string RecupererDetailPaiementSecuriseEnvelope(std::string_view idop);

// The idOp of creerPaiementSecurise's reply; a SOAP fault (PayFiP's FonctionnelleErreur and
// Tech*Erreur carry code, libelle, descriptif) becomes Error::Unavailable naming its code.
Result<std::string> ReadCreerPaiementSecuriseReply(std::string_view xml);
// resultrans P → paid, R → refused, A → abandoned; any other code (or none yet) → pending, never
// booked. montant, refdet and dattrans (JJMMAAAA) are read when present.
Result<PaymentResult> ReadRecupererDetailPaiementSecuriseReply(std::string_view xml);

}  // namespace nuitee::payments
