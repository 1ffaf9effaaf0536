#!/bin/sh
# The digest of everything the commands write, for comparing two builds byte for byte (a
# change that should alter no output, such as moving code between crates): runs build,
# check, status, export, pack, verify, schema and kinds on both samples with a fixed
# SOURCE_DATE_EPOCH and prints one SHA-256 per output file and per command's stdout.
# Usage: scripts/output-digests.sh BINARY > digests.txt; then diff two such files.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=1700000000 LANG=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for sample in samples/*/; do
    name=$(basename "$sample")
    cp -r "$sample" "$work/$name"
    b="$work/$name"
    o="$work/out-$name"
    for cmd in "check $b" "check $b --format json" "status $b --today 2024-08-01" "status $b --today 2024-08-01 --format json" \
        "build $b -o $o" "export $b -o $work/$name-ledger.xlsx" \
        "pack $b -o $work/pack-$name" "kinds" "schema"; do
        # shellcheck disable=SC2086
        out=$("$bin" --lang zh -q $cmd 2>&1 | sed "s|$work|WORK|g" | sha256sum | cut -c1-64) || true
        echo "$out  stdout of: $cmd" | sed "s|$work|WORK|g"
    done
    zip=$(ls "$o"/*.zip)
    out=$("$bin" --lang zh verify "$zip" 2>&1 | sed "s|$work|WORK|g" | sha256sum | cut -c1-64) || true
    echo "$out  stdout of: verify $name.zip"
done
(cd "$work" && find . -type f ! -name '*.lock' | LC_ALL=C sort | xargs sha256sum)
