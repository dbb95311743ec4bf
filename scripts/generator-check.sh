#!/usr/bin/env bash
# Builds the generated client with another openapi-generator version and runs the client's whole
# test suite on it: the check to run before changing openapi-generator.version in the root pom.
# The same verify runs the API compatibility guard on the generated models (japicmp against
# api-baseline/, see api-baseline/README.md): a version that changes a model's public signature
# fails here, naming the member.
#   scripts/generator-check.sh 7.20.0 [extra Maven arguments, e.g. -Dmaven.repo.local=...]
# Works on a copy of the tree (target/generator-check/), so the normal build is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: scripts/generator-check.sh <openapi-generator version> [Maven arguments]}"
shift
work=target/generator-check
rm -rf "$work" && mkdir -p "$work"
tar -c --exclude=./.git --exclude='*/target' --exclude=./target --exclude='*/node_modules' . | tar -x -C "$work"
cd "$work"
echo "== generator check: openapi-generator $version, the models' API guard and atlas-client's tests on its code"
if ! ./mvnw -B -ntp -q -Dopenapi-generator.version="$version" -Dfuzz.skip=true "$@" verify -pl atlas-client -am; then
  cat >&2 <<MSG
== generator check FAILED with openapi-generator $version (see the errors above).
A japicmp failure on atlas-client-generated names a model member whose public signature this
version changes: the models are public API (api-baseline/README.md), so stay on the current
version or keep the member through the spec or generator options.
The SDK uses only these parts of the generated code; update the named place:
  - ApiClient(OkHttpClient), setBasePath, setUserAgent ........ atlas-client ClientContext
  - XxxApi(ApiClient) and its xxxCall(..., null) methods ........ the xxxOp(...) methods of AtlasClient,
                                                                  Conversations, ScheduledTasks, Admin, Semantic, Streaming
  - JSON.getGson() ............................................... atlas-client Json
  - the custom template atlas-client-generated/templates/JSON.mustache (written for the version in
    that folder's README): compare it with the new version's Java/libraries/okhttp-gson/JSON.mustache
  - model behaviour (unknown fields kept, unknown enum values, unset lists not sent):
    the generator options in atlas-client-generated/pom.xml, checked by NewerServerTest and OperationsTest
MSG
  exit 1
fi
echo "== generator check passed: openapi-generator $version"
