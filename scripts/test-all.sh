#!/usr/bin/env bash
# Runs every test of the project: the README's test command, and what .ci/run calls.
#   1. the full build and test suite on JDK 17 with OkHttp 5, then the examples tour
#   2. the client's tests again on OkHttp 4.12 (for users whose dependency tree pins it)
#   3. the full build and test suite on the newest JDK on the machine, when there is one
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(./mvnw -B -ntp)
start=$(date +%s)

echo "== [1/3] build, all tests, javadoc and sources jars, examples tour (JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), OkHttp 5)"
"${MVN[@]}" -Ptour,release verify

echo "== [2/3] client tests on OkHttp 4.12"
"${MVN[@]}" -Pokhttp4 verify -pl atlas-client -am

newest=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]-* 2>/dev/null | sort -V | tail -1 || true)
if [[ -n "$newest" && -x "$newest/bin/javac" ]]; then
  echo "== [3/3] build and all tests on $("$newest/bin/java" -version 2>&1 | head -1)"
  JAVA_HOME="$newest" "${MVN[@]}" verify
else
  echo "== [3/3] skipped: no JDK 25 or newer under /usr/lib/jvm"
fi

echo "== all tests passed in $(( $(date +%s) - start )) s"
