#!/usr/bin/env bash
# Runs the Playwright suite N times in a row (default 10) on one build and prints how
# many runs passed, with each failing test and the first line of its error. Exits 1
# unless every run passed. Usage: scripts/flake-check.sh [N]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "uso: scripts/flake-check.sh [N]   (N esecuzioni, almeno 1)" >&2
  exit 2
fi

mkdir -p test-reports/flake
npx electron-vite build > test-reports/build.log 2>&1 || { cat test-reports/build.log; echo "build non riuscita"; exit 1; }

passed=0
start=$(date +%s)
for i in $(seq 1 "$runs"); do
  run_start=$(date +%s)
  rm -f "test-reports/flake/run-$i.json"
  # Each run keeps its own failure screenshots and error context (Playwright empties its output folder).
  PLAYWRIGHT_JSON_OUTPUT_NAME="test-reports/flake/run-$i.json" npx playwright test --reporter=line,json --output="test-reports/flake/run-$i-results" > "test-reports/flake/run-$i.log" 2>&1
  status=$?
  summary=$(node scripts/e2e-failures.mjs "test-reports/flake/run-$i.json")
  summary_status=$?
  took=$(( $(date +%s) - run_start ))
  if [ $status -eq 0 ] && [ $summary_status -eq 0 ]; then
    passed=$((passed + 1))
    echo "esecuzione $i/$runs: superata (${took} s)"
  else
    echo "esecuzione $i/$runs: NON superata (${took} s; log in test-reports/flake/run-$i.log)"
    [ -n "$summary" ] && echo "$summary"
  fi
done
echo "Flake check: $passed/$runs esecuzioni superate in $(( $(date +%s) - start )) s"
[ "$passed" -eq "$runs" ]
