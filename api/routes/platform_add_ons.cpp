#include "api/routes/platform_add_ons.hpp"

#include <string>

namespace nuitee::api {
namespace {

std::string PartyOf(const rates::AdditionalTax& tax) {
  if (tax.beneficiary == rates::Beneficiary::kOther) return "other:" + tax.label;
  return std::string(rates::BeneficiaryCode(tax.beneficiary));
}

}  // namespace

std::vector<AddOnRate> AddOnsInForce(const rates::RateBook& book, Day night) {
  std::vector<AddOnRate> add_ons;
  const auto* deliberation = book.DeliberationFor(int(night.year()));
  if (!deliberation) return add_ons;
  for (const auto& tax : deliberation->deliberation.additional_taxes) {
    if (tax.AppliesOn(night)) add_ons.push_back({PartyOf(tax), tax.rate});
  }
  return add_ons;
}

}  // namespace nuitee::api
