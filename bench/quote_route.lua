-- wrk script for bench/quote_route.sh: POST /v1/collectivities/{id}/quotes with a mix of the
-- simulator's questions (classified and unclassified, 1 to 14 nights, with minors), the same for
-- the quote route and for the bare handler it is compared with.
--
-- Environment: NUITEE_BENCH_COLLECTIVITY (id), NUITEE_BENCH_COMMUNE (an INSEE code it covers),
-- NUITEE_BENCH_TOKEN (a staff member's bearer token; the bare handler ignores it).
-- done() prints "RESULT rps=... p50_ms=... p99_ms=... non2xx=... socket_errors=...".

local collectivity = os.getenv("NUITEE_BENCH_COLLECTIVITY") or error("NUITEE_BENCH_COLLECTIVITY")
local commune = os.getenv("NUITEE_BENCH_COMMUNE") or error("NUITEE_BENCH_COMMUNE")
local path = "/v1/collectivities/" .. collectivity .. "/quotes"
local token = os.getenv("NUITEE_BENCH_TOKEN") or error("NUITEE_BENCH_TOKEN")

local bodies = {}
local categories = { "star3", "star2", "star1", "camping_3_5", "unclassified", "unclassified" }
for i = 1, 64 do
  local category = categories[(i % #categories) + 1]
  local nights = 1 + (i * 7) % 14
  local occupants = 1 + i % 5
  local minors = (i % 3 == 0) and math.min(1, occupants - 1) or 0
  local day = 1 + (i * 11) % 28
  local body = string.format(
    '{"commune_insee":"%s","category":"%s","arrival":"2026-%02d-%02d","nights":%d,"occupants":%d,' ..
    '"exempt":{"minors":%d}', commune, category, 1 + i % 11, day, nights, occupants, minors)
  if category == "unclassified" then
    body = body .. string.format(',"price_per_night_cents":%d', 4000 + (i * 3719) % 30000)
  end
  bodies[i] = wrk.format("POST", path, { ["Content-Type"] = "application/json",
                                         ["Authorization"] = "Bearer " .. token }, body .. "}")
end

local counter = 0
request = function()
  counter = counter + 1
  return bodies[(counter % #bodies) + 1]
end

local non2xx = 0
response = function(status)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

done = function(summary, latency)
  -- `response` runs in each thread's own Lua state, so non2xx is summed from wrk's own counters.
  local errors = summary.errors
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
