#!/usr/bin/env bash
# A CPU profile of ingest under batched load: Flashwire started fresh, a JFR recording started on the ingest JVM
# (jcmd, so the launcher needs no JVM flags), BATCH_REQUESTS posts of 100 documents with 4 in flight, then the hottest
# frames and the top frames of ingest's threads printed from the recording (kept as $OUT/ingest.jfr).
#
#   bench/ingest-profile.sh [BATCH_REQUESTS] [BATCH_SIZE]        defaults: 60 100
#
# Java samples are taken every millisecond (JFR's profile settings take one every 10 ms), so a short run has enough.
# Every JIT compilation and deoptimization is recorded too (the profile settings keep only compilations over 100 ms)
# and summarized by bench/ingest/jit-summary.py. WARMUP_BATCHES (default 0) adds batches of BATCH_SIZE to the warm-up.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-/tmp/flashwire-bench/ingest-profile}
KAFKA_PORT=${KAFKA_PORT:-19192}; INGEST_PORT=${INGEST_PORT:-18181}; TICKER_PORT=${TICKER_PORT:-18182}
PUSH_PORT=${PUSH_PORT:-18183}
BATCHES=${1:-60}; BATCH_SIZE=${2:-100}
mkdir -p "$OUT"
rm -rf "$OUT/flashwire-data" "$OUT/ingest.jfr"
( cd "$ROOT" && FLASHWIRE_SKIP_BUILD=1 exec ./flashwire --kafka-port=$KAFKA_PORT --ingest-port=$INGEST_PORT \
    --ticker-port=$TICKER_PORT --push-port=$PUSH_PORT --data-dir="$OUT/flashwire-data" ${FLASHWIRE_ARGS:-} ) > "$OUT/flashwire.out" 2>&1 &
LAUNCHER=$!
trap 'kill -TERM $LAUNCHER 2>/dev/null; wait $LAUNCHER 2>/dev/null || true' EXIT
for _ in $(seq 240); do grep -q "started in" "$OUT/flashwire.out" 2>/dev/null && break; sleep 0.5; done
grep "started in" "$OUT/flashwire.out"
INGEST_PID=$(ss -ltnpH "sport = :$INGEST_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
load() { java "$ROOT/bench/ingest/IngestLoad.java" "http://127.0.0.1:$INGEST_PORT" "$@"; }
# JFR instruments some JDK classes when its first recording starts, and redefining classes throws away every compiled
# method of the JVM: started only after the warm-up, it would profile the JIT compiling everything again. So a first
# recording starts and stops before the warm-up.
jcmd "$INGEST_PID" JFR.start name=setup > /dev/null
jcmd "$INGEST_PID" JFR.stop name=setup > /dev/null
load 2 100 2 warm-up-batched
load 10 100 4 warm-up-batched
if [ "${WARMUP_BATCHES:-0}" -gt 0 ]; then load "$WARMUP_BATCHES" "$BATCH_SIZE" 4 warm-up-batched; fi
sed -e 's|"method-sampling-java-interval">10 ms<|"method-sampling-java-interval">1 ms<|' \
  -e 's|"compiler-compilation-threshold">100 ms<|"compiler-compilation-threshold">0 ms<|' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$OUT/profile-1ms.jfc"
jcmd "$INGEST_PID" JFR.start name=ingest settings="$OUT/profile-1ms.jfc" filename="$OUT/ingest.jfr" > /dev/null
cpu() { awk '{print $14 + $15}' "/proc/$INGEST_PID/stat"; }
echo "== load before profiled run: $(uptime)"
BEFORE=$(cpu)
load "$BATCHES" "$BATCH_SIZE" 4 "ingest, $BATCH_SIZE documents per request (profiled)"
echo "== ingest CPU during the profiled run: $(( ($(cpu) - BEFORE) * 1000 / $(getconf CLK_TCK) )) ms for $((BATCHES * BATCH_SIZE)) stories"
jstack "$INGEST_PID" > "$OUT/ingest-jstack-after.txt" || true
jcmd "$INGEST_PID" JFR.stop name=ingest > /dev/null
jfr print --stack-depth 96 --events jdk.ExecutionSample "$OUT/ingest.jfr" > "$OUT/samples.txt"
python3 "$ROOT/bench/ingest/jfr-summary.py" "$OUT/samples.txt"
jfr print --stack-depth 8 --events jdk.Compilation,jdk.Deoptimization "$OUT/ingest.jfr" > "$OUT/jit.txt"
python3 "$ROOT/bench/ingest/jit-summary.py" "$OUT/jit.txt"
