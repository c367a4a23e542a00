/**
 * `npm run audit -- verify --data <dir> [--testa <seq>:<hash>]`: walks the audit log's hash
 * chain; exit 0 when intact, 1 (with the first broken entry) when an entry was edited, deleted
 * or reordered, or when the log lacks a head anchored elsewhere (`--testa`: the one the
 * issuing system kept with a release).
 * `npm run audit -- report --data <dir> --day YYYY-MM-DD [--comune <nome>] --csv <file> --pdf <file>`:
 * the day's releases.
 * The database is opened read-only: checking the log never changes it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/ports/clock';
import { DATABASE_FILE } from '../core/store/database';
import { openEncrypted } from '../core/store/cipher';
import { directoryKey } from '../core/keystore/directory-key';
import { fileKeystore } from '../core/keystore/file-keystore';
import { registroDi } from '../core/audit/registro';
import { reportCsv, reportPdf, righeReport } from '../core/audit/report';
import { runCli } from './run';

const USAGE = 'uso: npm run audit -- verify --data <cartella dati> [--testa <n>:<impronta>] | report --data <cartella dati> --day AAAA-MM-GG [--comune <nome>] [--csv <file>] [--pdf <file>]';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string' }, testa: { type: 'string' }, day: { type: 'string' }, comune: { type: 'string' }, csv: { type: 'string' }, pdf: { type: 'string' } },
  });
  const command = positionals[0];
  if (!values.data || (command !== 'verify' && command !== 'report')) {
    console.error(USAGE);
    return 2;
  }
  const keystore = fileKeystore();
  const db = openEncrypted(join(values.data, DATABASE_FILE), directoryKey(keystore, 'archivio', values.data), { readonly: true, fileMustExist: true });
  try {
    const registro = registroDi(db, values.data, systemClock, keystore);
    const verdict = registro.verify();
    if (command === 'verify') {
      const anchored = values.testa === undefined ? null : /^(\d+):([0-9a-f]{64})$/.exec(values.testa);
      if (values.testa !== undefined && anchored === null) {
        console.error(USAGE);
        return 2;
      }
      if (verdict.ok && anchored && !registro.contiene({ seq: Number(anchored[1]), hash: anchored[2]! })) {
        console.error(`REGISTRO ALTERATO: manca la voce ${anchored[1]} con l'impronta registrata altrove (${anchored[2]!.slice(0, 12)}…): il registro è stato accorciato o riscritto`);
        return 1;
      }
      if (verdict.ok) {
        console.log(`Registro integro: ${verdict.entries} voci, impronta finale ${verdict.head}`);
        return 0;
      }
      console.error(`REGISTRO ALTERATO alla voce ${verdict.seq}: ${verdict.reason}`);
      return 1;
    }
    if (!values.day || !/^\d{4}-\d{2}-\d{2}$/.test(values.day)) {
      console.error(USAGE);
      return 2;
    }
    const righe = righeReport(registro.releasesOn(values.day));
    if (values.csv) writeFileSync(values.csv, reportCsv(righe, verdict));
    if (values.pdf) writeFileSync(values.pdf, await reportPdf({ comune: values.comune ?? 'Comune', giorno: values.day, righe, verdict, generatoIl: new Date() }));
    console.log(`${righe.length} rilasci il ${values.day}${verdict.ok ? '' : ' (ATTENZIONE: registro alterato)'}`);
    return verdict.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

runCli(main);
