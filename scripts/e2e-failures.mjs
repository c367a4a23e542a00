// Reads Playwright's JSON report and prints one line per test that did not pass:
// its file, title and the first line of its first error. Exits 1 when any failed
// (or the report is missing or ran no test), 0 otherwise.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-reports/e2e.json';
if (!existsSync(file)) {
  console.log(`  rapporto mancante: ${file}`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));

function* specs(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? []) yield { spec, path: here };
  for (const child of suite.suites ?? []) yield* specs(child, here);
}

let ran = 0;
let failures = 0;
for (const top of report.suites ?? []) {
  for (const { spec } of specs(top)) {
    for (const t of spec.tests ?? []) {
      const result = t.results?.at(-1);
      if (!result || result.status === 'skipped') continue;
      ran += 1;
      if (t.status === 'expected') continue;
      failures += 1;
      const error = result.errors?.[0]?.message ?? result.error?.message ?? result.status;
      // eslint-disable-next-line no-control-regex
      const first = String(error).replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim() !== '') ?? '';
      console.log(`  FALLITO ${spec.file}:${spec.line} ${spec.title}: ${first.trim()}`);
    }
  }
}
for (const e of report.errors ?? []) {
  failures += 1;
  console.log(`  ERRORE ${String(e.message ?? e).split('\n')[0]}`);
}
if (ran === 0) console.log('  nessun test eseguito');
process.exit(failures > 0 || ran === 0 ? 1 : 0);
