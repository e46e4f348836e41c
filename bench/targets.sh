#!/usr/bin/env bash
# Every speed and memory target of issue 11, measured on this machine one after another, each beside its baseline in
# the same run, then one table: met or not, and what was measured. About 20 minutes on 2 cores; see bench/README.md.
#   bench/targets.sh                          # SQLite and PostgreSQL (a throwaway loopback cluster from .ci/postgres)
#   TARGETS_DB=sqlite bench/targets.sh        # SQLite only (no PostgreSQL needed; about 10 minutes)
#   TARGETS_KILL=1 bench/targets.sh           # also the kill trial (bench/kill/run.sh, about 19 minutes more)
#   TARGETS_ACK_RUNS=3 bench/targets.sh       # each ack benchmark three times, a verdict for each run: their tails vary
# Needs what bench/ack/run.sh needs (wrk, node, `npm ci` in bot.Tests/Peers). Run nothing else meanwhile: every run
# shares the cores with its baseline, and anything beside them moves both. Exits 1 when a target is not met.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/coach-targets.XXXXXX")
dbs=${TARGETS_DB:-sqlite postgres}
# How long the ack benchmark lets the bot work through its warm-up's backlog before measuring: the acks come first
# either way (the turns wait for a quiet moment), and a longer wait did not empty it on 2 cores.
drain=${ACK_DRAIN_SECONDS:-120}
ack_runs=${TARGETS_ACK_RUNS:-1}
[[ "$ack_runs" =~ ^[1-9][0-9]?$ ]] || { echo "TARGETS_ACK_RUNS: a number of runs, 1 to 99" >&2; exit 2; }
bench=(dotnet "$root/bench/AccountCoachBot.Bench/bin/Release/net10.0/AccountCoachBot.Bench.dll")

pgdir="" postgres=""
cleanup() { [ -z "$pgdir" ] || "$root/.ci/postgres" stop "$pgdir"; }
trap cleanup EXIT
if [[ " $dbs " == *" postgres "* ]]; then
    pgdir=$(mktemp -d "${TMPDIR:-/tmp}/coach-targets-pg.XXXXXX")
    postgres=$("$root/.ci/postgres" start "$pgdir")
fi

echo "Building (Release)..."
dotnet build -c Release "$root/bench/AccountCoachBot.Bench" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
# Cold start starts the bot as operators deploy it (README.md, Operations): the ReadyToRun publish.
dotnet publish "$root/bot" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$work/publish" \
    -v q -nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

# run NAME COMMAND…: its output to NAME.log, its verdict lines kept; a run that fails is a target not met, not the end.
run() {
    local name=$1; shift
    echo "$(date -u +%H:%M:%S) $name (log: $work/$name.log)"
    if ! "$@" >"$work/$name.log" 2>&1; then echo "verdict: NOT MET | $name | the run failed: see $work/$name.log" >>"$work/$name.log"; fi
    grep '^verdict:' "$work/$name.log" >>"$work/verdicts" || echo "verdict: NOT MET | $name | the run printed no verdict: see $work/$name.log" >>"$work/verdicts"
}

for db in $dbs; do
    if [ "$db" = postgres ]; then
        for i in $(seq 1 "$ack_runs"); do
            # A throwaway cluster of its own each run: a bot started on the last run's database would work its backlog.
            run "ack-postgres-$i" env -u ACK_POSTGRES ACK_DB=postgres ACK_DRAIN_SECONDS="$drain" bash "$root/bench/ack/run.sh"
        done
        export COACH_BENCH_POSTGRES="$postgres"
    else
        for i in $(seq 1 "$ack_runs"); do run "ack-sqlite-$i" env -u ACK_DB ACK_DRAIN_SECONDS="$drain" bash "$root/bench/ack/run.sh"; done
        unset COACH_BENCH_POSTGRES
    fi
    run "plan-$db" "${bench[@]}" scale plan 3
    # The baselines, and the limited variants that run as the bot ships (a run every second, a wait of a second).
    run "dispatch-$db" env SCALE_DISPATCH_ONLY="a run every 1 s, waits 1 s" "${bench[@]}" scale dispatch 2
    run "memory-$db" "${bench[@]}" scale memory 5
done
unset COACH_BENCH_POSTGRES
run "coldstart" env COLDSTART_BOT="$work/publish/AccountCoachBot.dll" "${bench[@]}" scale coldstart 5
if [ "${TARGETS_KILL:-}" = 1 ]; then
    run "kill" env ${postgres:+COACH_TEST_POSTGRES="$postgres"} bash "$root/bench/kill/run.sh"
fi

echo
echo "issue 11's targets: $(date -u +%FT%TZ), $(git -C "$root" describe --always --dirty 2>/dev/null || echo "not a git checkout"), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# A Markdown table, to paste into bench/README.md as it is.
echo "| | target | measured |"; echo "|---|---|---|"
sed 's/^verdict: //' "$work/verdicts" | awk -F' [|] ' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
echo "logs: $work"
! grep -q '^verdict: NOT MET' "$work/verdicts"
