#!/usr/bin/env bash
# One breaking alert fanned out to COUNT webhook subscriptions, next to wrk's raw request rate against the same
# sink, in one run.
#
#   bench/webhook-fanout.sh [COUNT] [HOSTS]          defaults: 100000 100
#
# The sink is Debian nginx answering 204 on HOSTS loopback addresses 127.0.1.1..HOSTS, port 18300 (see
# webhook/nginx-sink.conf), logging the time and webhook-id of every request. Order: sink up; wrk ceiling;
# Flashwire started fresh; COUNT subscriptions created through POST /v1/subscriptions (creation limit raised);
# one story with urgency 1 posted to ingest; wait until the sink has logged COUNT requests carrying the alert's
# webhook-id; wrk ceiling again. Time to last delivery = last logged request - the moment the story was posted.
# Needs: the build, Debian nginx and wrk. Results in $OUT (default /tmp/flashwire-bench/webhook).
# WARMUP=N posts N alerts to the same subscriptions first and measures the next one (a warm JIT).
# PROFILE=1 records push-service with Java Flight Recorder (jcmd) from the alert to the last delivery
# ($OUT/push.jfr; read it with: jfr print --events jdk.ExecutionSample $OUT/push.jfr).
# PUSH_JVM adds JVM options to push-service, PUSH_ARGS launcher options (e.g. --push.NAME=VALUE); JIT_LOG=1 logs its JIT compilations to $OUT/jit.log (with uptime).
# PERF=1 samples the whole machine with perf (cpu-clock, call graphs) from the alert to the last delivery, push-service
# running with frame pointers and its JIT symbols written to /tmp/perf-<pid>.map; the report is $OUT/perf-report.txt.
# SYSCALLS=1 counts push-service's system calls by kind from the alert to the last delivery ($OUT/syscalls.txt).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE=$ROOT/bench/webhook
OUT=${OUT:-/tmp/flashwire-bench/webhook}
COUNT=${1:-100000}; HOSTS=${2:-100}
WAIT_SECONDS=${WAIT_SECONDS:-600}
KAFKA_PORT=${KAFKA_PORT:-19192}; INGEST_PORT=${INGEST_PORT:-18181}; TICKER_PORT=${TICKER_PORT:-18182}
PUSH_PORT=${PUSH_PORT:-18183}
SINK=/tmp/flashwire-bench/sink
DATA=$OUT/flashwire-data
PUSH_JVM=${PUSH_JVM:-}
[[ ${PERF:-0} == 1 ]] && PUSH_JVM="$PUSH_JVM -XX:+PreserveFramePointer"
[[ ${JIT_LOG:-0} == 1 ]] && PUSH_JVM="$PUSH_JVM -Xlog:jit+compilation=debug:file=$OUT/jit.log:uptime"
mkdir -p "$OUT" "$SINK/tmp"
ulimit -n 20000

echo "== machine: $(nproc) cores; $(java -version 2>&1 | head -1); $(nginx -v 2>&1); $(wrk -v 2>&1 | head -1)"
nginx_sink() { nginx -p "$SINK/" -c "$HERE/nginx-sink.conf" "$@"; }
LAUNCHER=
cleanup() {
  [[ -n $LAUNCHER ]] && { kill -TERM "$LAUNCHER" 2>/dev/null || true; wait "$LAUNCHER" 2>/dev/null || true; }
  [[ -f $SINK/nginx.pid ]] && nginx_sink -s quit 2>/dev/null || true
}
trap cleanup EXIT
rm -f "$SINK/hooks.log"
nginx_sink
sleep 0.5

ceiling() {
  echo "== load before wrk ($1): $(uptime)"
  wrk -t2 -c64 -d10s -s "$HERE/post.lua" http://127.0.1.1:18300/hook/ceiling | tee "$OUT/wrk-$1.txt"
}
ceiling before

echo "== starting Flashwire (fresh data dir $DATA)"
rm -rf "$DATA"
( cd "$ROOT" && FLASHWIRE_SKIP_BUILD=1 exec ./flashwire --kafka-port=$KAFKA_PORT --ingest-port=$INGEST_PORT \
    --ticker-port=$TICKER_PORT --push-port=$PUSH_PORT --data-dir="$DATA" \
    --push.flashwire.push.webhook.allowed-networks=127.0.0.0/8 \
    --push.flashwire.push.subscriptions.creations-per-minute=100000000 \
    ${PUSH_JVM:+"--push-jvm=$PUSH_JVM"} ${PUSH_ARGS:-} ) > "$OUT/flashwire.out" 2>&1 &
LAUNCHER=$!
for _ in $(seq 240); do grep -q "started in" "$OUT/flashwire.out" 2>/dev/null && break; sleep 0.5; done
grep "started in" "$OUT/flashwire.out"
PUSH_PID=$(pgrep -f "push-service-.*--server.port=$PUSH_PORT" | head -1)

echo "== load before creating $COUNT subscriptions: $(uptime)"
java "$HERE/CreateSubscriptions.java" "http://127.0.0.1:$PUSH_PORT" "$COUNT" "$HOSTS" 18300 64 | tee "$OUT/create.txt"
sleep 10   # let push-service read its subscriptions topic to the end

post_alert() {
  curl -s -o "$OUT/alert-response.json" -w 'alert posted: %{http_code}\n' \
    "http://127.0.0.1:$INGEST_PORT/v1/agencies/afp/stories" -u afp:afp-secret -H 'Content-Type: application/json' \
    -d "{\"uri\":\"urn:bench:alert:$(date +%s%N)\",\"language\":\"ar\",\"headlines\":[{\"role\":\"main\",\"value\":\"Bench alert $(date +%s%N)\"}],\"urgency\":1,\"version\":\"1\"}"
  cat "$OUT/alert-response.json"; echo
}
# counts the alert's requests in the sink's log: every id that is not "ceiling"
wait_for_deliveries() {
  local deadline=$(( $(date +%s) + WAIT_SECONDS )) got=0 last_got=-1 still=0
  while (( $(date +%s) < deadline )); do
    sleep 2
    got=$(awk '$3 != "ceiling" && $3 != "-"' "$SINK/hooks.log" | wc -l)
    echo "  $(date +%T) sink got $got"
    (( got >= COUNT )) && break
    if (( got == last_got )); then (( ++still >= 15 )) && { echo "no progress for 30 s, stopping"; break; }; else still=0; fi
    last_got=$got
  done
  sleep 1.5   # nginx flushes its log buffer every second
}

for (( warm = 1; warm <= ${WARMUP:-0}; warm++ )); do
  # Warm-up alerts to the same subscriptions warm push-service's code paths (JIT); their requests are then cleared
  # from the sink's log (nginx appends, so truncating is safe) and the next alert is the one measured.
  echo "== warm-up alert $warm: $(uptime)"
  post_alert
  wait_for_deliveries
  : > "$SINK/hooks.log"
  sleep 5
done

echo "== load before the alert: $(uptime)"
[[ ${PROFILE:-0} == 1 ]] && jcmd "$PUSH_PID" JFR.start name=fanout settings="${JFR_SETTINGS:-profile}" filename="$OUT/push.jfr" >/dev/null
threads_cpu() { for t in /proc/$PUSH_PID/task/*; do echo "$(cat $t/comm 2>/dev/null | tr ' ' '_') $(awk '{print $14+$15}' $t/stat 2>/dev/null)"; done; }
[[ ${PROFILE:-0} == 1 ]] && threads_cpu > "$OUT/threads-before.txt"
cpu0=$(awk '{print $14+$15}' /proc/$PUSH_PID/stat); sys0=$(awk '{print $15}' /proc/$PUSH_PID/stat)
PERF_PID=
if [[ ${PERF:-0} == 1 ]]; then
  perf record -F 999 -e cpu-clock -a -g -o "$OUT/perf.data" > "$OUT/perf-record.txt" 2>&1 &
  PERF_PID=$!
  sleep 0.5
fi
SYSCALLS_PID=
if [[ ${SYSCALLS:-0} == 1 ]]; then
  events=raw_syscalls:sys_enter
  for call in read write writev readv epoll_wait epoll_pwait epoll_pwait2 epoll_ctl recvfrom sendto sendmsg recvmsg \
      futex timerfd_settime; do events="$events,syscalls:sys_enter_$call"; done
  perf stat -e "$events" -p "$PUSH_PID" -o "$OUT/syscalls.txt" &
  SYSCALLS_PID=$!
  sleep 0.5
fi
echo "== alert posted at push-service uptime $(jcmd "$PUSH_PID" VM.uptime | tail -1)"
t0=$(date +%s.%N)   # after jcmd, whose own start-up takes a fifth of a second
post_alert
wait_for_deliveries
cpu1=$(awk '{print $14+$15}' /proc/$PUSH_PID/stat); sys1=$(awk '{print $15}' /proc/$PUSH_PID/stat)
if [[ -n $SYSCALLS_PID ]]; then
  kill -INT "$SYSCALLS_PID"; wait "$SYSCALLS_PID" || true
  grep -E 'sys_enter' "$OUT/syscalls.txt"
fi
if [[ -n $PERF_PID ]]; then
  kill -INT "$PERF_PID"; wait "$PERF_PID" || true
  jcmd "$PUSH_PID" Compiler.perfmap >/dev/null
  perf report -i "$OUT/perf.data" --no-children --sort comm,dso --stdio 2>/dev/null | grep -v '^$' | head -40 > "$OUT/perf-report.txt" || true
  perf report -i "$OUT/perf.data" --no-children --pid "$PUSH_PID" --sort comm,sym --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -120 >> "$OUT/perf-report.txt" || true
  echo "== perf: $OUT/perf-report.txt"
fi
if [[ ${PROFILE:-0} == 1 ]]; then
  jcmd "$PUSH_PID" JFR.stop name=fanout >/dev/null
  threads_cpu > "$OUT/threads-after.txt"
  echo "== push-service threads by CPU during the fan-out (ticks of 1/$(getconf CLK_TCK) s, by thread name):"
  awk 'NR == FNR { before[$1] += $2; next } { after[$1] += $2 } END { for (n in after) if (after[n] - before[n] > 0) print after[n] - before[n], n }' \
    "$OUT/threads-before.txt" "$OUT/threads-after.txt" | sort -rn | head -15
fi
awk -v t0="$t0" -v count="$COUNT" -v hz="$(getconf CLK_TCK)" -v cpu="$((cpu1 - cpu0))" -v sys="$((sys1 - sys0))" '
  $3 != "ceiling" && $3 != "-" { n++; if (!first || $1 < first) first = $1; if ($1 > last) last = $1; st[$2]++; id[$3]++ }
  END {
    printf "alert deliveries logged by the sink: %d of %d subscriptions\n", n, count
    for (s in st) printf "  status %s: %d\n", s, st[s]
    for (i in id) k++; printf "  distinct webhook-ids: %d\n", k
    printf "first delivery %.3f s after the post, last %.3f s after\n", first - t0, last - t0
    printf "deliveries/s over post..last: %.0f; over first..last: %.0f\n", n / (last - t0), n / (last - first)
    printf "push-service CPU during the fan-out (incl. wait): %.1f s (%.1f s of it in the kernel), %.0f µs per delivery\n", cpu / hz, sys / hz, cpu / hz / n * 1e6
  }' "$SINK/hooks.log" | tee "$OUT/fanout.txt"
curl -s "http://127.0.0.1:$PUSH_PORT/actuator/prometheus" | grep -E '^flashwire_push_deliveries_total' | tee "$OUT/push-metrics.txt" || true
ceiling after
echo "== load after: $(uptime)"
