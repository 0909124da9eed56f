// What a platform collected for one stay, split between the collectivity's taxe de séjour and the
// additional taxes in force (taxe-de-sejour.md §5: every add-on is a percentage of the tax actually
// due, so collected = tax × (1 + Σ rates)). A platform reports one amount per collection (LF 2024
// art. 129, 10°: "le montant de la taxe perçue"); the ledger books the tax as revenue and each
// add-on as payable to its beneficiary. Pure.
#pragma once

#include <string>
#include <vector>

#include "domain/core/money.hpp"
#include "rates/basis_points.hpp"

namespace nuitee {

struct AddOnRate {
  std::string party;  // the beneficiary's ledger party: "departement", "other:<label>"...
  rates::BasisPoints rate{};
  friend bool operator==(const AddOnRate&, const AddOnRate&) = default;
};

struct AddOnShare {
  std::string party;
  rates::BasisPoints rate{};
  Money amount = Money::Zero();
  friend bool operator==(const AddOnShare&, const AddOnShare&) = default;
};

struct CollectedSplit {
  Money tax = Money::Zero();
  std::vector<AddOnShare> additional;  // one per add-on, in the order given (zeros kept)
  friend bool operator==(const CollectedSplit&, const CollectedSplit&) = default;
};

// tax = collected × 10000 / (10000 + Σ rate_bp), rounded half up to the cent; what remains goes
// to the add-ons in proportion to their rates, each floored to the cent, the cents still missing
// given one by one to the largest remainders (ties: the order given). The parts sum to `collected`
// exactly. Precondition: collected >= 0 and every rate >= 0.
CollectedSplit SplitCollected(Money collected, const std::vector<AddOnRate>& add_ons);

}  // namespace nuitee
