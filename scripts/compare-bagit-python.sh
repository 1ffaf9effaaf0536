#!/bin/sh
# Compares the verdicts of `spotcheck verify` with those of the Library of Congress's
# bagit-python (`pip install bagit`) on every small bag tests/it/foreign_bags.rs builds.
# Not run by CI: it needs Python and bagit-python. Usage: scripts/compare-bagit-python.sh [DIR]
set -eu
cd "$(dirname "$0")/.."
dir=${1:-$(mktemp -d)}
mkdir -p "$dir"
SPOTCHECK_DUMP_BAGS=$(cd "$dir" && pwd) cargo test -q --test it foreign_bags:: >/dev/null
cargo build -q --bin spotcheck
printf '%-32s %-8s %-22s %-12s\n' bag expected spotcheck bagit-python
for expect in "$dir"/*.expect; do
    bag=${expect%.expect}
    name=$(basename "$bag")
    set +e
    target/debug/spotcheck verify "$bag" >/dev/null 2>"$dir/$name.spotcheck.err"
    code=$?
    python3 -m bagit --validate "$bag" >"$dir/$name.bagit.out" 2>&1
    py=$?
    set -e
    case $code in
        0) ours=valid ;;
        1) ours=invalid ;;
        *) ours="exit $code" ;;
    esac
    if [ -s "$dir/$name.spotcheck.err" ]; then ours="$ours+warnings"; fi
    if [ $py -eq 0 ]; then theirs=valid; else theirs=invalid; fi
    mark=""
    case "$ours" in "$theirs"*) ;; *) mark="  <- differs" ;; esac
    printf '%-32s %-8s %-22s %-12s%s\n' "$name" "$(cat "$expect")" "$ours" "$theirs" "$mark"
done
echo "bagit-python's messages: $dir/<bag>.bagit.out; spotcheck's warnings: $dir/<bag>.spotcheck.err"
