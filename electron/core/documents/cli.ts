/**
 * `npm run documents -- sample <dir>`: writes the documents of the demo pratica so
 * anyone can open and verify them with standard tools (pdfinfo, openssl cms, xmllint).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { caricaBundleCa } from './cades/catena';
import { verificaP7m } from './cades/verifica';
import { creaCaProva } from './demo/ca-prova';
import { creaAllegatoDemo } from './demo/allegato-demo';
import { firmatarioSoftware } from './demo/firmatario-software';
import { allegatiDemo, praticaMensaDemo } from './demo/pratica-demo';
import { creaDocumentiPratica } from './documenti-pratica';
import { xsdFaldone } from './faldone';

const USO = 'Uso: npm run documents -- sample <cartella>';

async function esempio(cartella: string): Promise<void> {
  const adesso = new Date();
  const clock = { now: () => adesso };
  const ca = creaCaProva();
  const titolare = ca.emetti({ nome: 'Mario', cognome: 'Rossi', codiceFiscale: 'RSSMRA80A01H501U', validoDal: new Date('2024-01-01T00:00:00Z'), validoAl: new Date('2034-01-01T00:00:00Z') });
  const signer = firmatarioSoftware(titolare.der, titolare.chiavePrivata);
  const certificato = await creaAllegatoDemo('Certificato medico', ['Si certifica che il minore Niccolò Rossi è affetto da celiachia.'], adesso);
  const isee = await creaAllegatoDemo('Attestazione ISEE', ['Valore ISEE ordinario: 15.000,00 €'], adesso);
  const input = praticaMensaDemo(allegatiDemo(certificato, isee));
  const d = await creaDocumentiPratica(input, signer, clock);
  verificaP7m(d.moduloP7m, { fidati: caricaBundleCa(ca.pem), al: adesso });

  mkdirSync(cartella, { recursive: true });
  const file: [string, Uint8Array | string][] = [
    ['modulo.pdf', d.moduloPdf],
    ['modulo.pdf.p7m', d.moduloP7m],
    ['faldone.xml', d.faldoneXml],
    ['faldone.xsd', xsdFaldone()],
    ['segnatura.xml', d.segnaturaXml],
    ['ricevuta.pdf', d.ricevutaA4],
    ['ricevuta-80mm.pdf', d.ricevuta80mm],
    ['ca.pem', ca.pem],
    ['certificato-medico.pdf', certificato],
    ['attestazione-isee.pdf', isee],
  ];
  for (const [nome, contenuto] of file) writeFileSync(join(cartella, nome), contenuto);
  console.log(`Documenti scritti in ${cartella}:\n${file.map(([n]) => `  ${n}`).join('\n')}`);
  console.log('Firma con una chiave software emessa dalla CA di prova (ca.pem), non con una carta.');
  console.log(`Verifica: openssl cms -verify -binary -inform DER -in ${join(cartella, 'modulo.pdf.p7m')} -CAfile ${join(cartella, 'ca.pem')} -out /tmp/modulo.pdf`);
}

async function main(argv: string[]): Promise<number> {
  const [comando, cartella] = argv;
  if (comando !== 'sample' || !cartella) {
    console.error(USO);
    return 2;
  }
  await esempio(resolve(cartella));
  return 0;
}

main(process.argv.slice(2)).then(
  (codice) => process.exit(codice),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
