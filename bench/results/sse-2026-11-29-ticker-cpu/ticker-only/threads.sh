#!/usr/bin/env bash
# threads.sh PID OUTFILE: per-thread utime/stime (ticks) every 0.5 s until PID ends
pid=$1; out=$2
while kill -0 $pid 2>/dev/null; do
  t=$(date +%s.%N)
  for f in /proc/$pid/task/*/stat; do
    read -r line < $f 2>/dev/null || continue
    echo "$t ${line}"
  done
  sleep 0.5
done > $out
