/**
 * `npm run documents -- verifica <file.p7m> [--ca <bundle.pem>] [--solo-ca] [--estrai <file>]`: the verdict on a
 * signed file as desk staff need it, one signer at a time, with the CAs of pki/fiducia.ts (the shipped
 * Italian list, plus --ca, or only --ca with --solo-ca). Exit code 0 = every signature valid, 1 = not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { nomeEmittente } from '../core/pki/certificati';
import { caricaFiducia } from '../core/pki/fiducia';
import { verificaP7m } from '../core/documents/cades/verifica';

export interface OpzioniVerificaCli {
  readonly ca?: string | undefined;
  readonly soloCa: boolean;
  readonly estrai?: string | undefined;
}

export function verificaDaRigaDiComando(file: string, opzioni: OpzioniVerificaCli, scrivi: (riga: string) => void = console.log): number {
  const fiducia = caricaFiducia({ caBundlePath: opzioni.ca ?? null, caBundleMode: opzioni.soloCa ? 'replace' : 'add' });
  const esito = verificaP7m(new Uint8Array(readFileSync(file)), { fidati: fiducia.ancore, al: new Date() });
  scrivi(`File: ${basename(file)} (documento firmato di ${Math.ceil(esito.contenuto.length / 1024)} KB)`);
  esito.firmatari.forEach((f, i) => {
    scrivi(`Firmatario ${i + 1}: ${f.nome}${f.codiceFiscale ? `, codice fiscale ${f.codiceFiscale}` : ''}`);
    scrivi(`  Certificato emesso da: ${nomeEmittente(f.emittente)}`);
    scrivi(`  Esito: ${f.messaggio}`);
    scrivi('  Revoca del certificato: non verificata (liste CRL e OCSP non consultate).');
  });
  scrivi(`Autorità di certificazione considerate: ${fiducia.origine} (${fiducia.ancore.length}).`);
  if (opzioni.estrai) {
    writeFileSync(opzioni.estrai, esito.contenuto);
    scrivi(`Documento estratto in ${opzioni.estrai}.`);
  }
  return esito.valida ? 0 : 1;
}
