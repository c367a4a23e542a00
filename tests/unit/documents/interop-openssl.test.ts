/**
 * Interoperability with another CMS implementation: OpenSSL signs as a portal or a
 * desktop signing tool would, and our verifier judges its files; OpenSSL's own CAdES
 * check (-cades) judges ours.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatiDaPem } from '../../../electron/core/pki/certificati';
import { signModulo } from '../../../electron/core/documents/cades/firma';
import { verificaP7m, type OpzioniVerifica } from '../../../electron/core/documents/cades/verifica';
import { firmatarioSoftware } from '../../../electron/adapters/demo/firmatario-software';
import { creaAllegatoDemo } from '../../../electron/adapters/demo/allegato-demo';
import { ISTANTE, orologio } from '../../fixtures/documents/pratica';
import { pkiDiProva, type PkiDiProva } from '../../fixtures/documents/pki';
import { cartellaTemporanea, esegui, type CartellaTemporanea } from '../../fixtures/documents/strumenti';

let pki: PkiDiProva;
let cartella: CartellaTemporanea;
let esito: Uint8Array;
let opzioni: OpzioniVerifica;

beforeAll(async () => {
  pki = pkiDiProva();
  cartella = cartellaTemporanea();
  esito = await creaAllegatoDemo('Esito della pratica', ['La domanda è stata accolta.'], ISTANTE);
  cartella.scrivi('esito.pdf', esito);
  cartella.scrivi('ca.pem', pki.ca.certificatePem);
  cartella.scrivi('firmatario.pem', pki.valido.certificatePem);
  cartella.scrivi('chiave.pem', pki.valido.key.export({ type: 'pkcs8', format: 'pem' }));
  opzioni = { fidati: certificatiDaPem(pki.ca.certificatePem), al: ISTANTE };
});
afterAll(() => cartella.elimina());

function opensslFirma(nome: string, extra: string[]): Uint8Array {
  const p = cartella.percorso;
  const r = esegui('openssl', ['cms', '-sign', '-binary', '-md', 'sha256', '-outform', 'DER', '-in', `${p}/esito.pdf`, '-signer', `${p}/firmatario.pem`, '-inkey', `${p}/chiave.pem`, '-out', `${p}/${nome}`, ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(`${p}/${nome}`);
}

describe('interoperability with OpenSSL', () => {
  it('accepts an attached CAdES-BES made by openssl cms -sign -cades', () => {
    const p7m = opensslFirma('cades.p7m', ['-nodetach', '-cades']);
    const verificato = verificaP7m(p7m, opzioni);
    expect(verificato.valida).toBe(true);
    expect(Buffer.from(verificato.contenuto).equals(Buffer.from(esito))).toBe(true);
    expect(verificato.firmatari[0]?.codiceFiscale).toBe('RSSMRA80A01H501U');
  });

  it('accepts a detached one when given the content, and explains when it is not', () => {
    const p7s = opensslFirma('cades.p7s', ['-cades']);
    expect(Buffer.from(verificaP7m(p7s, { ...opzioni, contenutoEsterno: esito }).contenuto).equals(Buffer.from(esito))).toBe(true);
    expect(() => verificaP7m(p7s, opzioni)).toThrow(expect.objectContaining({ code: 'firma-formato-non-valido' }));
  });

  it('refuses a plain CMS signature with no signing-certificate attribute', () => {
    const p7m = opensslFirma('semplice.p7m', ['-nodetach']);
    expect(verificaP7m(p7m, opzioni).firmatari[0]?.esito).toBe('non-cades');
  });

  it('has our .p7m pass OpenSSL’s own CAdES check of signingCertificateV2', async () => {
    const nostro = await signModulo(esito, firmatarioSoftware(pki.valido.certificateDer, pki.valido.key), orologio);
    const file = cartella.scrivi('nostro.p7m', nostro);
    const r = esegui('openssl', ['cms', '-verify', '-cades', '-binary', '-inform', 'DER', '-in', file, '-CAfile', `${cartella.percorso}/ca.pem`, '-out', `${file}.pdf`]);
    expect(r.stderr).toContain('Verification successful');
    expect(readFileSync(`${file}.pdf`).equals(Buffer.from(esito))).toBe(true);
  });
});
