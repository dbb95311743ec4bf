#!/usr/bin/env bash
# What the SDK covers of a given Atlas server: the operations its published spec has that the
# SDK's openapi/openapi.json lacks (by tag), the ones the server lacks, and the fields that differ.
#   scripts/drift-report.sh --url https://atlas.example.com
#   scripts/drift-report.sh --spec server-openapi.json --brief
#   scripts/drift-report.sh --help
# Builds the command once (drift-report/target/drift-report.jar; again after the spec changes:
# delete the jar), then runs it. Exit status: 0 report written, 1 drift with --fail-on-drift, 2 bad input.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=drift-report/target/drift-report.jar
if [ ! -f "$jar" ] || [ openapi/openapi.json -nt "$jar" ]; then
  ./mvnw -q -B install -DskipTests -pl drift-report -am >&2
fi
exec java -jar "$jar" "$@"
