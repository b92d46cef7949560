#!/usr/bin/env bash
# Summarizes a whole-machine perf recording (perf record -a): the share of all samples by process, then by thread
# name within process PID, then PID's hottest symbols (Java frames named from /tmp/perf-PID.map, if written).
#
#   bench/perf-summary.sh PERF_DATA PID [SYMBOLS]          SYMBOLS: how many symbols to list (default 60)
set -euo pipefail
DATA=$1; PID=$2; SYMBOLS=${3:-60}
samples() { perf script -F comm,pid,tid -i "$DATA" 2>/dev/null; }
echo "== share of all samples by process (pid, its first thread's name); 0 is the idle task"
samples | awk '{ match($0, /[0-9]+\/[0-9]+/); split(substr($0, RSTART, RLENGTH), id, "/"); comm = substr($0, 1, RSTART - 1)
    gsub(/^ +| +$/, "", comm); n[id[1]]++; if (!(id[1] in name)) name[id[1]] = comm; total++ }
  END { for (p in n) printf "%6.2f%%  %s %s\n", 100 * n[p] / total, p, name[p] }' | sort -rn | head -12 || true
echo "== share of all samples by thread name in process $PID"
samples | awk -v pid="$PID" '{ match($0, /[0-9]+\/[0-9]+/); split(substr($0, RSTART, RLENGTH), id, "/"); comm = substr($0, 1, RSTART - 1)
    gsub(/^ +| +$/, "", comm); sub(/#?[0-9]+$/, "", comm); total++; if (id[1] == pid) n[comm]++ }
  END { for (c in n) printf "%6.2f%%  %s\n", 100 * n[c] / total, c }' | sort -rn | head -20 || true
echo "== hottest symbols of process $PID (share of all samples)"
perf report -i "$DATA" --no-children --pid "$PID" --sort comm,dso,sym --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' \
  | head -"$SYMBOLS" || true
