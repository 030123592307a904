-- wrk script for POST /decide: each request is one of a few thousand generated account bodies, picked at random,
-- with a unique requestId put first. Environment:
--   BENCH_BODIES   file of /decide bodies, one JSON object per line (written by io.nextbestaction.bench.Accounts)
--   BENCH_RUN      run label, the prefix of every requestId ("max", "fixed", ...)
--   BENCH_IDS_DIR  if set, each thread writes the decisionId of every 2xx answer to BENCH_IDS_DIR/ids-RUN-N.txt
--   BENCH_RATE     if > 0, paces requests to this total rate (requests/s over all threads) with wrk's delay() hook
--   BENCH_THREADS  the -t given to wrk (needed for pacing)
-- done() prints one machine-readable line: BENCH key=value ... (latencies in ms, p99.9 included).

local bodies_file = os.getenv("BENCH_BODIES") or "target/bench/e2e/accounts.jsonl"
local run = os.getenv("BENCH_RUN") or "run"
local ids_dir = os.getenv("BENCH_IDS_DIR")
if ids_dir == "" then ids_dir = nil end
local rate = tonumber(os.getenv("BENCH_RATE") or "0") or 0
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1") or 1

-- Main state: keep the threads to add up their counters in done().
local threads = {}
local created = 0
function setup(thread)
  created = created + 1
  thread:set("tid", created)
  table.insert(threads, thread)
end

-- Thread state. Globals, so that done() can read them with thread:get().
ok = 0
non2xx = 0
local bodies = {}
local seq = 0
local ids = nil
local written = 0

function init(args)
  for line in io.lines(bodies_file) do
    if #line > 2 then
      table.insert(bodies, string.sub(line, 2)) -- without the leading "{": the requestId goes first
    end
  end
  if #bodies == 0 then
    error("no request bodies in " .. bodies_file)
  end
  math.randomseed(tid * 7919 + 17)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if ids_dir then
    ids = io.open(ids_dir .. "/ids-" .. run .. "-" .. tid .. ".txt", "w")
  end
end

function request()
  seq = seq + 1
  local body = '{"requestId":"' .. run .. '-' .. tid .. '-' .. seq .. '",' .. bodies[math.random(#bodies)]
  return wrk.format(nil, "/decide", nil, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
    if ids then
      local id = string.match(body, '"decisionId":"([^"]+)"')
      if id then
        ids:write(id, "\n")
        written = written + 1
        if written % 1000 == 0 then ids:flush() end
      end
    end
  else
    non2xx = non2xx + 1
    if non2xx <= 3 then
      io.stderr:write("non-2xx " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end

-- Fixed rate: each thread hands out send times spaced nthreads/rate seconds apart, whichever connection is free
-- (wrk starts a request's latency clock after the delay, so a server that falls behind is not hidden by queueing
-- here, but its queueing delay is not counted either: see bench/README.md).
if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef[[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clk_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local interval_us = 1e6 * nthreads / rate
  local next_us = nil
  local function now_us()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
  end
  function delay()
    local now = now_us()
    if next_us == nil or next_us < now - 1e6 then
      next_us = now -- start, or more than a second behind: do not burst to catch up
    end
    local slot = next_us
    next_us = next_us + interval_us
    if slot <= now then
      return 0
    end
    return math.floor((slot - now) / 1000)
  end
end

function done(summary, latency, requests)
  local ok_total, non2xx_total = 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + (t:get("ok") or 0)
    non2xx_total = non2xx_total + (t:get("non2xx") or 0)
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d ok=%d non2xx=%d connect_err=%d read_err=%d write_err=%d timeout_err=%d status_err=%d "
      .. "duration_s=%.3f rps=%.1f ok_rps=%.1f mean_ms=%.3f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f\n",
    summary.requests, ok_total, non2xx_total, e.connect, e.read, e.write, e.timeout, e.status,
    seconds, summary.requests / seconds, ok_total / seconds, latency.mean / 1000,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
