-- wrk script of deploy/bench/run (closed model: each connection sends its next request when the
-- previous answer arrives; used for throughput at saturation).
-- Arguments after "--": METHOD PATH TOKEN_FILE. POST creates a ticket with a fresh body; GET reads.
-- Tokens (one a line) are used round-robin, so the load comes from many distinct accounts.
-- At the end one line "WRKJSON {...}" carries the numbers (latencies in microseconds).
local tokens = {}
local counter = 0
local method, path
local categories = { "DAMAGED", "LOST", "LATE", "QUALITY", "OTHER" }

function init(args)
  method = args[1]
  path = args[2]
  for line in io.lines(args[3]) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  math.randomseed(os.time() + #tokens)
  counter = math.random(#tokens)
end

function request()
  counter = counter + 1
  local headers = {
    ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1],
    ["Accept"] = "application/json",
  }
  if method == "POST" then
    headers["Content-Type"] = "application/json"
    local body = string.format(
      '{"subject":"Bench wrk ticket %d","category":"%s","description":"Load test ticket %d: the parcel arrived late and the box was dented.","deliveryId":"DLV-%d"}',
      counter, categories[(counter % 5) + 1], counter, 100000 + counter % 900000)
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"durationUs":%d,"requests":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.duration, summary.requests, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
