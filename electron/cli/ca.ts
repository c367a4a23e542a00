/**
 * `npm run ca -- aggiorna <TSL-IT.xml> --firmatario <certificato.pem> [--cartella <dir>]`
 *   refreshes the shipped CA bundle from AgID's trusted list (https://eidas.agid.gov.it/TL/TSL-IT.xml):
 *   the list's own signature is checked against the given signer certificate (the one the EU's list of
 *   trusted lists publishes for Italy), and only its CA/QC and IdV services are kept.
 * `npm run ca -- importa-pem <cartella di .pem> --fonte <testo> [--cartella <dir>]`
 *   builds the bundle from PEM files (how the first bundle was made; see ca-italiane.json).
 * `npm run ca -- elenco` prints what the shipped bundle holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isUserFacing } from '../core/errors';
import { certificatiDaPem } from '../core/pki/certificati';
import { scriviElencoCa } from '../core/pki/elenco-ca';
import { caItaliane, FILE_CA_ITALIANE } from '../core/pki/fiducia';
import { leggiTsl } from '../core/pki/tsl';

const USO = [
  'Uso: npm run ca -- aggiorna <TSL-IT.xml> --firmatario <certificato.pem> [--cartella <dir>]',
  '     npm run ca -- importa-pem <cartella con file .pem> --fonte <testo> [--cartella <dir>]',
  '     npm run ca -- elenco',
].join('\n');

const NOME = 'ca-italiane';

function oggi(): string {
  return new Date().toISOString().slice(0, 10);
}

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { firmatario: { type: 'string' }, fonte: { type: 'string' }, cartella: { type: 'string', default: __dirname } },
  });
  const [comando, sorgente] = positionals;
  const cartella = resolve(values.cartella);
  if (comando === 'elenco') {
    const certificati = caItaliane();
    for (const c of certificati) console.log(`${new Date(c.validTo).toISOString().slice(0, 10)}  ${c.subject.replace(/\n/g, ', ')}`);
    console.log(`${certificati.length} certificati in ${FILE_CA_ITALIANE}`);
    return 0;
  }
  if (comando === 'aggiorna' && sorgente && values.firmatario) {
    const elenco = leggiTsl(readFileSync(sorgente, 'utf8'), certificatiDaPem(readFileSync(values.firmatario, 'utf8')));
    const esito = scriviElencoCa(
      cartella,
      NOME,
      elenco.servizi.map((s) => ({ certificato: s.certificato, servizio: { tipo: s.tipo, stato: s.stato, fornitore: s.fornitore } })),
      {
        fonte: resolve(sorgente),
        recuperatoIl: oggi(),
        elenco: { emessoIl: elenco.emessoIl, numeroSequenza: elenco.numeroSequenza, firmatario: elenco.firmatario.fingerprint256 },
      },
    );
    console.log(`Elenco n. ${elenco.numeroSequenza ?? '?'} del ${elenco.emessoIl ?? '?'}, firma verificata: ${esito.certificati} certificati scritti in ${join(cartella, `${NOME}.pem`)}.`);
    return 0;
  }
  if (comando === 'importa-pem' && sorgente && values.fonte) {
    const file = readdirSync(sorgente).filter((f) => f.endsWith('.pem')).sort();
    const voci = file.flatMap((f) => certificatiDaPem(readFileSync(join(sorgente, f), 'utf8'))).filter((c) => c.ca).map((certificato) => ({ certificato }));
    const esito = scriviElencoCa(cartella, NOME, voci, { fonte: values.fonte, recuperatoIl: oggi() });
    console.log(`${esito.certificati} certificati di CA da ${file.length} file (${esito.duplicati} doppi) scritti in ${join(cartella, `${NOME}.pem`)}.`);
    return 0;
  }
  console.error(USO);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(isUserFacing(e) ? e.message : e);
  process.exitCode = 1;
}
