-- wrk script for bench/soak/run.sh: cycles through a mix of real requests (searches in both
-- languages, syntax, filters, paging, documents, suggestions, analysis, one malformed query that
-- must stay a 400) and counts every status class per thread; done() prints the totals.
local paths = {
  "/api/search?q=liaison",
  "/api/search?q=%E7%BB%8F%E6%B5%8E%E8%81%94%E7%BB%9C",          -- 经济联络
  "/api/search?q=harbour%20report&lang=en",
  "/api/search?q=%22liaison%20office%22~2&limit=20",
  "/api/search?q=trade*&page=2",
  "/api/search?q=title:report%20AND%20common",
  "/api/search?q=econmic~1&translate=false",
  "/api/search?q=%E4%B8%AD%E5%9B%BD%20OR%20china&folder=d3",      -- 中国 OR china
  "/api/search?q=(unbalanced",                                     -- a 400, by design
  "/api/documents/d1%2Fdoc11.txt",
  "/api/suggest?prefix=lia",
  "/api/analyze?text=%E4%B8%AD%E5%9C%8B%E7%B6%93%E6%BF%9F%20economic",
  "/health",
}
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  s2xx, s4xx, s5xx, other = 0, 0, 0, 0
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1
  elseif status >= 400 then s4xx = s4xx + 1
  elseif status >= 200 and status < 300 then s2xx = s2xx + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t2, t4, t5, to = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    t2 = t2 + t:get("s2xx"); t4 = t4 + t:get("s4xx"); t5 = t5 + t:get("s5xx"); to = to + t:get("other")
  end
  io.write(string.format("STATUS 2xx=%d 4xx=%d 5xx=%d other=%d\n", t2, t4, t5, to))
  io.write(string.format("LATENCY_MS p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("ERRORS connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("TOTAL requests=%d seconds=%.1f rps=%.1f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
end
