#!/usr/bin/env bash
# Writes the savepoint fixture of one release for SavepointCompatibilityIT: the release's own build runs a
# day of everyday traffic (UpgradeRuns.day(), a fixed scenario seed) on a MiniCluster against an in-process
# Kafka broker and stops with a canonical savepoint. The fixture lands in a directory named for the commit
# next to this script; commit it. See README.md here.
#
#   pipeline/src/test/resources/savepoints/make-fixture.sh COMMIT
#
# The release is built in a scratch clone (never `mvn install`: ~/.m2 stays as it was). The fixture writer
# and its helper are copied from this checkout into the clone, as releases before them lack them.
set -euo pipefail

commit=${1:?usage: make-fixture.sh COMMIT}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
short=$(git -C "$repo" rev-parse --short=7 "$commit^{commit}")
out=$here/$short
[ ! -e "$out" ] || { echo "make-fixture.sh: $out exists; fixtures are never overwritten" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
git clone -q "$repo" "$scratch/src"
git -C "$scratch/src" checkout -q "$commit"
cli=pipeline/src/test/java/org/outagedetector/cli
cp "$repo/$cli/UpgradeRuns.java" "$repo/$cli/WriteSavepointFixture.java" "$scratch/src/$cli/"
(cd "$scratch/src" && mvn -B -q -pl pipeline -am verify -Dtest=none -Dit.test=WriteSavepointFixture \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dsavepoint.fixture.dir="$out")
[ -f "$out/savepoint/_metadata" ] || { echo "make-fixture.sh: no savepoint was written" >&2; exit 1; }
echo "fixture $out: $(du -sk "$out" | cut -f1) KB"
