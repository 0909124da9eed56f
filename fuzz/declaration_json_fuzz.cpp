// Fuzzes the readers of a month's declaration (api/json/declaration_json.hpp): draft, submission,
// nil declaration and revision.
#include <cstddef>
#include <cstdint>

#include "api/json/declaration_json.hpp"
#include "fuzz/json_fuzz_support.hpp"

namespace {

// The stays as the API writes them must read back as the same stays, once "departure" is dropped
// (openapi.yaml: a Stay is a StayInput plus the departure day computed from it).
void CheckStaysReadBack(const std::vector<nuitee::StayLine>& stays) {
  nlohmann::json written = nlohmann::json::array();
  for (const auto& stay : stays) {
    nlohmann::json input = nuitee::api::StayToJson(stay);
    input.erase("departure");
    written.push_back(std::move(input));
  }
  auto again = nuitee::api::DraftFromJson({{"stays", written}});
  if (!again) {
    nuitee::fuzz::CheckSendable(again.error());
    nuitee::fuzz::Fail("written stays are refused:", written.dump());
  }
  nuitee::fuzz::Check(*again == stays, "written stays read back differently:", written.dump());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nuitee;
  auto body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  if (auto draft = api::DraftFromJson(*body)) {
    CheckStaysReadBack(*draft);
  } else {
    fuzz::CheckSendable(draft.error());
  }
  if (auto submitted = api::SubmitFromJson(*body); !submitted) {
    fuzz::CheckSendable(submitted.error());
  }
  if (auto nil = api::NilFromJson(*body); !nil) fuzz::CheckSendable(nil.error());
  if (auto revision = api::RevisionFromJson(*body)) {
    CheckStaysReadBack(revision->stays);
  } else {
    fuzz::CheckSendable(revision.error());
  }
  return 0;
}
