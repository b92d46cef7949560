#!/usr/bin/env bash
# Web Push encryptions per second on one thread: push-service's path (zerodep-web-push on Amazon Corretto Crypto
# Provider), the same call on the JDK's providers (the fallback), and the npm web-push library, in one run.
#
#   bench/webpush-encrypt.sh [SECONDS_PER_ROUND]          default 10
#
# Needs: the build (push-service's jar) and Node 20 with npm; web-push is installed in $OUT/npm, outside the repo.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE=$ROOT/bench/webpush
OUT=${OUT:-/tmp/flashwire-bench/webpush}
SECONDS_PER_ROUND=${1:-10}
mkdir -p "$OUT/app" "$OUT/classes" "$OUT/npm"
rm -rf "$OUT/app"/* && (cd "$OUT/app" && unzip -q "$ROOT/push-service/target/push-service-0.1.0-SNAPSHOT.jar")
CP="$OUT/app/BOOT-INF/classes:$OUT/app/BOOT-INF/lib/*"
javac -d "$OUT/classes" -cp "$CP" "$HERE/WebPushEncryptBench.java"
[[ -d $OUT/npm/node_modules/web-push ]] || (cd "$OUT/npm" && npm init -y >/dev/null && npm i --silent web-push@3)
echo "web-push $(node -p "require('$OUT/npm/node_modules/web-push/package.json').version"), node $(node -v), $(java -version 2>&1 | head -1)"

# one subscriber key pair and auth secret, as a browser makes them; an alert-sized JSON payload
read -r P256DH AUTH < <(node -e '
  const c = require("node:crypto"); const e = c.createECDH("prime256v1"); e.generateKeys();
  console.log(e.getPublicKey().toString("base64url"), c.randomBytes(16).toString("base64url"))')
python3 -c '
import json; print(json.dumps({"id":"msg_bench","type":"alert.new","storyId":"afp:urn:bench:1","revision":1,
  "headline":"زلزال بقوة 6.1 درجة يضرب جنوب تركيا وأنباء عن أضرار في عدة مدن","edition":"ar","direction":"rtl",
  "urgency":"breaking","url":"https://news.example/ar/2026/11/29/earthquake-turkey","publishedAt":"2026-11-29T05:30:00Z"},
  ensure_ascii=False))' > "$OUT/payload.json"
echo "payload $(wc -c < "$OUT/payload.json") bytes"

echo "== load before: $(uptime)"
java -cp "$OUT/classes:$CP" news.flashwire.push.delivery.webpush.WebPushEncryptBench flashwire "$P256DH" "$AUTH" \
  "$OUT/payload.json" "$SECONDS_PER_ROUND" 2>&1 | grep -v DEBUG
echo "== load: $(uptime)"
node "$HERE/web-push-npm.mjs" "$OUT/npm/node_modules" "$P256DH" "$AUTH" "$OUT/payload.json" "$SECONDS_PER_ROUND"
echo "== load: $(uptime)"
java -cp "$OUT/classes:$CP" news.flashwire.push.delivery.webpush.WebPushEncryptBench jdk "$P256DH" "$AUTH" \
  "$OUT/payload.json" "$SECONDS_PER_ROUND" 2>&1 | grep -v DEBUG
echo "== load after: $(uptime)"
