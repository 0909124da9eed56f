// The size of a request's header fields, and the limit above which it is answered 431 (RFC 6585)
// in problem+json rather than handled: a client (or an attacker) sending 1 MiB of cookies gets a
// clear answer, and no handler copies them around.
#pragma once

#include <cstddef>

#include "api/http/pistache.hpp"

namespace nuitee::api {

// 16 KiB for all header fields together, as most servers allow (nginx: 4 × 8 KiB lines).
inline constexpr std::size_t kMaxHeaderBytes = 16 * 1024;

// The bytes of the request's header names and values as received (Pistache parses some into
// typed headers and the cookies into a jar: each is counted as it was sent).
std::size_t HeaderBytes(const Pistache::Http::Request& request);

}  // namespace nuitee::api
