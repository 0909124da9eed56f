// Counting the header bytes of a parsed Pistache request.
#include "api/http/header_limits.hpp"

#include <sstream>

namespace nuitee::api {

std::size_t HeaderBytes(const Pistache::Http::Request& request) {
  // Pistache keeps every field as received (raw), and parses some of them into typed headers and
  // the cookies into a jar as well; a field found only in a parsed form is counted from it.
  const auto& raw = request.headers().rawList();
  std::size_t bytes = 0;
  for (const auto& [name, field] : raw) bytes += name.size() + field.value().size() + 4;
  for (const auto& header : request.headers().list()) {
    if (raw.count(header->name())) continue;
    std::ostringstream value;
    header->write(value);
    bytes += std::char_traits<char>::length(header->name()) + value.str().size() + 4;
  }
  if (!raw.count("Cookie")) {
    for (const auto& cookie : request.cookies()) {
      bytes += cookie.name.size() + cookie.value.size() + 2;
    }
  }
  return bytes;
}

}  // namespace nuitee::api
