#include "api/http/csv.hpp"

namespace nuitee::api {

std::string DecimalComma(Money amount) {
  const long long cents = amount.cents();
  const long long magnitude = cents < 0 ? -cents : cents;
  const long long rest = magnitude % 100;
  return std::string(cents < 0 ? "-" : "") + std::to_string(magnitude / 100) + "," +
         (rest < 10 ? "0" : "") + std::to_string(rest);
}

std::string CsvCell(std::string text) {
  if (!text.empty() && std::string("=+-@").find(text.front()) != std::string::npos) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(";\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvRow(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ';';
    line += cells[i];
  }
  return line + "\n";
}

}  // namespace nuitee::api
