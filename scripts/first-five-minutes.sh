#!/usr/bin/env bash
# The README's "first five minutes" commands, run as a new user runs them, after the install that
# the test command's first step does (./mvnw install, or deploy, which includes it):
#   1. the runnable sandbox: --help, serving the API and /openapi.json, a port in use as one line
#   2. one example with the fast command (only the examples module is built)
# Extra arguments go to the fast command's Maven (e.g. -Dmaven.repo.local=...).
# The Postman command (cd openapi && npm run postman) is checked by test-all.sh after its npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)
jar="atlas-sandbox/target/atlas-sandbox-$version-all.jar"
tmp=$(mktemp -d)
sandbox_pid=
cleanup() {
  if [[ -n "$sandbox_pid" ]]; then kill "$sandbox_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "first-five-minutes: $*" >&2; exit 1; }

[[ -f "$jar" ]] || fail "no $jar: build first (./mvnw -q install -DskipTests -Dfuzz.skip=true)"

java -jar "$jar" --help > "$tmp/help.txt" || fail "--help exited with $?"
grep -q '^Usage: java -jar atlas-sandbox-' "$tmp/help.txt" || fail "--help printed no usage"
echo "ok   java -jar $jar --help"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
java -jar "$jar" --port "$port" > "$tmp/sandbox.out" 2>&1 &
sandbox_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do
  curl -fs "$base/api/health" > /dev/null 2>&1 && break
  kill -0 "$sandbox_pid" 2>/dev/null || fail "the sandbox ended: $(cat "$tmp/sandbox.out")"
  sleep 0.5
done
curl -fs "$base/api/health" | grep -q '"status":"ok"' || fail "no health from $base"
curl -fs "$base/openapi.json" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["openapi"].startswith("3.")' \
  || fail "$base/openapi.json is not the spec (Postman's Import > Link)"
curl -fs -H 'Authorization: Bearer sk-sandbox' -H 'Content-Type: application/json' \
  -d '{"question":"How many orders are there?"}' "$base/api/v1/query" | grep -q '2000' \
  || fail "the sandbox did not answer a query with the default key"
echo "ok   java -jar $jar --port $port: health, /openapi.json and a query answered"

if java -jar "$jar" --port "$port" > "$tmp/second.out" 2> "$tmp/second.err"; then
  fail "a second sandbox on port $port exited with 0"
fi
[[ $(wc -l < "$tmp/second.err") -eq 1 ]] || fail "a port in use printed not one line: $(cat "$tmp/second.err")"
grep -q 'already in use' "$tmp/second.err" || fail "a port in use is not named: $(cat "$tmp/second.err")"
if grep -q 'Exception\|at dev\.' "$tmp/second.err"; then fail "a port in use printed a stack trace"; fi
echo "ok   a port in use: $(cat "$tmp/second.err")"
kill "$sandbox_pid"
sandbox_pid=

start=$(date +%s%N)
./mvnw -q -B -ntp -pl examples -Ptour -DskipTests verify -Dexample=QueryExample "$@" > "$tmp/example.out" 2>&1 \
  || fail "the fast single-example command failed: $(tail -20 "$tmp/example.out")"
grep -q 'QueryExample *passed' "$tmp/example.out" || fail "QueryExample did not pass: $(tail -20 "$tmp/example.out")"
echo "ok   ./mvnw -q -pl examples -Ptour -DskipTests verify -Dexample=QueryExample ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
