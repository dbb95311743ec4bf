#!/usr/bin/env bash
# Runs every test of the project: the README's test command, and what .ci/run calls.
#   1. the full build and test suite on JDK 17 with OkHttp 5 (with 2 x 30 s of fuzzing), the
#      examples tour against the embedded sandbox, the Java API compatibility guard (japicmp against
#      api-baseline/), and the release bundle with its test
#   2. the README's first five minutes (scripts/first-five-minutes.sh): the runnable sandbox jar
#      (--help, serving /openapi.json, a port in use), and one example with the fast command
#   3. the client's tests again on OkHttp 4.12 (for users whose dependency tree pins it)
#   4. the full build and test suite on the newest JDK on the machine, when there is one
#   5. the spec checks with the tools its users run (openapi/tools/check-spec.mjs): the README's
#      Postman command alone, then Redocly and Spectral lint, Postman collection + newman,
#      TypeScript and Python clients; then the same checks on a deliberately broken spec, each of
#      which must fail
#   6. the generator check: the client's tests and the generated models' API guard on code generated
#      by an older openapi-generator (scripts/generator-check.sh), showing the seam with the generated
#      code holds across versions
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(./mvnw -B -ntp)
start=$(date +%s)

echo "== [1/6] build, all tests, examples tour, API compatibility guard, release bundle (JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), OkHttp 5)"
# deploy = verify + the release bundle in a local Maven layout (target/release-bundle), which
# build-checks' ReleaseBundleTest validates; nothing leaves the machine
rm -rf target/release-bundle
"${MVN[@]}" -Ptour,release deploy -DaltDeploymentRepository=release-bundle::file:"$PWD/target/release-bundle"

echo "== [2/6] the README's first five minutes: runnable sandbox, one example fast"
# after step 1's install (deploy includes it), as a new user after ./mvnw install
./scripts/first-five-minutes.sh

echo "== [3/6] client tests on OkHttp 4.12"
"${MVN[@]}" -Pokhttp4 -Dfuzz.skip=true verify -pl atlas-client -am

newest=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]-* 2>/dev/null | sort -V | tail -1 || true)
if [[ -n "$newest" && -x "$newest/bin/javac" ]]; then
  echo "== [4/6] build and all tests on $("$newest/bin/java" -version 2>&1 | head -1)"
  JAVA_HOME="$newest" "${MVN[@]}" -Dfuzz.skip=true verify
else
  echo "== [4/6] skipped: no JDK 25 or newer under /usr/lib/jvm"
fi

echo "== [5/6] spec checks (Node $(node --version), npm packages pinned in openapi/package-lock.json)"
"${MVN[@]}" -q dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:7.25.0 \
  -DoutputDirectory=openapi/target/tools -Dmdep.stripVersion=true
(
  cd openapi
  npm ci --no-audit --no-fund --loglevel=error
  # the README's Postman command, alone: writes the collection without the other checks
  rm -rf target/spec-checks
  npm run --silent postman
  test -s target/spec-checks/openapi/atlas.postman_collection.json
  npm run --silent check
  npm run --silent check:broken
  if node tools/check-spec.mjs target/no-such-spec.json --expect-failures >/dev/null 2>&1; then
    echo "check-spec.mjs passed on a spec that does not exist"; exit 1
  fi
)

echo "== [6/6] generator check"
./scripts/generator-check.sh 7.20.0

echo "== all tests passed in $(( $(date +%s) - start )) s"
