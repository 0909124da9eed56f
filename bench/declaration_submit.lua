-- wrk script for bench/declaration_submit.sh: POST /v1/accommodations/{id}/declarations/{month}/submit
-- with 10 stays, each request a month never declared before. Request k of thread t (of T) takes
-- slot NUITEE_BENCH_OFFSET + k * T + (t - 1); the slot names the accommodation (slot modulo the
-- number of accommodations) and the month (the quotient, from 2025-01 on), so consecutive requests
-- go to different accommodations and no two requests of a run, or of two runs, share a month.
--
-- Environment (set by declaration_submit.sh):
--   NUITEE_BENCH_COLLECTIVITY   the collectivity's id
--   NUITEE_BENCH_TOKEN          the bearer token of one of its referents
--   NUITEE_BENCH_IDS_FILE       one accommodation id a line, every one open every month declared
--   NUITEE_BENCH_OFFSET         the first slot of this run (the slots of earlier runs are used up)
--   NUITEE_BENCH_MONTHS         how many months from 2025-01 may be declared (22: up to 2026-10)
--   NUITEE_BENCH_THREADS        wrk's -t (T above)
--   NUITEE_BENCH_IDEMPOTENCY    1 to send an Idempotency-Key with every request
--   NUITEE_BENCH_MINIMAL        1 to send "Prefer: return=minimal" (the month as listed, ~250 bytes,
--                               instead of the month with its computed lines, ~20 kB)
-- done() prints "RESULT rps=... p50_ms=... p99_ms=... non2xx=... socket_errors=... slots=...",
-- where slots is what the next run adds to its offset.

local function required(name)
  local value = os.getenv(name)
  if value == nil or value == "" then error(name .. " is not set (run bench/declaration_submit.sh)") end
  return value
end

local collectivity = required("NUITEE_BENCH_COLLECTIVITY")
local token = required("NUITEE_BENCH_TOKEN")
local offset = tonumber(required("NUITEE_BENCH_OFFSET"))
local thread_count = tonumber(required("NUITEE_BENCH_THREADS"))
local months = tonumber(os.getenv("NUITEE_BENCH_MONTHS") or "22")
local idempotency = os.getenv("NUITEE_BENCH_IDEMPOTENCY") == "1"
local minimal = os.getenv("NUITEE_BENCH_MINIMAL") == "1"
local ids = {}
for line in io.lines(required("NUITEE_BENCH_IDS_FILE")) do
  if line ~= "" then ids[#ids + 1] = line end
end
if #ids == 0 then error("no accommodation id in NUITEE_BENCH_IDS_FILE") end

-- Ten stays leaving within the month (the default stay month rule): two nights each from the 1st,
-- the 3rd... the 19th; 1 to 4 guests, some children; three of them booked through a platform.
local collectors = { [2] = "airbnb", [5] = "booking", [8] = "abritel" }
local function stays_body(year, month)
  local stays = {}
  for k = 0, 9 do
    local occupants = 1 + k % 4
    local minors = (occupants >= 3) and 1 or 0
    stays[#stays + 1] = string.format(
      '{"arrival":"%04d-%02d-%02d","nights":2,"occupants":%d,"exempt":{"minors":%d},' ..
      '"price_per_night_cents":%d,"collector":"%s"}',
      year, month, 1 + 2 * k, occupants, minors, 6000 + 700 * k, collectors[k] or "host")
  end
  return '{"stays":[' .. table.concat(stays, ",") .. "]}"
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("index", #threads - 1)
end

function init(args)
  requests_made = 0
end

function request()
  local slot = offset + requests_made * thread_count + index
  requests_made = requests_made + 1
  local accommodation = ids[(slot % #ids) + 1]
  local month_index = math.floor(slot / #ids)
  if month_index >= months then error("out of fresh months: load more accommodations") end
  local year, month = 2025 + math.floor(month_index / 12), 1 + month_index % 12
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  if idempotency then headers["Idempotency-Key"] = "bench-" .. slot end
  if minimal then headers["Prefer"] = "return=minimal" end
  return wrk.format("POST", string.format("/v1/accommodations/%s/declarations/%04d-%02d/submit",
    accommodation, year, month), headers, stays_body(year, month))
end

function done(summary, latency, requests)
  local most = 0
  for _, thread in ipairs(threads) do
    local made = thread:get("requests_made") or 0
    if made > most then most = made end
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d "
      .. "requests=%d slots=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout, summary.requests,
    (most + 1) * thread_count))
end
