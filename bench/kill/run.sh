#!/usr/bin/env bash
# Issue 11's "done when", tried as an operator would: two bot processes on one PostgreSQL, ten thousand due nudges across
# hundreds of Teams conversations and Slack channels (loopback fakes of the Bot Connector and Slack), one process killed
# with SIGKILL twice mid-dispatch and started again; then what the fakes saw. It is bot.Tests' KillDuringDispatchTests
# at a bigger size, so the trial and the test cannot drift apart.
#   bench/kill/run.sh                                  # 10,000 nudges, 500 conversations (several minutes on 2 cores)
#   KILL_NUDGES=3000 KILL_CONVERSATIONS=300 KILL_SLACK_PER_MINUTE=1800 bench/kill/run.sh
# Uses COACH_TEST_POSTGRES when set, else starts a throwaway cluster with .ci/postgres (Debian's postgresql package).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export COACH_KILL_NUDGES="${KILL_NUDGES:-10000}" COACH_KILL_CONVERSATIONS="${KILL_CONVERSATIONS:-500}"
# Slack's workspace budget as the bot ships it (300 messages a minute: its 5,000 Slack nudges take about 17 minutes).
export COACH_KILL_SLACK_PER_MINUTE="${KILL_SLACK_PER_MINUTE:-300}"

if [ -z "${COACH_TEST_POSTGRES:-}" ]; then
  pgdir="$(mktemp -d)"
  trap '"$root/.ci/postgres" stop "$pgdir"' EXIT
  COACH_TEST_POSTGRES="$("$root/.ci/postgres" start "$pgdir")"
  export COACH_TEST_POSTGRES
fi

echo "Building..."
dotnet build "$root/bot.Tests" -nologo -v q >/dev/null
echo "Two instances, $COACH_KILL_NUDGES due nudges across $COACH_KILL_CONVERSATIONS conversations (half Teams, half Slack), one instance killed twice:"
log="$(mktemp)"
status=0
dotnet test "$root/bot.Tests" --no-build --filter "FullyQualifiedName~KillDuringDispatchTests" --logger "console;verbosity=detailed" >"$log" 2>&1 || status=$?
# The trial's own report (what the fakes saw), then the verdict.
sed -n '/Standard Output Messages:/,/^$/p' "$log" | sed '1d'
grep -E '^\s+(Passed|Failed) ' "$log" || true
if [ "$status" -ne 0 ]; then
  sed -n '/Error Message:/,/Stack Trace:/p' "$log" | head -40
  echo "FAILED (full log: $log)"
  echo "verdict: NOT MET | kill trial: two instances on one PostgreSQL, one killed twice | see $log"
  exit "$status"
fi
rm -f "$log"
echo "verdict: met | kill trial: two instances on one PostgreSQL, one killed twice | $COACH_KILL_NUDGES nudges each delivered, at most the one in flight at each kill twice, every rate held"
