#!/usr/bin/env bash
# The shared tool's conformance/sse-check.mjs (eventsource-parser as the oracle) against the ticker's stream,
# publishing through ingest. sse-check posts without credentials, so this run starts Flashwire with
# flashwire.ingest.security.agency-credentials-required=false (local runs only).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SSE_BENCH=${SSE_BENCH:-/work/shared/tools/sse-bench}
OUT=${OUT:-/tmp/flashwire-bench/conformance}
KAFKA_PORT=${KAFKA_PORT:-19192}; INGEST_PORT=${INGEST_PORT:-18181}; TICKER_PORT=${TICKER_PORT:-18182}
PUSH_PORT=${PUSH_PORT:-18183}
mkdir -p "$OUT"
cp "$SSE_BENCH/conformance/sse-check.mjs" "$OUT/"
[[ -d $OUT/node_modules/eventsource-parser ]] || (cd "$OUT" && npm init -y >/dev/null && npm i --silent eventsource-parser@3)
rm -rf "$OUT/flashwire-data"
( cd "$ROOT" && FLASHWIRE_SKIP_BUILD=1 exec ./flashwire --kafka-port=$KAFKA_PORT --ingest-port=$INGEST_PORT \
    --ticker-port=$TICKER_PORT --push-port=$PUSH_PORT --data-dir="$OUT/flashwire-data" \
    --ingest.flashwire.ingest.security.agency-credentials-required=false ) > "$OUT/flashwire.out" 2>&1 &
LAUNCHER=$!
trap 'kill -TERM $LAUNCHER 2>/dev/null; wait $LAUNCHER 2>/dev/null || true' EXIT
for _ in $(seq 240); do grep -q "started in" "$OUT/flashwire.out" 2>/dev/null && break; sleep 0.5; done
cd "$OUT" && node sse-check.mjs --sse-url "http://127.0.0.1:$TICKER_PORT/v1/editions/ar/stream" \
  --publish-url "http://127.0.0.1:$INGEST_PORT/v1/agencies/afp/stories" --content-type application/json \
  --publish-body '{"uri":"urn:chk:{ID}","language":"ar","headlines":[{"role":"main","value":"{PAYLOAD_JSON}"}],"urgency":5,"version":"1"}' \
  || echo "sse-check exit code $?"
