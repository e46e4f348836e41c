-- Signed slash commands, each sent once: wrk thread n takes the lines of $ACK_SLACK_FILE.n (timestamp TAB signature
-- TAB body a line; written by `ack-slack-requests`), so no two requests share a trigger_id. Path: $ACK_SLACK_PATH.
--
-- Each thread reads its lines itself, at its first request, the threads side by side, and the time that takes (nothing
-- is sent meanwhile) is taken off the run's duration for its rate. wrk runs every thread's init on its main thread, one
-- after another, while the threads made before are already sending: reading 200,000 lines there took 2.5 s, in which
-- the first thread's requests were counted (a quarter of a 10 s run's, their rate not divided by that time) and the
-- reading took one of the two cores from whatever was measured.
local counter = 0
local threads = {}
function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
end

local function wall_ms() -- LuaJIT has no wall clock of its own
    local date = io.popen("date +%s%3N")
    local ms = tonumber(date:read("*l"))
    date:close()
    return ms
end

local lines = nil
local next_line = 1
reading_ms = 0 -- global: done() reads it through thread:get

local function read_lines()
    local started = wall_ms()
    lines = {}
    local head = "POST " .. os.getenv("ACK_SLACK_PATH") .. " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
        "\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Slack-Request-Timestamp: "
    for line in io.lines(os.getenv("ACK_SLACK_FILE") .. "." .. id) do
        local ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
        lines[#lines + 1] = head .. ts .. "\r\nX-Slack-Signature: " .. sig .. "\r\nContent-Length: " .. #body .. "\r\n\r\n" .. body
    end
    reading_ms = wall_ms() - started
end

local checked = false
function request()
    -- wrk checks the first thread's request once, on its main thread, before starting it: that one is never sent.
    if id == 0 and not checked then
        checked = true
        return wrk.format("POST", os.getenv("ACK_SLACK_PATH"))
    end
    if not lines then read_lines() end
    local r = lines[next_line]
    next_line = next_line + 1
    if next_line > #lines then next_line = 1 end -- only if the file is too short for the run
    return r
end

function done(summary, latency, requests)
    local reading = 0
    for _, thread in ipairs(threads) do reading = math.max(reading, tonumber(thread:get("reading_ms")) or 0) end
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("RESULT p50_ms=%.3f p99_ms=%.3f rps=%.1f requests=%d errors=%d reading_s=%.2f p90_ms=%.3f p999_ms=%.3f max_ms=%.3f\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6 - reading / 1e3),
        summary.requests, errors, reading / 1e3, latency:percentile(90) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
