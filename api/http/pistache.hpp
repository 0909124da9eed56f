// The one way api/ includes Pistache. Pistache 0.0.5's common.h defines a function-like macro
// `unreachable()`, which breaks std::unreachable inside <expected> when that header is read
// afterwards; read the standard headers first and drop the macro.
#pragma once

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/http_defs.h>
#include <pistache/router.h>

#include <expected>
#include <utility>

#undef unreachable
