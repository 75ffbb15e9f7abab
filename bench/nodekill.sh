#!/usr/bin/env bash
# "A node that dies": runs the kill test (two Host processes on one PostgreSQL, one killed with SIGKILL in the middle of a
# morning of deadlines) RUNS times with INSTANCES instances, through ./test.sh (which starts its own PostgreSQL), and keeps
# each run's output. Every run fails loudly when a timer fired twice or not at all, a mail is missing, or the dead node's
# claims were not freed within 30 s.
# Usage: bench/nodekill.sh [RUNS=4] [INSTANCES=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-4}
export FOURDUTY_KILL_INSTANCES=${2:-2000}
for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS, $FOURDUTY_KILL_INSTANCES instances, $(date -u '+%Y-%m-%d %H:%M') UTC, load $(cut -d' ' -f1 /proc/loadavg)"
  ./test.sh --filter "FullyQualifiedName~MultiNodeTimerTests" --logger "console;verbosity=detailed" 2>&1 \
    | grep -E "killed the first node|claims were freed|Passed|Failed|Shouldly|Exception|Total tests" || true
done
