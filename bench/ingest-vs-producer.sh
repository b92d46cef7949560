#!/usr/bin/env bash
# Stories accepted per second through ingest's HTTP API (acks=all, transactional), one document per request and
# JSON arrays of BATCH_SIZE documents (default 100; max-documents, the limit, is 500), next to Kafka's own ProducerPerformance (acks=all) on the same broker, in one run.
#
#   bench/ingest-vs-producer.sh [SINGLE_REQUESTS] [BATCH_REQUESTS] [BATCH_SIZE]       defaults: 300 10 100
#
# ProducerPerformance writes 512-byte records (a story event on the stories topic is ~450 bytes of JSON) to a
# topic with the stories topic's 6 partitions. Needs the build (launcher/target/kafka holds kafka-tools).
# FLASHWIRE_ARGS are passed to ./flashwire (e.g. --ingest.NAME=VALUE), INGEST_JVM as ingest's JVM options (one
# --ingest-jvm, so it may hold several: INGEST_JVM="-XX:+PreserveFramePointer -XX:+UseParallelGC"); WARMUP_BATCHES (default 0) adds batches of
# BATCH_SIZE to the warm-up, WARMUP_SINGLES (default 0) single posts. JIT_LOG=1 logs ingest's JIT compilations
# after the warm-up to $OUT/jit.log (unified logging switched on with jcmd, which unlike a JFR recording makes no
# compiled code be thrown away) and summarizes them per phase. PERF=1 records a system-wide perf profile (cpu-clock,
# call graphs) of the batched run to $OUT/perf.data, with perf maps of the JVMs written just after it, and prints its
# hottest symbols per process to $OUT/perf-report.txt; give the JVMs -XX:+PreserveFramePointer for whole Java stacks
# (INGEST_JVM=-XX:+PreserveFramePointer).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-/tmp/flashwire-bench/ingest}
KAFKA_PORT=${KAFKA_PORT:-19192}; INGEST_PORT=${INGEST_PORT:-18181}; TICKER_PORT=${TICKER_PORT:-18182}
PUSH_PORT=${PUSH_PORT:-18183}
KAFKA_CP="$ROOT/launcher/target/kafka/*"
SINGLE=${1:-300}; BATCHES=${2:-10}; BATCH_SIZE=${3:-100}
mkdir -p "$OUT"
rm -rf "$OUT/flashwire-data"
( cd "$ROOT" && FLASHWIRE_SKIP_BUILD=1 exec ./flashwire --kafka-port=$KAFKA_PORT --ingest-port=$INGEST_PORT \
    --ticker-port=$TICKER_PORT --push-port=$PUSH_PORT --data-dir="$OUT/flashwire-data" ${FLASHWIRE_ARGS:-} \
    ${INGEST_JVM:+"--ingest-jvm=$INGEST_JVM"} ) > "$OUT/flashwire.out" 2>&1 &
LAUNCHER=$!
trap 'kill -TERM $LAUNCHER 2>/dev/null; wait $LAUNCHER 2>/dev/null || true' EXIT
for _ in $(seq 240); do grep -q "started in" "$OUT/flashwire.out" 2>/dev/null && break; sleep 0.5; done
grep "started in" "$OUT/flashwire.out"
INGEST_PID=$(ss -ltnpH "sport = :$INGEST_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
# The load client is compiled once and runs with the C1 compiler only: run as a source file, each run compiled it
# with javac in its own JVM and the C2 compiler then spent seconds on javac's and the HTTP client's code while the
# client posted, CPU taken from ingest on a machine of two cores.
javac -d "$OUT/load-classes" "$ROOT/bench/ingest/IngestLoad.java"
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$INGEST_PID/stat"; }
# Ingest's own CPU per story as well: a figure that the other load on the machine disturbs far less than a rate.
load() {
  local before; before=$(cpu_ms)
  java -XX:TieredStopAtLevel=1 -cp "$OUT/load-classes" IngestLoad "http://127.0.0.1:$INGEST_PORT" "$@"
  local used=$(( $(cpu_ms) - before ))
  echo "   ingest CPU: $used ms = $(( used * 1000 / ($1 * $2) )) us per story"
}
raw() {
  echo "== load before ProducerPerformance: $(uptime)"
  java -Xmx512m -cp "$KAFKA_CP" org.apache.kafka.tools.ProducerPerformance --topic bench-raw --num-records 300000 \
    --record-size 512 --throughput -1 \
    --producer-props bootstrap.servers=127.0.0.1:$KAFKA_PORT acks=all enable.idempotence=true 2>&1 | tail -1
}
java -Xmx256m -cp "$KAFKA_CP" org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:$KAFKA_PORT \
  --create --topic bench-raw --partitions 6 --replication-factor 1 2>&1 | grep -v WARN || true
load 100 1 16 warm-up; load 2 100 2 warm-up-batched
# WARMUP_BATCHES more batches before measuring, so the JIT compiler has mostly done its work (it took about half of
# ingest's CPU in a 20-second batched run right after the short warm-up above).
if [ "${WARMUP_BATCHES:-0}" -gt 0 ]; then load "$WARMUP_BATCHES" "$BATCH_SIZE" 4 warm-up-batched; fi
# WARMUP_SINGLES more single posts: code that runs once per request reaches the C2 compiler only after thousands of
# requests, which batches of 500 take long to make.
if [ "${WARMUP_SINGLES:-0}" -gt 0 ]; then load "$WARMUP_SINGLES" 1 32 warm-up-single; fi
# PAUSE_CONSUMERS=1 stops the ticker and push JVMs (SIGSTOP) from here to the end of the measures, once they have read
# the warm-up: ingest and ProducerPerformance then both have the broker and the machine to themselves, as they would
# with the consumers on machines of their own. They go on (SIGCONT) afterwards and catch up.
CONSUMERS=$(pgrep -f 'ticker-service-|push-service-' | tr '\n' ' ')
if [ "${PAUSE_CONSUMERS:-0}" = 1 ]; then
  for _ in $(seq 60); do   # until the ticker and push have read the warm-up: a second without CPU
    a=$(for pid in $CONSUMERS; do cat "/proc/$pid/stat"; done | awk '{s += $14 + $15} END {print s}')
    sleep 1
    b=$(for pid in $CONSUMERS; do cat "/proc/$pid/stat"; done | awk '{s += $14 + $15} END {print s}')
    [ $(( b - a )) -le 10 ] && break
  done
  kill -STOP $CONSUMERS
  trap 'kill -CONT $CONSUMERS 2>/dev/null; kill -TERM $LAUNCHER 2>/dev/null; wait $LAUNCHER 2>/dev/null || true' EXIT
  echo "== ticker and push stopped (SIGSTOP) for the measures: $CONSUMERS"
fi
raw
uptime_s() { jcmd "$INGEST_PID" VM.uptime | awk 'NR == 2 {print $1}'; }
if [ "${JIT_LOG:-0}" = 1 ]; then
  rm -f "$OUT/jit.log"
  jcmd "$INGEST_PID" VM.log output="file=$OUT/jit.log" what=jit+compilation=debug decorators=uptime > /dev/null
  echo "single $(uptime_s)" > "$OUT/jit-phases"
fi
echo "== load before ingest single: $(uptime)"
load "$SINGLE" 1 32 "ingest, 1 document per request"
# CPU ms of each ingest thread, summed by name with the trailing number and spaces dropped (GC, the C1 and the C2
# compiler, event loops, ...).
threads_ms() {
  for t in /proc/$INGEST_PID/task/*; do
    # A thread can end between the listing and the read: it is left out.
    name=$(sed -e 's/[0-9]*$//' -e 's/ //g' "$t/comm" 2>/dev/null) || continue; awk -v n="$name" -v hz="$(getconf CLK_TCK)" '{print n, int(($14 + $15) * 1000 / hz)}' \
      "$t/stat" 2>/dev/null
  done | awk '{ms[$1] += $2} END {for (n in ms) print n, ms[n]}' | sort
}
# CPU ms of each Flashwire process: the broker and the three services, which all take part in a story's way (the
# ticker projects it, ingest reads it back), where ProducerPerformance's records cost the broker alone.
processes_ms() {
  for pid in $(pgrep -f 'launcher/target/kafka|ingest-service-|ticker-service-|push-service-'); do
    name=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -o 'launcher/target/kafka\|ingest-service\|ticker-service\|push-service' | head -1)
    [ -n "$name" ] && awk -v n="${name/launcher\/target\/kafka/broker}" -v hz="$(getconf CLK_TCK)" '{print n, int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat" 2>/dev/null
  done | sort
}
echo "== load before ingest batched: $(uptime)"
processes_ms > "$OUT/processes-before"
threads_ms > "$OUT/threads-before"
[ "${JIT_LOG:-0}" = 1 ] && echo "batched $(uptime_s)" >> "$OUT/jit-phases"
if [ "${PERF:-0}" = 1 ]; then
  rm -f "$OUT/perf.data"
  perf record -F 499 -e cpu-clock -a -g -o "$OUT/perf.data" > "$OUT/perf-record.out" 2>&1 &
  PERF_PID=$!
  sleep 1
fi
load "$BATCHES" "$BATCH_SIZE" 4 "ingest, $BATCH_SIZE documents per request"
threads_ms > "$OUT/threads-after"
processes_ms > "$OUT/processes-after"
if [ "${PERF:-0}" = 1 ]; then
  kill -INT "$PERF_PID"; wait "$PERF_PID" || true
  # Names for the JIT-compiled frames of every JVM still running (broker, ingest, ticker, push).
  for pid in $LAUNCHER $(pgrep -P "$LAUNCHER"); do jcmd "$pid" Compiler.perfmap > /dev/null 2>&1 || true; done
  perf report -i "$OUT/perf.data" --no-children --sort comm,dso --stdio 2> /dev/null | grep -v '^$' | head -40 \
    > "$OUT/perf-report.txt" || true
  perf report -i "$OUT/perf.data" --no-children --sort comm,dso,sym --stdio -g none 2> /dev/null | grep -v '^$' \
    | head -150 >> "$OUT/perf-report.txt" || true
fi
if [ "${JIT_LOG:-0}" = 1 ]; then
  echo "end $(uptime_s)" >> "$OUT/jit-phases"
  python3 "$ROOT/bench/ingest/jit-log-summary.py" "$OUT/jit-phases" "$OUT/jit.log"
fi
echo "   ingest CPU by thread during the batched run (ms):"
join -a 2 "$OUT/threads-before" "$OUT/threads-after" | awk 'NF == 3 {print $3 - $2, $1} NF == 2 {print $2, $1}' \
  | sort -rn | head -8 | sed 's/^/     /'
echo "   CPU of each process during the batched run (ms):"
join "$OUT/processes-before" "$OUT/processes-after" | awk '{print $3 - $2, $1}' | sort -rn | sed 's/^/     /'
raw
[ "${PAUSE_CONSUMERS:-0}" = 1 ] && kill -CONT $CONSUMERS
echo "== load after: $(uptime)"
