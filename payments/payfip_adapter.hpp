// PayFiP (DGFiP) as a PaymentProvider: SOAP over HTTPS with libcurl. The endpoint, the régie's
// client number and the mode are configuration (NUITEE_PAYFIP_*; payments/payfip_settings.hpp).
#pragma once

#include "payments/provider.hpp"

namespace nuitee::payments {

inline constexpr std::string_view kPayfipCode = "payfip";

struct PayfipSettings {
  std::string soap_url;  // the web service (https://www.payfip.gouv.fr/tpa/services/securite)
  std::string numcli;    // the régie's client number, given by the DGFiP
  std::string saisie = "T";  // T test, X activation, W production
  // The payer's page, to which "?idop=" is added.
  std::string payer_page = "https://www.payfip.gouv.fr/tpa/paiementws.web";
  long timeout_seconds = 20;
};

class PayfipAdapter : public PaymentProvider {
 public:
  explicit PayfipAdapter(PayfipSettings settings) : settings_(std::move(settings)) {}
  std::string_view Code() const override { return kPayfipCode; }
  Result<StartedPayment> Start(const PaymentRequest& request) override;
  Result<PaymentResult> Fetch(const std::string& idop) override;

 private:
  Result<std::string> Call(const std::string& envelope) const;
  PayfipSettings settings_;
};

// PayFiP's settings from NUITEE_PAYFIP_URL, NUITEE_PAYFIP_NUMCLI, NUITEE_PAYFIP_SAISIE and
// NUITEE_PAYFIP_PAYER_PAGE; none without a URL and a client number.
std::optional<PayfipSettings> PayfipSettingsFromEnvironment();

}  // namespace nuitee::payments
