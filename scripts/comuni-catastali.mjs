#!/usr/bin/env node
// Builds electron/core/anagrafe/comuni-catastali.json, the names of the comuni by cadastral
// code (the code a CNS stores for the comune of birth and of residence), from the table the
// municipal portal itself uses to translate them (src/Helpers/MunicipalityConverter.php of
// neboduus/comune-ita-platform). Only the data is taken: one `"A001" => "Abano Terme",` per line.
//   node scripts/comuni-catastali.mjs <MunicipalityConverter.php> --fonte "<repository, commit, path>"
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { fonte: { type: 'string' } } });
const [sorgente] = positionals;
if (!sorgente || !values.fonte) {
  console.error('Uso: node scripts/comuni-catastali.mjs <MunicipalityConverter.php> --fonte "<origine>"');
  process.exit(2);
}

const RIGA = /^\s*"([A-Z]\d{3})" => "((?:[^"\\]|\\.)*)",?\s*$/;
const comuni = {};
for (const riga of readFileSync(sorgente, 'utf8').split('\n')) {
  const m = RIGA.exec(riga);
  if (!m) continue;
  const [, codice, nome] = m;
  if (comuni[codice] && comuni[codice] !== nome) throw new Error(`Codice ${codice} con due nomi: ${comuni[codice]}, ${nome}`);
  comuni[codice] = nome.replace(/\\(.)/g, '$1');
}
const quanti = Object.keys(comuni).length;
// The table lists every Italian comune (about 7,900): far fewer rows means the file was not the table.
if (quanti < 7000) throw new Error(`Solo ${quanti} comuni letti da ${sorgente}: non è la tabella attesa.`);

const destinazione = join(import.meta.dirname, '..', 'electron', 'core', 'anagrafe', 'comuni-catastali.json');
const ordinati = Object.fromEntries(Object.entries(comuni).sort(([a], [b]) => a.localeCompare(b)));
const file = {
  descrizione: 'Nomi dei comuni per codice catastale (il codice che la CNS registra per il comune di nascita e di residenza). Generato da scripts/comuni-catastali.mjs; non modificare a mano.',
  fonte: values.fonte,
  recuperatoIl: new Date().toISOString().slice(0, 10),
  comuni: ordinati,
};
writeFileSync(destinazione, `${JSON.stringify(file, null, 1)}\n`);
console.log(`${quanti} comuni scritti in ${destinazione}`);
