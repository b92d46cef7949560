#!/usr/bin/env bash
# run.sh ROOT OUT [extra env passed through]: ticker-only run with per-thread CPU sampling
ROOT=$1; OUT=$2; mkdir -p $OUT
( cd $ROOT && OUT=$OUT TICKER_JVM="${TICKER_JVM:-}" SKIP_NCHAN=1 SKIP_STORM=1 bench/sse-vs-nchan.sh 10000 10 53 > $OUT/run.log 2>&1 ) &
B=$!
for i in $(seq 200); do P=$(pgrep -f "ticker-service-.*--server.port=18182" | head -1); [[ -n $P ]] && break; sleep 0.5; done
$(dirname "$0")/threads.sh $P $OUT/threads.txt &
S=$!
( tail -F $OUT/ticker.log 2>/dev/null | while IFS= read -r l; do echo "$(date +%s.%N) $l"; done > $OUT/ticker.ts ) &
T=$!
wait $B
# children first: tail -F would otherwise outlive its pipeline (and keep the bench lock's descriptor open)
pkill -P $T 2>/dev/null; kill $S $T 2>/dev/null
echo "done $OUT"
