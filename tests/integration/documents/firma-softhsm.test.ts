/**
 * The module signed through PKCS#11 on a real token (SoftHSM2), with both signing
 * mechanisms the card layer uses, then verified by OpenSSL and by our verifier.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPkcs11Signer } from '../../../native/pkcs11/signer';
import { Pkcs11Token } from '../../../native/pkcs11/token';
import { certificatiDaPem } from '../../../electron/core/pki/certificati';
import { signModulo } from '../../../electron/core/documents/cades/firma';
import { verificaP7m } from '../../../electron/core/documents/cades/verifica';
import { creaDocumentiPratica } from '../../../electron/core/documents/documenti-pratica';
import { creaModuloPdf } from '../../../electron/core/documents/modulo-pdf';
import type { ModuloInput } from '../../../electron/core/documents/modulo-input';
import { ISTANTE, orologio, praticaDiProva } from '../../fixtures/documents/pratica';
import { pkiDiProva, type PkiDiProva } from '../../fixtures/documents/pki';
import { ETICHETTA, MODULO_SOFTHSM, PIN, tokenSoftHsm, type TokenSoftHsm } from '../../fixtures/documents/softhsm';
import { cartellaTemporanea, esegui, type CartellaTemporanea } from '../../fixtures/documents/strumenti';

let pki: PkiDiProva;
let hsm: TokenSoftHsm;
let token: Pkcs11Token;
let input: ModuloInput;
let pdf: Uint8Array;
let cartella: CartellaTemporanea;

beforeAll(async () => {
  pki = pkiDiProva();
  hsm = tokenSoftHsm(pki.valido);
  // SoftHSM reads its configuration when the module is initialised in this process.
  process.env.SOFTHSM2_CONF = hsm.configurazione;
  token = Pkcs11Token.open(MODULO_SOFTHSM, { label: ETICHETTA });
  token.login(PIN);
  input = (await praticaDiProva()).input;
  pdf = await creaModuloPdf(input, orologio);
  cartella = cartellaTemporanea();
  cartella.scrivi('ca.pem', pki.ca.certificatePem);
});

afterAll(() => {
  token?.close();
  hsm?.elimina();
  cartella?.elimina();
});

describe('modulo firmato via PKCS#11 (SoftHSM2)', () => {
  for (const mechanism of ['sha256-rsa-pkcs', 'rsa-pkcs'] as const) {
    it(`with ${mechanism}: openssl and our verifier accept it and return the module byte for byte`, async () => {
      const p7m = await signModulo(pdf, createPkcs11Signer(token, { mechanism }), orologio);
      const file = cartella.scrivi(`${mechanism}.p7m`, p7m);
      const r = esegui('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', file, '-CAfile', `${cartella.percorso}/ca.pem`, '-out', `${file}.pdf`]);
      expect(r.stderr).toContain('Verification successful');
      expect(readFileSync(`${file}.pdf`).equals(Buffer.from(pdf))).toBe(true);
      const esito = verificaP7m(p7m, { fidati: certificatiDaPem(pki.ca.certificatePem), al: ISTANTE });
      expect(esito.valida).toBe(true);
      expect(Buffer.from(esito.contenuto).equals(Buffer.from(pdf))).toBe(true);
      expect(esito.firmatari[0]?.codiceFiscale).toBe('RSSMRA80A01H501U');
    });
  }

  it('produces the whole set of documents of a pratica with the token as signer', async () => {
    const d = await creaDocumentiPratica(input, createPkcs11Signer(token), orologio);
    expect(Buffer.from(d.moduloPdf).equals(Buffer.from(pdf))).toBe(true);
    expect(verificaP7m(d.moduloP7m, { fidati: certificatiDaPem(pki.ca.certificatePem), al: ISTANTE }).valida).toBe(true);
    expect(d.faldoneXml).toContain('<documento nome="modulo.pdf.p7m"');
    expect(d.segnaturaXml).toContain('<Documento nome="modulo.pdf.p7m"');
  });
});
