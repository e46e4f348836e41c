-- Signed slash commands from $ACK_SLACK_FILE (timestamp TAB signature TAB body a line), each sent once: every
-- wrk thread takes every n-th line, so no two requests share a trigger_id. Path: $ACK_SLACK_PATH.
local counter = 0
function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
end

local lines = {}
local next_line = 1
function init(args)
    local threads = tonumber(os.getenv("ACK_THREADS") or "2")
    local i = 0
    for line in io.lines(os.getenv("ACK_SLACK_FILE")) do
        if i % threads == id then
            local ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
            table.insert(lines, wrk.format("POST", os.getenv("ACK_SLACK_PATH"), {
                ["Content-Type"] = "application/x-www-form-urlencoded",
                ["X-Slack-Request-Timestamp"] = ts,
                ["X-Slack-Signature"] = sig,
            }, body))
        end
        i = i + 1
    end
end

function request()
    local r = lines[next_line]
    next_line = next_line + 1
    if next_line > #lines then next_line = 1 end -- only if the file is too short for the run
    return r
end

function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("RESULT p50_ms=%.3f p99_ms=%.3f rps=%.1f requests=%d errors=%d\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
