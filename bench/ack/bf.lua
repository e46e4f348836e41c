-- A Bot Framework `help` message with the channel token from $ACK_TOKEN; each request has its own activity id.
local counter = 0
function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
end

local n = 0
local run = os.time() -- ids never repeat across runs: the bot drops a repeated delivery
local service_url = os.getenv("ACK_SERVICE_URL")
local app_id = os.getenv("ACK_APP_ID")
local auth = "Bearer " .. os.getenv("ACK_TOKEN")
function request()
    n = n + 1
    local body = string.format(
        '{"type":"message","id":"bench-%d-%d-%d","timestamp":"2026-12-01T10:00:00.000Z","channelId":"msteams","serviceUrl":"%s",' ..
        '"from":{"id":"29:bench-user","name":"Olga","aadObjectId":"6a1b7c2d-0000-4000-8000-00000000be9c"},' ..
        '"conversation":{"id":"a:bench-conversation","conversationType":"personal","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47"},' ..
        '"recipient":{"id":"28:%s","name":"Coach"},"text":"help","locale":"en-US",' ..
        '"channelData":{"tenant":{"id":"72f988bf-86f1-41af-91ab-2d7cd011db47"}}}', run, id, n, service_url, app_id)
    return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json", ["Authorization"] = auth }, body)
end

function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("RESULT p50_ms=%.3f p99_ms=%.3f rps=%.1f requests=%d errors=%d p90_ms=%.3f p999_ms=%.3f max_ms=%.3f\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6), summary.requests, errors,
        latency:percentile(90) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
