import { readFileSync } from 'node:fs';
import { sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insiemeFirmato, signingCertificateV2 } from '../../../electron/core/documents/cades/attributi-firmati';
import { certificatiDaPem } from '../../../electron/core/pki/certificati';
import { signModulo } from '../../../electron/core/documents/cades/firma';
import { OID } from '../../../electron/core/documents/cades/oid';
import { verificaP7m, type OpzioniVerifica } from '../../../electron/core/documents/cades/verifica';
import { firmatarioSoftware } from '../../../electron/adapters/demo/firmatario-software';
import { creaModuloPdf } from '../../../electron/core/documents/modulo-pdf';
import { issueCitizenCertificate, type IssuedCertificate } from '../../../native/test-pki';
import { ISTANTE, orologio, praticaDiProva } from '../../fixtures/documents/pratica';
import { pkiDiProva, type PkiDiProva } from '../../fixtures/documents/pki';
import { cartellaTemporanea, esegui, type CartellaTemporanea } from '../../fixtures/documents/strumenti';

let pki: PkiDiProva;
let pdf: Uint8Array;
let p7m: Uint8Array;
let cartella: CartellaTemporanea;
let opzioni: OpzioniVerifica;

const firma = (cert: IssuedCertificate, contenuto = pdf) => signModulo(contenuto, firmatarioSoftware(cert.certificateDer, cert.key), orologio);

beforeAll(async () => {
  pki = pkiDiProva();
  pdf = await creaModuloPdf((await praticaDiProva()).input, orologio);
  p7m = await firma(pki.valido);
  cartella = cartellaTemporanea();
  cartella.scrivi('ca.pem', pki.ca.certificatePem);
  opzioni = { fidati: certificatiDaPem(pki.ca.certificatePem), al: ISTANTE };
});
afterAll(() => cartella.elimina());

function opensslVerifica(busta: Uint8Array, extra: string[] = []): { ok: boolean; contenuto: Buffer | null; stderr: string } {
  const entrata = cartella.scrivi('busta.p7m', busta);
  const uscita = `${cartella.percorso}/estratto.bin`;
  const r = esegui('openssl', ['cms', '-verify', ...extra, '-binary', '-inform', 'DER', '-in', entrata, '-CAfile', `${cartella.percorso}/ca.pem`, '-out', uscita]);
  return { ok: r.status === 0, contenuto: r.status === 0 ? readFileSync(uscita) : null, stderr: r.stderr };
}

/** Re-signs `busta` after `cambia` edits its signed attributes: a signature that is cryptographically valid. */
function rifirma(busta: Uint8Array, cert: IssuedCertificate, cambia: (a: pkijs.Attribute[]) => pkijs.Attribute[]): Uint8Array {
  const info = pkijs.ContentInfo.fromBER(new Uint8Array(busta));
  const sd = new pkijs.SignedData({ schema: info.content });
  const si = sd.signerInfos[0];
  if (!si?.signedAttrs) throw new Error('firma senza attributi');
  const { attributi, daFirmare } = insiemeFirmato(cambia(si.signedAttrs.attributes));
  si.signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attributi });
  si.signature = new asn1js.OctetString({ valueHex: new Uint8Array(sign('sha256', daFirmare, cert.key)) });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }).toSchema().toBER());
}

describe('CAdES-BES .p7m', () => {
  it('is verified by openssl cms with the test CA, which returns the module byte for byte', () => {
    const r = opensslVerifica(p7m);
    expect(r.stderr).toContain('Verification successful');
    expect(r.ok).toBe(true);
    expect(r.contenuto?.equals(Buffer.from(pdf))).toBe(true);
  });

  it('carries contentType, signingTime, messageDigest and signingCertificateV2 with issuerSerial', () => {
    const dump = esegui('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cartella.scrivi('dump.p7m', p7m)]).stdout;
    for (const a of ['contentType', 'signingTime', 'messageDigest', 'id-smime-aa-signingCertificateV2']) expect(dump).toContain(a);
    expect(dump).toContain('sha256');
    expect(dump).toContain('UTCTIME:Nov 24 08:30:00 2026 GMT');
  });

  it('is accepted by our verifier, which returns the module and the signer', () => {
    const esito = verificaP7m(p7m, opzioni);
    expect(esito.valida).toBe(true);
    expect(Buffer.from(esito.contenuto).equals(Buffer.from(pdf))).toBe(true);
    expect(esito.tipoContenuto).toBe(OID.data);
    expect(esito.firmatari).toHaveLength(1);
    expect(esito.firmatari[0]?.codiceFiscale).toBe('RSSMRA80A01H501U');
    expect(esito.firmatari[0]?.firmatoIl?.toISOString()).toBe(ISTANTE.toISOString());
  });

  it('is accepted in Base64 too, as some portals send outcome files', () => {
    const base64 = new TextEncoder().encode(Buffer.from(p7m).toString('base64').replace(/(.{64})/g, '$1\n'));
    expect(verificaP7m(base64, opzioni).firmatari[0]?.codiceFiscale).toBe('RSSMRA80A01H501U');
  });

  it('rejects a content changed after signing', () => {
    const alterata = Buffer.from(p7m);
    const dove = alterata.indexOf(Buffer.from(pdf.subarray(2000, 2032)));
    expect(dove).toBeGreaterThan(0);
    alterata[dove + 5] = (alterata[dove + 5] ?? 0) ^ 0x01;
    expect(verificaP7m(alterata, opzioni).firmatari[0]?.esito).toBe('contenuto-alterato');
    expect(opensslVerifica(alterata).ok).toBe(false);
  });

  it('rejects a signature whose bytes were changed', () => {
    const alterata = Buffer.from(p7m);
    alterata[alterata.length - 10] = (alterata[alterata.length - 10] ?? 0) ^ 0xff;
    expect(verificaP7m(alterata, opzioni).firmatari[0]?.esito).toBe('non-valida');
  });

  it('rejects a wrong ESSCertIDv2 hash that openssl lets through unless asked with -cades', () => {
    const altro = issueCitizenCertificate(pki.ca, {
      use: 'signature',
      holder: { codiceFiscale: 'BNCLCU82C41H501Z', surname: 'TITOLARE', givenName: 'ALTRO' },
      validity: { notBefore: new Date('2024-01-01'), notAfter: new Date('2030-01-01') },
    });
    const sbagliata = rifirma(p7m, pki.valido, (attributi) =>
      attributi.map((a) =>
        a.type === OID.signingCertificateV2
          ? new pkijs.Attribute({ type: a.type, values: [signingCertificateV2(altro.certificateDer, pkijs.Certificate.fromBER(new Uint8Array(altro.certificateDer)))] })
          : a,
      ),
    );
    expect(opensslVerifica(sbagliata).ok).toBe(true);
    expect(opensslVerifica(sbagliata, ['-cades']).ok).toBe(false);
    expect(verificaP7m(sbagliata, opzioni).firmatari[0]?.esito).toBe('certificato-firmatario-errato');
  });

  it('rejects a signature without the signing-certificate attribute (not CAdES)', () => {
    const senza = rifirma(p7m, pki.valido, (attributi) => attributi.filter((a) => a.type !== OID.signingCertificateV2));
    expect(verificaP7m(senza, opzioni).firmatari[0]?.esito).toBe('non-cades');
  });

  it('rejects an expired certificate', async () => {
    const busta = await firma(pki.scaduto);
    expect(verificaP7m(busta, opzioni).firmatari[0]?.esito).toBe('certificato-scaduto');
  });

  it('rejects a certificate from a CA outside the bundle', async () => {
    const busta = await firma(pki.estraneo);
    expect(verificaP7m(busta, opzioni).firmatari[0]?.esito).toBe('certificato-non-attendibile');
    expect(verificaP7m(busta, { ...opzioni, fidati: certificatiDaPem(pki.altraCa.certificatePem) }).valida).toBe(true);
  });

  it('rejects garbage and truncated envelopes with a message', () => {
    expect(() => verificaP7m(new TextEncoder().encode('non sono una firma'), opzioni)).toThrow(expect.objectContaining({ code: 'firma-formato-non-valido' }));
    expect(() => verificaP7m(p7m.subarray(0, p7m.length / 2), opzioni)).toThrow(expect.objectContaining({ code: 'firma-formato-non-valido' }));
  });

  it('refuses to sign an empty module', async () => {
    await expect(firma(pki.valido, new Uint8Array())).rejects.toMatchObject({ code: 'modulo-da-firmare-vuoto' });
  });
});
