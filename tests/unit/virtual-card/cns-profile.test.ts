import { createPublicKey, createVerify, X509Certificate, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CNS_ATRS, createCnsCard, createInProcessCns } from '../../../native/virtual-card';
import { fromHex, hex } from '../../../native/virtual-card/apdu';
import { padPin } from '../../../native/virtual-card/cns-pins';
import { data, send, sw } from './helpers';

function readFile(card: ReturnType<typeof createCnsCard>['card'], path: string): Buffer {
  expect(send(card, `00A4080C${(path.length / 2).toString(16).padStart(2, '0')}${path}`)).toBe('9000');
  const chunks: string[] = [];
  for (let offset = 0; ; offset += 0xff) {
    const answer = send(card, `00B0${offset.toString(16).padStart(4, '0')}FF`);
    chunks.push(data(answer));
    if (sw(answer) !== '9000') break;
  }
  return Buffer.from(chunks.join(''), 'hex');
}

const SHA256_PREFIX = '3031300d060960864801650304020105000420';

describe('virtual CNS profile', () => {
  it('presents the TS-CNS v1.1 ATR by default and a 2048-bit key to match its version byte', () => {
    const cns = createCnsCard();
    expect(hex(cns.atr)).toBe(CNS_ATRS['ts-cns-v1.1-st'].replace(/ /g, ''));
    expect(cns.keyBits).toBe(2048);
    const old = createCnsCard({ atr: 'crs-lombardia-siemens', serial: '1111222233334444' });
    expect(old.keyBits).toBe(1024);
  });

  it('holds serial, personal data, certificate and public key where OpenSC looks', () => {
    const cns = createCnsCard({ serial: '6120016461039008' });
    expect(readFile(cns.card, '10001003').toString('ascii')).toBe('6120016461039008');
    const personal = readFile(cns.card, '11001102');
    expect(personal.length).toBe(400);
    // Exactly the example of the CNS notes, then zeros.
    const expected = ['000069', '046090', '0801012024', '0801012030', '05ROSSI', '05MARIO', '0801011980', '01M', '00',
      '10RSSMRA80A01H501U', '00', '04H501', '00', '00', '04H501', '0AVIA ROMA 1', '00'].join('');
    expect(personal.toString('latin1').replace(/\0+$/, '')).toBe(expected);
    const certFile = readFile(cns.card, '11001101');
    const cert = new X509Certificate(certFile.subarray(0, 4 + certFile.readUInt16BE(2)));
    expect(certFile.length).toBeGreaterThan(cert.raw.length);
    expect(cert.subject).toContain('CN=RSSMRA80A01H501U/6120016461039008.');
    expect(cert.verify(new X509Certificate(cns.caCertificatePem).publicKey)).toBe(true);
    const pub = createPublicKey({ key: readFile(cns.card, '3F01'), format: 'der', type: 'pkcs1' });
    expect(pub.export({ type: 'spki', format: 'pem' })).toBe(cert.publicKey.export({ type: 'spki', format: 'pem' }));
  });

  it('offers the other length-header convention of EF_DatiPersonali', () => {
    const cns = createCnsCard({ personalDataHeader: 'including-header' });
    expect(readFile(cns.card, '11001102').toString('latin1').slice(0, 6)).toBe('00006F');
  });

  it('signs after VERIFY + MSE with both PSO forms, and the signatures verify with the certificate', () => {
    const cns = createCnsCard();
    const card = cns.card;
    const message = Buffer.from('pratica 42');
    const digestInfo = SHA256_PREFIX + createHash('sha256').update(message).digest('hex');
    expect(send(card, '002A9E9A33' + digestInfo)).toBe('6982'); // no PIN yet
    expect(send(card, `0020001008${hex(padPin('12345'))}`)).toBe('9000');
    expect(send(card, '002A9E9A33' + digestInfo)).toBe('6985'); // no key chosen
    expect(send(card, '0022F30300')).toBe('9000');
    expect(send(card, '0022F1B8038301' + '02')).toBe('6A88');
    expect(send(card, '0022F1B803830101')).toBe('9000');
    const certificate = new X509Certificate(cns.certificatePem);
    const check = (signatureHex: string) =>
      createVerify('sha256').update(message).verify(certificate.publicKey, Buffer.from(signatureHex, 'hex'));

    const viaDigestInfo = send(card, '002A9E9A33' + digestInfo + '00');
    expect(sw(viaDigestInfo)).toBe('9000');
    expect(check(data(viaDigestInfo))).toBe(true);

    const padded = '0001' + 'ff'.repeat(256 - 3 - digestInfo.length / 2) + '00' + digestInfo;
    const raw = send(card, `002A8086000101` + `00${padded}0000`);
    expect(sw(raw)).toBe('9000');
    expect(check(data(raw))).toBe(true);
    expect(data(raw)).toBe(data(viaDigestInfo));

    card.powerOff();
    expect(send(card, '002A9E9A33' + digestInfo + '00')).toBe('6982');
  });

  it('answers GET CHALLENGE with Le random bytes', () => {
    const { card } = createCnsCard();
    const a = send(card, '0084000008');
    const b = send(card, '0084000008');
    expect(a).toMatch(/^[0-9A-F]{16}9000$/);
    expect(a).not.toBe(b);
  });

  it('works through the in-process transport, which answers nothing once removed', async () => {
    const cns = createInProcessCns();
    const answer = await cns.transport.transmit(fromHex('00A4080C0410001003'));
    expect(hex(answer)).toBe('9000');
    cns.remove();
    expect((await cns.transport.transmit(fromHex('00B0000010'))).length).toBe(0);
    cns.insert();
    expect(hex(await cns.transport.transmit(fromHex('00B0000010')))).toBe('6986'); // power cycle: no current file
  });
});
