#!/usr/bin/env bash
# Runs every test: unit and integration (vitest, with a real pcscd + vpcd, OpenSC,
# SoftHSM2, SQLite and HTTP on 127.0.0.1) and end to end (Playwright in Debian's
# Chromium through the browser host). Prints one closing line with the totals.
set -uo pipefail
cd "$(dirname "$0")/.."

# Native modules must be built for Node here; `npm start` may have rebuilt them for Electron.
if [ -f node_modules/.sportello-native-abi ] && [ "$(cat node_modules/.sportello-native-abi)" = electron ]; then
  npm rebuild better-sqlite3-multiple-ciphers pcsclite pkcs11js && rm -f node_modules/.sportello-native-abi
fi

mkdir -p test-reports
# What runs before the suite: whatever the suite starts must be gone after it.
pcscd_before=$(pgrep -a -x pcscd || true)
echo "pcscd prima dei test: ${pcscd_before:-nessuno}"
npx electron-vite build > test-reports/build.log 2>&1 || { cat test-reports/build.log; echo "build failed"; exit 1; }

# Tests that stop or restart the shared pcscd (*.exclusive.test.ts) would break the
# card tests running beside them, so they run afterwards, alone.
npx vitest run --exclude '**/*.exclusive.test.ts' --reporter=default --reporter=json --outputFile=test-reports/vitest.json
vitest_status=$?
npx vitest run --no-file-parallelism --reporter=default --reporter=json --outputFile=test-reports/vitest-exclusive.json .exclusive.test.ts
exclusive_status=$?
npx playwright test
playwright_status=$?

pcscd_after=$(pgrep -a -x pcscd || true)
echo "pcscd dopo i test: ${pcscd_after:-nessuno}"
leftover_status=0
if [ -n "$pcscd_after" ] && [ "$pcscd_after" != "$pcscd_before" ]; then
  echo "*** i test hanno lasciato in esecuzione un pcscd che hanno avviato: $pcscd_after ***"
  leftover_status=1
fi

node scripts/test-summary.mjs test-reports/vitest.json test-reports/vitest-exclusive.json test-reports/e2e.json
summary_status=$?

if [ $vitest_status -ne 0 ] || [ $exclusive_status -ne 0 ] || [ $playwright_status -ne 0 ] || [ $summary_status -ne 0 ] || [ $leftover_status -ne 0 ]; then
  exit 1
fi
