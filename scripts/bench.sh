#!/usr/bin/env bash
# Runs the JMH benchmarks and writes docs/benchmarks-results.md (tables of ratios).
# Not part of the test command. About 3 minutes on 2 cores with the defaults.
#   scripts/bench.sh                          all benchmarks, default iterations
#   JMH_OPTS="-f 1 -wi 1 -i 1" scripts/bench.sh   a quick smoke run
#   JMH_INCLUDE=TypedEvents scripts/bench.sh       a subset (regex)
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -ntp -q -Pbench -pl bench -am -DskipTests verify)
[[ -n "${JMH_OPTS:-}" ]] && args+=("-Djmh.opts=$JMH_OPTS")
[[ -n "${JMH_INCLUDE:-}" ]] && args+=("-Djmh.include=$JMH_INCLUDE")
./mvnw "${args[@]}"
