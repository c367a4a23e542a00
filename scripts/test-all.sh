#!/usr/bin/env bash
# Runs every test: unit and integration (vitest, with a real pcscd + vpcd, OpenSC,
# SoftHSM2, SQLite and HTTP on 127.0.0.1) and end to end (Playwright in Debian's
# Chromium through the browser host). Prints one closing line with the totals.
set -uo pipefail
cd "$(dirname "$0")/.."

# Native modules must be built for Node here; `npm start` may have rebuilt them for Electron.
if [ -f node_modules/.sportello-native-abi ] && [ "$(cat node_modules/.sportello-native-abi)" = electron ]; then
  npm rebuild better-sqlite3 pcsclite pkcs11js && rm -f node_modules/.sportello-native-abi
fi

mkdir -p test-results
npx electron-vite build > test-results/build.log 2>&1 || { cat test-results/build.log; echo "build failed"; exit 1; }

npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json
vitest_status=$?
npx playwright test
playwright_status=$?

node scripts/test-summary.mjs test-results/vitest.json test-results/e2e.json
summary_status=$?

if [ $vitest_status -ne 0 ] || [ $playwright_status -ne 0 ] || [ $summary_status -ne 0 ]; then
  exit 1
fi
