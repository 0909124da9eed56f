// The local payment simulator ("simulateur"): it stands in for PayFiP in the demo and the tests,
// and says so everywhere (its page reads "Simulateur de paiement — aucun argent réel"). It keeps
// its operations in memory: an operation is pending until someone clicks Pay or Refuse on its
// page, and the server learns the result by asking it, exactly as it asks PayFiP.
#pragma once

#include <map>
#include <mutex>

#include "payments/provider.hpp"

namespace nuitee::payments {

inline constexpr std::string_view kSimulatorCode = "simulateur";

class PaymentSimulator : public PaymentProvider {
 public:
  // `page_base`: the server's address; the payer's page is {page_base}/v1/payments/simulator/{idop}.
  explicit PaymentSimulator(std::string page_base) : page_base_(std::move(page_base)) {}
  std::string_view Code() const override { return kSimulatorCode; }
  Result<StartedPayment> Start(const PaymentRequest& request) override;
  Result<PaymentResult> Fetch(const std::string& idop) override;

  // The payer's click: kNotFound for an unknown idop, kFailedPrecondition once decided.
  Status Decide(const std::string& idop, bool pay, Day today);
  // What the simulator's page shows.
  std::optional<PaymentRequest> Operation(const std::string& idop) const;

 private:
  struct Operation_ {
    PaymentRequest request;
    PaymentResult result;
  };
  std::string page_base_;
  mutable std::mutex mutex_;
  std::map<std::string, Operation_> operations_;
  long long next_ = 0;
};

}  // namespace nuitee::payments
