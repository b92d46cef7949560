// The npm web-push library's RFC 8291 (aes128gcm) encryption, one thread, same keys and payload as the Java harness.
//   node web-push-npm.mjs NODE_MODULES_DIR P256DH AUTH PAYLOAD_FILE SECONDS
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const [dir, p256dh, auth, payloadFile, secondsArg] = process.argv.slice(2);
const webpush = createRequire(dir + '/')('web-push');
const payload = readFileSync(payloadFile, 'utf8');
const seconds = Number(secondsArg);
function run(s, label) {
  const end = performance.now() + s * 1000;
  let n = 0;
  const start = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) webpush.encrypt(p256dh, auth, payload, 'aes128gcm');
    n += 100;
  }
  const took = (performance.now() - start) / 1000;
  console.log(`${label}: ${n} encryptions in ${took.toFixed(2)} s = ${(n / took).toFixed(0)}/s (one thread)`);
}
run(Math.min(5, seconds / 2), 'warm-up');
for (let r = 1; r <= 3; r++) run(seconds, `npm web-push round ${r}`);
