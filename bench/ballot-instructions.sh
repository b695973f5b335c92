#!/bin/bash
# Instructions per ballot of the application (bench/ballot-cost.ts) under callgrind, independent of the machine's
# load: two runs, `warm` rounds and `warm + extra` rounds, the difference divided by extra × voters.
#   bench/ballot-instructions.sh [voters=300] [warm=2] [extra=1]
# Each run takes minutes (valgrind); callgrind's own output goes to a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
voters=${1:-300}; warm=${2:-2}; extra=${3:-1}
out=$(mktemp -d)
count() {
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" node --import tsx bench/ballot-cost.ts "$voters" "$1" 25 "$warm" >/dev/null 2>"$out/err"
  grep -o 'Collected : [0-9]*' "$out/err" | grep -o '[0-9]*$'
}
base=$(count "$warm")
total=$(count $((warm + extra)))
rm -rf "$out"
echo "{\"voters\":$voters,\"warm\":$warm,\"extra\":$extra,\"instructionsPerBallot\":$(( (total - base) / (extra * voters) ))}"
