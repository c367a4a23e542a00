/**
 * A signature time stamp (RFC 3161, CAdES-T) made by OpenSSL's own TSA fixes the
 * signing time: a certificate judged at the stamped time, not at the signingTime the
 * signer claims; a stamp that is not over this signature is ignored.
 */
import { readFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signModulo } from '../../../electron/core/documents/cades/firma';
import { OID } from '../../../electron/core/documents/cades/oid';
import { verificaP7m } from '../../../electron/core/documents/cades/verifica';
import { firmatarioSoftware } from '../../../electron/adapters/demo/firmatario-software';
import { certificatiDaPem } from '../../../electron/core/pki/certificati';
import { pkiDiProva, type PkiDiProva } from '../../fixtures/documents/pki';
import { cartellaTemporanea, esegui, type CartellaTemporanea } from '../../fixtures/documents/strumenti';

const TSA_CNF = `[ tsa ]
default_tsa = tsa_prova
[ tsa_prova ]
serial = SERIALE
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256
accuracy = secs:1
ess_cert_id_alg = sha256
`;

let pki: PkiDiProva;
let cartella: CartellaTemporanea;
let tsaPem: string;
/** Signed "on 1 June 2023" by a certificate valid only from 2024: the claimed time makes it invalid. */
let retrodatata: Uint8Array;

function firmaDi(busta: Uint8Array): Uint8Array {
  const sd = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(busta)).content });
  return new Uint8Array(sd.signerInfos[0]!.signature.valueBlock.valueHexView);
}

function marca(dati: Uint8Array): Uint8Array {
  const p = (n: string) => `${cartella.percorso}/${n}`;
  cartella.scrivi('dati.bin', dati);
  const q = esegui('openssl', ['ts', '-query', '-data', p('dati.bin'), '-sha256', '-cert', '-no_nonce', '-out', p('richiesta.tsq')]);
  expect(q.status, q.stderr).toBe(0);
  const r = esegui('openssl', ['ts', '-reply', '-config', p('tsa.cnf'), '-queryfile', p('richiesta.tsq'), '-signer', p('tsa.pem'), '-inkey', p('tsa.key'), '-token_out', '-out', p('token.der')]);
  expect(r.status, r.stderr).toBe(0);
  return new Uint8Array(readFileSync(p('token.der')));
}

function conMarca(busta: Uint8Array, token: Uint8Array): Uint8Array {
  const sd = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(busta)).content });
  const valore = asn1js.fromBER(new Uint8Array(token)).result;
  sd.signerInfos[0]!.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [valore] })] });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }).toSchema().toBER());
}

beforeAll(async () => {
  pki = pkiDiProva();
  cartella = cartellaTemporanea();
  cartella.scrivi('SERIALE', '01\n');
  cartella.scrivi('tsa.cnf', TSA_CNF.replace('SERIALE', `${cartella.percorso}/SERIALE`));
  const p = (n: string) => `${cartella.percorso}/${n}`;
  const tsa = esegui('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('tsa.key'), '-out', p('tsa.pem'), '-subj', '/C=IT/O=Prova/CN=TSA di prova', '-days', '3650', '-addext', 'extendedKeyUsage=critical,timeStamping', '-addext', 'basicConstraints=critical,CA:FALSE']);
  expect(tsa.status, tsa.stderr).toBe(0);
  tsaPem = readFileSync(p('tsa.pem'), 'utf8');
  const giugno2023 = { now: () => new Date('2023-06-01T09:00:00Z') };
  retrodatata = await signModulo(new TextEncoder().encode('%PDF-1.7 esito'), firmatarioSoftware(pki.valido.certificateDer, pki.valido.key), giugno2023);
});
afterAll(() => cartella.elimina());

describe('signature time stamp', () => {
  it('without a stamp the claimed signing time decides', () => {
    const esito = verificaP7m(retrodatata, { fidati: certificatiDaPem(pki.ca.certificatePem + tsaPem), al: new Date() });
    expect(esito.firmatari[0]).toMatchObject({ esito: 'certificato-non-ancora-valido', fonteOra: 'dichiarata-dal-firmatario' });
  });

  it('a stamp over the signature value fixes the signing time at its genTime', () => {
    const prima = Date.now();
    const esito = verificaP7m(conMarca(retrodatata, marca(firmaDi(retrodatata))), { fidati: certificatiDaPem(pki.ca.certificatePem + tsaPem), al: new Date() });
    expect(esito.firmatari[0]).toMatchObject({ esito: 'valida', fonteOra: 'marca-temporale', validoAllaFirma: true });
    expect(esito.firmatari[0]!.firmatoIl!.getTime()).toBeGreaterThanOrEqual(Math.floor(prima / 1000) * 1000 - 1000);
    expect(esito.firmatari[0]?.messaggio).toContain('(marca temporale)');
  });

  it('a stamp over other data, or by a TSA outside the trusted list, is ignored', () => {
    const altrove = conMarca(retrodatata, marca(new TextEncoder().encode('un altro documento')));
    expect(verificaP7m(altrove, { fidati: certificatiDaPem(pki.ca.certificatePem + tsaPem), al: new Date() }).firmatari[0]).toMatchObject({ esito: 'certificato-non-ancora-valido', fonteOra: 'dichiarata-dal-firmatario' });
    const tsaIgnota = conMarca(retrodatata, marca(firmaDi(retrodatata)));
    expect(verificaP7m(tsaIgnota, { fidati: certificatiDaPem(pki.ca.certificatePem), al: new Date() }).firmatari[0]).toMatchObject({ fonteOra: 'dichiarata-dal-firmatario' });
  });
});
