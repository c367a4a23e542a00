import { describe, expect, expectTypeOf, it, beforeAll } from 'vitest';
import type { SignerPort } from '../../../electron/core/ports/signer';
import type { CardSigner } from '../../../native/cns/apdu-signer';
import type { Pkcs11Signer } from '../../../native/pkcs11/signer';
import { createSign, createVerify } from 'node:crypto';
import { chainCommand, encodeCommand, toHex } from '../../../native/apdu/command';
import { identify, readCard } from '../../../native/cns/identify';
import { trustOnly } from '../../support/trust';
import { caricaFiducia } from '../../../electron/core/pki/fiducia';
import { fiduciaCarta } from '../../../electron/core/pki/fiducia-carta';
import { parseCnsCertificate } from '../../../native/cns/certificate';
import { createApduSigner, pkcs1Type1Block, sha256DigestInfo } from '../../../native/cns/apdu-signer';
import { FileCard, datiPersonaliFile, enc } from './fixtures/file-card';
import { createOtherTestCa, createTestCa, issueCitizenCertificate, validFromYesterday, type IssuedCertificate, type TestCa } from '../../../native/test-pki';
import { cardErrorOf } from '../../support/card-error';

const ATR = '3BDF18008131FE7D006B020C0182011101434E53103180FC';
const IDEMIA_2021_ATR = '3BFF180000' + '8131FE45006B05052000012101434E5310318079';
const CF = 'RSSMRA80A01H501U';
const SERIAL = '6120016461039008';

const HOLDER = { codiceFiscale: CF, cardSerial: SERIAL };

let ca: TestCa;
let card: IssuedCertificate;

beforeAll(() => {
  ca = createTestCa();
  // For a year from yesterday: two years on it has expired, two days ago it was not yet valid.
  card = issueCitizenCertificate(ca, { holder: HOLDER, validity: validFromYesterday(1) });
});

function files(overrides: Record<string, Uint8Array> = {}, certificatePath = '11001101'): Record<string, Uint8Array> {
  const certFile = new Uint8Array(card.certificateDer.length + 300);
  certFile.set(card.certificateDer);
  return { '10001003': enc(SERIAL), '11001102': datiPersonaliFile(CF), [certificatePath]: certFile, ...overrides };
}

describe('identification', () => {
  it('reads serial, personal data and certificate, and cross-checks them', async () => {
    const transport = new FileCard(ATR, files());
    const identity = await identify(transport, { now: new Date(), trust: trustOnly(ca.certificatePem) });
    expect(identity.serial).toBe(SERIAL);
    expect(identity.datiPersonali.codiceFiscale).toBe(CF);
    expect(identity.certificate.codiceFiscale).toBe(CF);
    expect(identity.certificate.cardSerial).toBe(SERIAL);
    expect(identity.certificate.der).toEqual(card.certificateDer);
    // 3 selects, 1 read of the serial, 1 of the personal data (stops at the padding), the certificate by its DER length.
    expect(transport.sent.length).toBe(3 + 1 + 1 + Math.ceil(card.certificateDer.length / 255));
  });

  it('finds the IDEMIA 2021 certificate under 3F00/1400 with key reference 02', async () => {
    const transport = new FileCard(IDEMIA_2021_ATR, files({}, '140090012002'));
    const identity = await readCard(transport);
    expect(identity.fileMap.keyReference).toBe(2);
    expect(identity.certificate.cardSerial).toBe(SERIAL);
  });

  it('falls back to the classic path when an IDEMIA 2021-looking card keeps it there', async () => {
    const identity = await readCard(new FileCard(IDEMIA_2021_ATR, files()));
    expect(identity.fileMap.keyReference).toBe(1);
  });

  it('refuses a card whose codice fiscale differs between certificate and personal data', async () => {
    const transport = new FileCard(ATR, files({ '11001102': datiPersonaliFile('BNCLRA85B42F205X') }));
    const error = await cardErrorOf(identify(transport, { now: new Date(), trust: null }));
    expect(error.code).toBe('carta-incoerente');
    expect(error.message).toMatch(/codice fiscale/);
  });

  it('refuses a certificate of another card', async () => {
    const transport = new FileCard(ATR, files({ '10001003': enc('6120016461039009') }));
    expect((await cardErrorOf(identify(transport, { now: new Date(), trust: null }))).code).toBe('carta-incoerente');
  });

  it('refuses an expired certificate and one not yet valid', async () => {
    const later = new Date(Date.now() + 2 * 365 * 86_400_000);
    expect((await cardErrorOf(identify(new FileCard(ATR, files()), { now: later, trust: null }))).message).toMatch(/scaduto/);
    const earlier = new Date(Date.now() - 2 * 86_400_000);
    expect((await cardErrorOf(identify(new FileCard(ATR, files()), { now: earlier, trust: null }))).message).toMatch(/non è ancora valido/);
  });

  it('refuses a certificate that does not chain to the configured CA bundle', async () => {
    const other = createOtherTestCa();
    const error = await cardErrorOf(identify(new FileCard(ATR, files()), { now: new Date(), trust: trustOnly(other.certificatePem) }));
    expect(error.code).toBe('certificato-non-attendibile');
  });

  it('checks the chain by default against the shipped Italian CAs, before the dates', async () => {
    const predefinita = fiduciaCarta(caricaFiducia({ caBundlePath: null, caBundleMode: 'add' }), () => new Date());
    expect((await cardErrorOf(identify(new FileCard(ATR, files()), { now: new Date(), trust: predefinita }))).code).toBe('certificato-non-attendibile');
    // Expired and untrusted: the citizen is told the card is not from a recognised issuer, not to renew it.
    const later = new Date(Date.now() + 2 * 365 * 86_400_000);
    expect((await cardErrorOf(identify(new FileCard(ATR, files()), { now: later, trust: predefinita }))).code).toBe('certificato-non-attendibile');
    expect((await cardErrorOf(identify(new FileCard(ATR, files()), { now: later, trust: trustOnly(ca.certificatePem) }))).code).toBe('certificato-scaduto');
  });

  it('refuses a certificate file that is not DER', async () => {
    const error = await cardErrorOf(readCard(new FileCard(ATR, files({ '11001101': enc('not a certificate at all') }))));
    expect(error.code).toBe('certificato-non-valido');
  });

  it('refuses a certificate whose CN is not CODICEFISCALE/SERIALE', async () => {
    const odd = issueCitizenCertificate(ca, { holder: HOLDER, commonName: 'Mario Rossi' });
    expect(() => parseCnsCertificate(odd.certificateDer)).toThrow(/CODICEFISCALE\/SERIALE/);
  });

  it('refuses a card with no CNS file system', async () => {
    const error = await cardErrorOf(readCard(new FileCard(ATR, {})));
    expect(error.code).toBe('carta-non-riconosciuta');
  });
});

describe('signing with MSE + PSO', () => {
  it('has the shape of core\'s SignerPort (native restates it without importing electron/)', () => {
    expectTypeOf<CardSigner>().toExtend<SignerPort>();
    expectTypeOf<Pkcs11Signer>().toExtend<SignerPort>();
    expectTypeOf<SignerPort>().toExtend<CardSigner>();
  });

  it('builds the PKCS#1 type 01 block around a SHA-256 DigestInfo', () => {
    const block = pkcs1Type1Block(sha256DigestInfo(enc('x')), 128);
    expect(block.length).toBe(128);
    expect(toHex(block.subarray(0, 3))).toBe('0001FF');
    expect(block[128 - 51 - 1]).toBe(0);
  });

  it('restores SE 3, sets the key, sends the block chained and returns a signature that verifies', async () => {
    const data = enc('documento da firmare');
    const signature = createSign('sha256').update(data).sign(card.key);
    const payload = Uint8Array.from([0, ...pkcs1Type1Block(sha256DigestInfo(data), 256)]);
    const parts = chainCommand({ cla: 0, ins: 0x2a, p1: 0x80, p2: 0x86, data: payload, le: 256 });
    const extra: Record<string, string> = { '0022F303': '9000', '0022F1B803830101': '9000' };
    for (const part of parts.slice(0, -1)) extra[toHex(encodeCommand(part))] = '9000';
    extra[toHex(encodeCommand(parts[parts.length - 1]!))] = signature.toString('hex') + '9000';
    const certFile = Uint8Array.from([...card.certificateDer, 0, 0]);
    const transport = new FileCard(ATR, { '10001003': enc(SERIAL), '11001102': datiPersonaliFile(CF), '11001101': certFile }, extra);
    const identity = await readCard(transport);
    const signer = createApduSigner(transport, identity);
    const produced = await signer.signSha256(data);
    expect(createVerify('sha256').update(data).verify(card.certificatePem, Buffer.from(produced))).toBe(true);
    expect(await signer.certificate()).toEqual(card.certificateDer);
  });

  it('asks for the PIN when the card answers 6982', async () => {
    const transport = new FileCard(ATR, files(), { '0022F303': '6982' });
    const identity = await readCard(transport);
    expect((await cardErrorOf(createApduSigner(transport, identity).signSha256(enc('x')))).code).toBe('pin-richiesto');
  });
});
