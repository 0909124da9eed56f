-- wrk script for bench/register_list.sh: GET /v1/collectivities/{id}/accommodations with the
-- filters an office uses every day, either one kind of request or a weighted mix of all kinds.
--
-- Environment (set by register_list.sh):
--   NUITEE_BENCH_KIND           mix (default) or one name of `kinds` below
--   NUITEE_BENCH_COLLECTIVITY   the collectivity's id
--   NUITEE_BENCH_TOKEN          the bearer token of a staff member of it
--   NUITEE_BENCH_COMMUNES       INSEE codes, "|"-separated
--   NUITEE_BENCH_MAX_SEQ        the largest accommodation seq (deep pages start below it)
--   NUITEE_BENCH_TERMS_NAME     free-text terms taken from accommodation names, "|"-separated
--   NUITEE_BENCH_TERMS_HOST     ... from host names
--   NUITEE_BENCH_TERMS_NUMBER   ... from registration numbers
--   NUITEE_BENCH_TODAY          today in Paris (YYYY-MM-DD), for the category dates
-- done() prints one line "RESULT kind=... rps=... p50_ms=... p99_ms=..." that the shell script
-- collects; wrk's own report (--latency) is printed above it.

local function split(text, separator)
  local out = {}
  for item in string.gmatch(text or "", "([^" .. separator .. "]+)") do out[#out + 1] = item end
  return out
end

local function required(name)
  local value = os.getenv(name)
  if value == nil or value == "" then error(name .. " is not set (run bench/register_list.sh)") end
  return value
end

-- Percent-encodes everything but unreserved characters (RFC 3986), UTF-8 bytes included.
local function encode(text)
  return (string.gsub(text, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The opaque cursor of api/http/query.cpp: base64url("s" .. seq), no padding.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local function cursor(after_seq)
  local plain, out, buffer, bits = "s" .. after_seq, {}, 0, 0
  for i = 1, #plain do
    buffer = buffer * 256 + string.byte(plain, i)
    bits = bits + 8
    while bits >= 6 do
      local index = math.floor(buffer / 2 ^ (bits - 6)) % 64
      out[#out + 1] = string.sub(alphabet, index + 1, index + 1)
      bits = bits - 6
      buffer = buffer % 2 ^ bits
    end
  end
  if bits > 0 then
    local index = (buffer * 2 ^ (6 - bits)) % 64
    out[#out + 1] = string.sub(alphabet, index + 1, index + 1)
  end
  return table.concat(out)
end

local kind = os.getenv("NUITEE_BENCH_KIND") or "mix"
local headers = { ["Authorization"] = "Bearer " .. required("NUITEE_BENCH_TOKEN") }
local base = "/v1/collectivities/" .. required("NUITEE_BENCH_COLLECTIVITY") .. "/accommodations?limit=50"
local communes = split(required("NUITEE_BENCH_COMMUNES"), "|")
local max_seq = tonumber(required("NUITEE_BENCH_MAX_SEQ"))
local terms = {
  name = split(required("NUITEE_BENCH_TERMS_NAME"), "|"),
  host = split(required("NUITEE_BENCH_TERMS_HOST"), "|"),
  number = split(required("NUITEE_BENCH_TERMS_NUMBER"), "|"),
}
local today = required("NUITEE_BENCH_TODAY")
local natures = { "furnished_rental", "guest_house", "hotel", "tourist_residence", "holiday_village",
                  "camping", "camper_van_area", "marina", "hostel", "palace", "other" }
local categories = { "palace", "star5", "star4", "star3", "star2", "star1",
                     "camping_3_5", "camping_1_2", "unclassified" }
-- Today, the start of the summer season (rates are declared by period) and last year's.
local days = { today, string.sub(today, 1, 4) .. "-07-01", (tonumber(string.sub(today, 1, 4)) - 1) .. "-08-15" }
local statuses = { "active", "closed", "ceased" }

local function any(list) return list[math.random(#list)] end

-- Each kind builds one request path; weights give the mix (an office's day, roughly).
local kinds = {
  first_page = { weight = 25, path = function() return base end },
  deep_page = { weight = 10, path = function()
    local page = base .. "&cursor=" .. cursor(math.random(0, max_seq - 100))
    if math.random(2) == 1 then page = page .. "&commune=" .. any(communes) end
    return page
  end },
  commune = { weight = 15, path = function() return base .. "&commune=" .. any(communes) end },
  nature = { weight = 10, path = function() return base .. "&nature=" .. any(natures) end },
  status = { weight = 5, path = function() return base .. "&status=" .. any(statuses) end },
  category = { weight = 5, path = function()
    return base .. "&category=" .. any(categories) .. "&on=" .. any(days)
  end },
  search_name = { weight = 12, path = function() return base .. "&q=" .. encode(any(terms.name)) end },
  search_host = { weight = 12, path = function() return base .. "&q=" .. encode(any(terms.host)) end },
  search_number = { weight = 6, path = function() return base .. "&q=" .. encode(any(terms.number)) end },
}
local names = {}
for name in pairs(kinds) do names[#names + 1] = name end
table.sort(names)

local choose
if kind == "mix" then
  local total, cumulative = 0, {}
  for _, name in ipairs(names) do
    total = total + kinds[name].weight
    cumulative[#cumulative + 1] = { total, kinds[name].path }
  end
  choose = function()
    local r = math.random(total)
    for _, entry in ipairs(cumulative) do
      if r <= entry[1] then return entry[2]() end
    end
  end
elseif kinds[kind] then
  choose = kinds[kind].path
else
  error("unknown NUITEE_BENCH_KIND " .. kind .. " (mix or one of " .. table.concat(names, ", ") .. ")")
end

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
end

function init(args)
  -- Different, reproducible sequences per thread.
  math.randomseed(1000 + (id or 0))
end

function request()
  return wrk.format("GET", choose(), headers)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "RESULT kind=%s requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
      .. "non2xx=%d socket_errors=%d\n",
    kind, summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
