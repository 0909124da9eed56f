-- wrk script for bench/auth_overhead.sh: GET NUITEE_BENCH_PATH with the caller's bearer token,
-- the same request for the server with the access check and for the one without.
-- done() prints "RESULT rps=... p50_ms=... p99_ms=... non2xx=... socket_errors=...".

local path = os.getenv("NUITEE_BENCH_PATH") or error("NUITEE_BENCH_PATH")
local token = os.getenv("NUITEE_BENCH_TOKEN") or error("NUITEE_BENCH_TOKEN")
local the_request = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })

request = function() return the_request end

done = function(summary, latency)
  local errors = summary.errors
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
