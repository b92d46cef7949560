#!/usr/bin/env bash
# Ticker SSE fan-out next to Nchan, in one run, with the shared sse-bench tool.
#
#   bench/sse-vs-nchan.sh [N] [RATE] [MESSAGES]          defaults: 10000 10 53
#
# Order: Nchan (steady run, then a reconnect storm), then Flashwire is started fresh (broker + three
# services, see ./flashwire) and the ticker gets the same steady run, publishing through ingest (so every
# delivery crosses Kafka twice: ingest -> stories topic -> ticker projector -> ticker topic -> streams),
# then the same storm. Needs: the build (./mvnw -q -B -DskipTests package), Debian nginx +
# libnginx-mod-nchan, and SSE_BENCH (default /work/shared/tools/sse-bench).
# SKIP_STORM=1 leaves out both reconnect storms. For profiling only (no comparable figures): SKIP_NCHAN=1 leaves
# out Nchan, and TICKER_JFR=file.jfr records the ticker's steady run with Flight Recorder (jcmd, profile settings).
# EXTRA_FLASHWIRE_ARGS adds options to ./flashwire (e.g. --ticker.NAME=VALUE) for experiments; TICKER_JVM gives the
# ticker's JVM options (./flashwire --ticker-jvm, e.g. TICKER_JVM="-XX:+UseParallelGC -Xmn96m").
# PERF=1 samples the whole machine with perf (cpu-clock) for PERF_SECONDS (default 5) once the ticker's readers are
# connected, the ticker with frame pointers and its JIT symbols in /tmp/perf-<pid>.map: $OUT/perf-report.txt.
# Results: $OUT (default /tmp/flashwire-bench/sse) as JSON plus logs.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SSE_BENCH=${SSE_BENCH:-/work/shared/tools/sse-bench}
OUT=${OUT:-/tmp/flashwire-bench/sse}
[[ ${PERF:-0} == 1 ]] && TICKER_JVM="${TICKER_JVM:-} -XX:+PreserveFramePointer"
N=${1:-10000}; RATE=${2:-10}; MSGS=${3:-53}
STORM_MSGS=${STORM_MSGS:-13}
KAFKA_PORT=${KAFKA_PORT:-19192}; INGEST_PORT=${INGEST_PORT:-18181}; TICKER_PORT=${TICKER_PORT:-18182}
PUSH_PORT=${PUSH_PORT:-18183}
DATA=$OUT/flashwire-data
mkdir -p "$OUT" "$OUT/classes"
ulimit -n 20000
javac -d "$OUT/classes" "$SSE_BENCH/SseBench.java"
bench() { java -Xmx2g -cp "$OUT/classes" SseBench "$@"; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
if [[ ${SKIP_NCHAN:-0} != 1 ]]; then
echo "== $(date -u +%FT%TZ) load before Nchan: $(uptime)"
RESULTS=$OUT "$SSE_BENCH/anchors/run-anchors.sh" nchan "$N" "$RATE" "$MSGS" --resume-clients 50 \
  2>&1 | tee "$OUT/nchan.log"
# run-anchors.sh names its JSON nchan-n<N>-r<RATE>.json: keep the steady run's apart from the storm's
mv "$OUT/nchan-n$N-r$RATE.json" "$OUT/nchan-steady-n$N-r$RATE.json"
if [[ ${SKIP_STORM:-0} != 1 ]]; then
echo "== load before Nchan storm: $(uptime)"
RESULTS=$OUT "$SSE_BENCH/anchors/run-anchors.sh" nchan "$N" "$RATE" "$STORM_MSGS" --connect-rate 20000 \
  --label "nchan-storm-n$N" 2>&1 | tee "$OUT/nchan-storm.log"
mv "$OUT/nchan-n$N-r$RATE.json" "$OUT/nchan-storm-n$N.json"
fi
fi

echo "== starting Flashwire (fresh data dir $DATA)"
rm -rf "$DATA"
( cd "$ROOT" && FLASHWIRE_SKIP_BUILD=1 exec ./flashwire --kafka-port=$KAFKA_PORT --ingest-port=$INGEST_PORT \
    --ticker-port=$TICKER_PORT --push-port=$PUSH_PORT --data-dir="$DATA" \
    --ticker.flashwire.ticker.streams.max-connections-per-client=20000 \
    --ticker.flashwire.ticker.streams.max-connections=20000 \
    ${TICKER_JVM:+"--ticker-jvm=$TICKER_JVM"} \
    ${EXTRA_FLASHWIRE_ARGS:-} ) > "$OUT/flashwire.out" 2>&1 &
LAUNCHER=$!
stop_flashwire() { kill -TERM "$LAUNCHER" 2>/dev/null || true; wait "$LAUNCHER" 2>/dev/null || true; }
trap stop_flashwire EXIT
for _ in $(seq 240); do grep -q "started in" "$OUT/flashwire.out" 2>/dev/null && break; sleep 0.5; done
grep "started in" "$OUT/flashwire.out"
TICKER_PID=$(pgrep -f "ticker-service-.*--server.port=$TICKER_PORT" | head -1)
echo "ticker pid $TICKER_PID"

BODY='{"uri":"urn:bench:{RUN}:{SEQ}","language":"ar","headlines":[{"role":"main","value":"{PAYLOAD}"}],"urgency":5,"version":"1"}'
AUTH="Authorization: Basic $(printf afp:afp-secret | base64)"
ticker() {
  bench --sse-url "http://127.0.0.1:$TICKER_PORT/v1/editions/ar/stream" \
    --publish-url "http://127.0.0.1:$INGEST_PORT/v1/agencies/afp/stories" \
    --publish-body "$BODY" --publish-content-type application/json --publish-header "$AUTH" \
    --rate "$RATE" --warmup 3 --payload-bytes 200 --pid-tree "$TICKER_PID" "$@"
}
# Warm the path as a running system is warm (JIT of ingest, the broker and the ticker; Kafka producers and
# consumers): WARMUP_MSGS stories (default 3000) at WARMUP_RATE/s (default 100) to WARMUP_READERS readers (default
# 1000). After 600 stories the broker's and ingest's JIT compilers were still busy, and their CPU took from the readers.
ticker --connections "${WARMUP_READERS:-1000}" --connect-rate 1000 --messages "${WARMUP_MSGS:-3000}" \
  --rate "${WARMUP_RATE:-100}" --label warmup --json-out "$OUT/ticker-warmup.json" > "$OUT/ticker-warmup.log" 2>&1 || true
echo "== load before ticker: $(uptime)"
[[ -n ${TICKER_JFR:-} ]] && jcmd "$TICKER_PID" JFR.start name=bench settings=profile filename="$TICKER_JFR"
if [[ ${PERF:-0} == 1 ]]; then
  rm -f "$OUT/ticker.log"
  ( until grep -q 'connected:' "$OUT/ticker.log" 2>/dev/null; do sleep 0.1; done
    perf record -F 999 -e cpu-clock -a -g -o "$OUT/perf.data" -- sleep "${PERF_SECONDS:-5}" > "$OUT/perf-record.txt" 2>&1 ) &
  PERF_WAITER=$!
fi
ticker --connections "$N" --connect-rate 500 --messages "$MSGS" --resume-clients 50 \
  --label "ticker-n$N-r$RATE" --json-out "$OUT/ticker-n$N-r$RATE.json" 2>&1 | tee "$OUT/ticker.log"
[[ -n ${TICKER_JFR:-} ]] && jcmd "$TICKER_PID" JFR.stop name=bench
if [[ ${PERF:-0} == 1 ]]; then
  wait "$PERF_WAITER" || true
  jcmd "$TICKER_PID" Compiler.perfmap > /dev/null
  perf report -i "$OUT/perf.data" --no-children --sort comm,dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -50 > "$OUT/perf-report.txt" || true
  perf report -i "$OUT/perf.data" --no-children --pid "$TICKER_PID" --sort comm,sym --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -80 >> "$OUT/perf-report.txt" || true
  echo "== perf: $OUT/perf-report.txt"
fi
[[ ${SKIP_STORM:-0} == 1 ]] && exit 0
sleep 5
echo "== load before ticker storm: $(uptime)"
ticker --connections "$N" --connect-rate 20000 --messages "$STORM_MSGS" \
  --label "ticker-storm-n$N" --json-out "$OUT/ticker-storm-n$N.json" 2>&1 | tee "$OUT/ticker-storm.log"
echo "== load after: $(uptime)"
