#!/usr/bin/env bash
# Builds the release bundle: for every published module its jar, sources and javadoc jars and POM,
# with MD5 and SHA-1 checksums, in a Maven repository layout (target/release-bundle), checked by
# build-checks' ReleaseBundleTest in the same build; then zips it for Maven Central's upload
# (target/atlas-sdk-<version>-bundle.zip). Signing is the publisher's: sign every file with your
# key (gpg --armor --detach-sign FILE) before uploading. About 4 minutes on 2 cores (all tests run).
# On a -SNAPSHOT version (main between releases) the layout has Maven's timestamped snapshot file
# names and serves as a check only: Maven Central takes releases, so set the release version first.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf target/release-bundle
./mvnw -B -ntp -Prelease -Dfuzz.skip=true deploy \
  -DaltDeploymentRepository=release-bundle::file:"$PWD/target/release-bundle"
version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)
python3 - "$version" <<'PY'
import os, sys, zipfile
root = 'target/release-bundle'
out = f'target/atlas-sdk-{sys.argv[1]}-bundle.zip'
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if not f.startswith('maven-metadata'):
                z.write(os.path.join(d, f), os.path.relpath(os.path.join(d, f), root))
print(out)
PY
if [[ "$version" == *-SNAPSHOT ]]; then
  echo "release-bundle: $version is a snapshot: Maven Central does not take it; set the release version to publish" >&2
fi
