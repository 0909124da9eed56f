// Online payment providers (issue 7): the State's PayFiP service for collectivities, and the local
// simulator of the demo and the tests, where no money moves. The flow is PayFiP's (taxe-de-sejour.md
// §10): the server creates an operation and gets its id (idop), sends the payer to the provider's
// page, and when the provider notifies the idop, asks the provider for the result before booking
// anything. The payer's redirect back is never taken as proof of payment.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <map>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"

namespace nuitee::payments {

// What the collectivity asks the provider to collect.
struct PaymentRequest {
  int year = 0;                  // exer: the budget year
  std::string debt_reference;    // refdet: the host's payment reference
  Money amount = Money::Zero();  // montant, in cents
  std::string payer_email;       // mel
  std::string object;            // objet: what the payer reads on the provider's page
  std::string notification_url;  // urlnotif: where the provider posts the idop
  std::string redirect_url;      // urlredirect: where the payer comes back
};

struct StartedPayment {
  std::string idop;
  std::string payer_url;  // where to send the payer
};

enum class PaymentOutcome {
  kPaid,       // PayFiP resultrans P: book it
  kRefused,    // R: the card or the debit was refused
  kAbandoned,  // A: the payer left
  kPending,    // no result yet (the simulator before a decision; PayFiP before the payer is done)
};
std::string_view PaymentOutcomeCode(PaymentOutcome outcome);  // "paid", "refused"...

// The provider's own account of an operation.
struct PaymentResult {
  PaymentOutcome outcome = PaymentOutcome::kPending;
  std::string code;  // resultrans as received ("P", "R", "A"...), for the history
  std::optional<Money> amount;
  std::optional<std::string> debt_reference;
  std::optional<Day> paid_on;  // dattrans
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  virtual std::string_view Code() const = 0;  // "payfip", "simulateur"
  // Error::Unavailable when the provider cannot be reached or refuses the request.
  virtual Result<StartedPayment> Start(const PaymentRequest& request) = 0;
  virtual Result<PaymentResult> Fetch(const std::string& idop) = 0;
};

// The providers a server offers, and the one a new payment goes through. Shared by the server's
// threads; the tests add a PayFiP adapter pointing at their fake SOAP server.
class PaymentProviders {
 public:
  void Add(std::shared_ptr<PaymentProvider> provider, bool make_default);
  std::shared_ptr<PaymentProvider> Find(std::string_view code) const;
  std::shared_ptr<PaymentProvider> Default() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<PaymentProvider>, std::less<>> providers_;
  std::string default_;
};

}  // namespace nuitee::payments
