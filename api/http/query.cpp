// Query string decoding and pagination parameters.
#include "api/http/query.hpp"

#include <charconv>

#include "api/http/text.hpp"

namespace nuitee::api {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::optional<std::string> PercentDecode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      decoded += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      decoded += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      decoded += c;
    }
  }
  return decoded;
}

Result<QueryParameters> QueryParameters::Read(const Exchange& exchange,
                                              const std::set<std::string>& allowed) {
  QueryParameters parameters;
  FieldErrors errors;
  const auto& query = exchange.request().query();
  for (auto it = query.parameters_begin(); it != query.parameters_end(); ++it) {
    auto name = PercentDecode(it->first);
    auto value = PercentDecode(it->second);
    // Decoded text goes to PostgreSQL, which refuses invalid UTF-8 (q=%FF was a 500).
    if (!name || !value || !IsStorableText(*name) || !IsStorableText(*value)) {
      errors.Add("/query/" + it->first, "Paramètre mal encodé.");
      continue;
    }
    if (!allowed.count(*name)) {
      errors.Add("/query/" + *name, "Paramètre inconnu : « " + *name + " ».");
      continue;
    }
    parameters.values_[*name] = *value;
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return parameters;
}

std::optional<std::string> QueryParameters::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Result<persistence::PageRequest> QueryParameters::Page() const {
  persistence::PageRequest page;
  if (auto limit = Get("limit")) {
    int value = 0;
    auto [end, error] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (error != std::errc() || end != limit->data() + limit->size() || value < 1 || value > 200) {
      return Fail(
          Error::InvalidArgument("/query/limit", "« limit » doit être un entier entre 1 et 200."));
    }
    page.limit = value;
  }
  if (auto cursor = Get("cursor")) {
    auto after = DecodeCursor(*cursor);
    if (!after) {
      return Fail(Error::InvalidArgument(
          "/query/cursor", "Ce curseur n'est pas valide : reprenez la liste depuis le début."));
    }
    page.after_seq = *after;
  }
  return page;
}

Result<std::optional<Day>> QueryParameters::DateParameter(const std::string& name) const {
  auto text = Get(name);
  if (!text) return std::optional<Day>();
  // Year 0000 would make PostgreSQL fail, and a far-future decision expire in a five-digit year.
  auto day = ParseRegisterDay(*text);
  if (!day) {
    return Fail(Error::InvalidArgument("/query/" + name,
                                       "« " + name + " » doit être une date AAAA-MM-JJ."));
  }
  return std::optional<Day>(*day);
}

std::string EncodeCursor(long long after_seq) {
  // "s" + decimal, then base64url without padding: opaque, URL-safe, versionable.
  const std::string plain = "s" + std::to_string(after_seq);
  std::string encoded;
  int buffer = 0, bits = 0;
  for (unsigned char c : plain) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      encoded += kBase64Url[(buffer >> (bits - 6)) & 0x3F];
      bits -= 6;
    }
  }
  if (bits > 0) encoded += kBase64Url[(buffer << (6 - bits)) & 0x3F];
  return encoded;
}

std::optional<long long> DecodeCursor(const std::string& cursor) {
  if (cursor.size() > 32) return std::nullopt;
  std::string plain;
  int buffer = 0, bits = 0;
  for (char c : cursor) {
    const auto index = kBase64Url.find(c);
    if (index == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | int(index);
    bits += 6;
    if (bits >= 8) {
      plain += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  if (plain.size() < 2 || plain[0] != 's') return std::nullopt;
  long long value = 0;
  auto [end, error] = std::from_chars(plain.data() + 1, plain.data() + plain.size(), value);
  if (error != std::errc() || end != plain.data() + plain.size() || value < 0) return std::nullopt;
  return value;
}

std::set<std::string> WithPagination(std::set<std::string> names) {
  names.insert("limit");
  names.insert("cursor");
  return names;
}

Result<MonthRange> QueryParameters::MonthPeriod(Day today) const {
  FieldErrors errors;
  auto read = [&](const std::string& name, Month fallback) {
    auto text = Get(name);
    if (!text) return fallback;
    auto month = ParseIsoMonth(*text);
    if (!month || month->year() < date::year{1900} || month->year() > date::year{2199}) {
      errors.Add("/query/" + name, "Un mois au format AAAA-MM est attendu.");
      return fallback;
    }
    return *month;
  };
  const Month current = today.year() / today.month();
  MonthRange range;
  range.to = read("to", current - date::months{1});
  range.from = read("from", range.to - date::months{11});
  if (errors.empty() && (range.from > range.to || (range.to - range.from).count() >= 120)) {
    errors.Add("/query/from", "La période va de « from » à « to » (inclus), dix ans au plus.");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return range;
}

}  // namespace nuitee::api
