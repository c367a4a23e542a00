/**
 * `npm run documents -- sample <dir> [--porta 35963] [--lettore <nome>] [--software]`: writes the documents
 * of the demo pratica so anyone can open and verify them with standard tools (pdfinfo,
 * openssl cms, xmllint). The module is signed by the virtual CNS in the vpcd reader on
 * the given port, through OpenSC; when that is not possible (or with --software) by a
 * software key with a certificate of the test CA (native/test-pki), and the output says which.
 * `npm run documents -- verifica <file.p7m> [--ca <bundle.pem>] [--solo-ca] [--estrai <file>]`: see verifica-cli.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SignerPort } from '../core/ports/signer';
import { certificatiDaPem } from '../core/pki/certificati';
import { verificaP7m } from '../core/documents/cades/verifica';
import { richiediFirmaValida } from '../core/documents/cades/verdetto';
import { creaAllegatoDemo } from '../adapters/demo/allegato-demo';
import { firmaConCartaVirtuale } from '../adapters/demo/carta-virtuale-demo';
import { firmatarioSoftware } from '../adapters/demo/firmatario-software';
import { allegatiDemo, praticaMensaDemo } from '../adapters/demo/pratica-demo';
import { creaDocumentiPratica } from '../core/documents/documenti-pratica';
import { xsdFaldone } from '../core/documents/faldone';
import { verificaDaRigaDiComando } from './verifica';
import { runCli } from './run';
import { createTestCa, issueCitizenCertificate } from '../../native/test-pki';

const USO = 'Uso: npm run documents -- sample <cartella> [--porta 35963] [--lettore <nome del lettore vpcd>] [--software]';

interface Firmatario {
  signer: SignerPort;
  caPem: string;
  descrizione: string;
  chiudi(): Promise<void>;
}

function firmatarioDiProva(): Firmatario {
  const ca = createTestCa();
  const titolare = issueCitizenCertificate(ca, { use: 'signature' });
  return { signer: firmatarioSoftware(titolare.certificateDer, titolare.key), caPem: ca.certificatePem, descrizione: 'una chiave software emessa dalla CA di prova (ca.pem), non con una carta', chiudi: async () => undefined };
}

async function firmatario(porta: number, lettore: string | undefined, soloSoftware: boolean): Promise<Firmatario> {
  if (soloSoftware) return firmatarioDiProva();
  try {
    const carta = await firmaConCartaVirtuale(porta, lettore);
    return { ...carta, descrizione: `la CNS virtuale nel lettore vpcd sulla porta ${porta}, tramite OpenSC (PIN 12345); ca.pem è la sua CA di prova` };
  } catch (e) {
    console.warn(`CNS virtuale non utilizzabile (${e instanceof Error ? e.message : String(e)}): firmo con una chiave software di prova.`);
    return firmatarioDiProva();
  }
}

async function esempio(cartella: string, f: Firmatario): Promise<void> {
  const adesso = new Date();
  const clock = { now: () => adesso };
  const certificato = await creaAllegatoDemo('Certificato medico', ['Si certifica che il minore Niccolò Rossi è affetto da celiachia.'], adesso);
  const isee = await creaAllegatoDemo('Attestazione ISEE', ['Valore ISEE ordinario: 15.000,00 €'], adesso);
  const input = praticaMensaDemo(allegatiDemo(certificato, isee));
  const d = await creaDocumentiPratica(input, f.signer, clock);
  richiediFirmaValida(verificaP7m(d.moduloP7m, { fidati: certificatiDaPem(f.caPem), al: adesso }));

  mkdirSync(cartella, { recursive: true });
  const file: [string, Uint8Array | string][] = [
    ['modulo.pdf', d.moduloPdf],
    ['modulo.pdf.p7m', d.moduloP7m],
    ['faldone.xml', d.faldoneXml],
    ['faldone.xsd', xsdFaldone()],
    ['segnatura.xml', d.segnaturaXml],
    ['ricevuta.pdf', d.ricevutaA4],
    ['ricevuta-80mm.pdf', d.ricevuta80mm],
    ['ca.pem', f.caPem],
    ['certificato-medico.pdf', certificato],
    ['attestazione-isee.pdf', isee],
  ];
  for (const [nome, contenuto] of file) writeFileSync(join(cartella, nome), contenuto);
  console.log(`Documenti scritti in ${cartella}:\n${file.map(([n]) => `  ${n}`).join('\n')}`);
  console.log(`Modulo firmato con ${f.descrizione}.`);
  // -purpose any: a CNS certificate is an authentication certificate, which OpenSSL's S/MIME check refuses as such.
  console.log(`Verifica: openssl cms -verify -purpose any -binary -inform DER -in ${join(cartella, 'modulo.pdf.p7m')} -CAfile ${join(cartella, 'ca.pem')} -out /tmp/modulo.pdf`);
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      porta: { type: 'string', default: '35963' },
      lettore: { type: 'string' },
      software: { type: 'boolean', default: false },
      ca: { type: 'string' },
      'solo-ca': { type: 'boolean', default: false },
      estrai: { type: 'string' },
    },
  });
  const [comando, cartella] = positionals;
  if (comando === 'verifica' && cartella) return verificaDaRigaDiComando(cartella, { ca: values.ca, soloCa: values['solo-ca'], estrai: values.estrai });
  const porta = Number(values.porta);
  if (comando !== 'sample' || !cartella || !Number.isInteger(porta) || porta < 1 || porta > 65535) {
    console.error(USO);
    return 2;
  }
  const f = await firmatario(porta, values.lettore, values.software);
  try {
    await esempio(resolve(cartella), f);
  } finally {
    await f.chiudi();
  }
  return 0;
}

runCli(main, 1);
