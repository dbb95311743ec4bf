#!/usr/bin/env bash
# Runs every test of the project: the README's test command, and what .ci/run calls.
#   1. the full build and test suite on JDK 17 with OkHttp 5 (with 2 x 30 s of fuzzing), then the
#      examples tour against the embedded sandbox
#   2. the client's tests again on OkHttp 4.12 (for users whose dependency tree pins it)
#   3. the full build and test suite on the newest JDK on the machine, when there is one
#   4. the spec checks with the tools its users run (openapi/tools/check-spec.mjs): Redocly and
#      Spectral lint, Postman collection + newman, TypeScript and Python clients; then the same
#      checks on a deliberately broken spec, each of which must fail
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(./mvnw -B -ntp)
start=$(date +%s)

echo "== [1/4] build, all tests, javadoc and sources jars, examples tour (JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), OkHttp 5)"
"${MVN[@]}" -Ptour,release verify

echo "== [2/4] client tests on OkHttp 4.12"
"${MVN[@]}" -Pokhttp4 -Dfuzz.skip=true verify -pl atlas-client -am

newest=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]-* 2>/dev/null | sort -V | tail -1 || true)
if [[ -n "$newest" && -x "$newest/bin/javac" ]]; then
  echo "== [3/4] build and all tests on $("$newest/bin/java" -version 2>&1 | head -1)"
  JAVA_HOME="$newest" "${MVN[@]}" -Dfuzz.skip=true verify
else
  echo "== [3/4] skipped: no JDK 25 or newer under /usr/lib/jvm"
fi

echo "== [4/4] spec checks (Node $(node --version), npm packages pinned in openapi/package-lock.json)"
"${MVN[@]}" -q dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:7.25.0 \
  -DoutputDirectory=openapi/target/tools -Dmdep.stripVersion=true
(
  cd openapi
  npm ci --no-audit --no-fund --loglevel=error
  npm run --silent check
  npm run --silent check:broken
  if node tools/check-spec.mjs target/no-such-spec.json --expect-failures >/dev/null 2>&1; then
    echo "check-spec.mjs passed on a spec that does not exist"; exit 1
  fi
)

echo "== all tests passed in $(( $(date +%s) - start )) s"
