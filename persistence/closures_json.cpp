// accommodations.closures <-> DayRange.
#include "persistence/closures_json.hpp"

#include <nlohmann/json.hpp>

namespace nuitee::persistence {

std::string ClosuresToJson(const std::vector<DayRange>& closures) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& closure : closures) {
    array.push_back({{"from", FormatIsoDate(closure.from)}, {"to", FormatIsoDate(closure.to)}});
  }
  return array.dump();
}

std::vector<DayRange> ClosuresFromJson(const std::string& json_text) {
  std::vector<DayRange> closures;
  for (const auto& each : nlohmann::json::parse(json_text)) {
    auto from = ParseIsoDate(each.at("from").get<std::string>());
    auto to = ParseIsoDate(each.at("to").get<std::string>());
    if (from && to) closures.push_back({*from, *to});
  }
  return closures;
}

}  // namespace nuitee::persistence
