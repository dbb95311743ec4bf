#!/usr/bin/env bash
# Reruns every measurement of docs/benchmarks.md and rewrites docs/benchmarks-results.md and the
# charts in docs/img/. Not part of the test command. About 13 minutes on 2 cores with the defaults.
#   scripts/bench.sh                                 everything
#   JMH_INCLUDE=TypedEvents scripts/bench.sh         a subset of the JMH benchmarks (regex)
#   JMH_OPTS="-f 1 -wi 1 -i 1" scripts/bench.sh      fewer JMH iterations (a smoke run)
#   SCENARIOS=quick scripts/bench.sh                 short scenarios (64 MiB stream, 3 cold starts)
#   SCENARIOS=skip scripts/bench.sh                  JMH only; JMH=skip runs the scenarios only
# Raw results: bench/target/jmh.json and bench/target/scenarios.json.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
args=(-B -ntp -q -Pbench -pl bench -am -DskipTests -Dfuzz.skip=true verify)
[[ -n "${JMH_OPTS:-}" ]] && args+=("-Djmh.opts=$JMH_OPTS")
[[ -n "${JMH_INCLUDE:-}" ]] && args+=("-Djmh.include=$JMH_INCLUDE")
case "${SCENARIOS:-full}" in
  skip) args+=(-Dscenarios.skip=true) ;;
  quick) args+=(-Dscenarios.mode=quick) ;;
esac
[[ "${JMH:-}" == skip ]] && args+=(-Djmh.skip=true)
./mvnw "${args[@]}"
echo "bench: $(( $(date +%s) - start )) s; results in docs/benchmarks-results.md, charts in docs/img/"
