import { describe, expect, it } from 'vitest';
import { EmulatedCard } from '../../../native/virtual-card/card';
import { FileSystem, df, ef, type FileSystemOptions } from '../../../native/virtual-card/file-system';
import { fromHex } from '../../../native/virtual-card/apdu';
import { data, send, sw } from './helpers';

const AID = 'A000000530000B1040010201';

function cardWith(options: FileSystemOptions = {}, verified = false): EmulatedCard {
  const bytes = (n: number) => new Uint8Array(Array.from({ length: n }, (_, i) => i & 0xff));
  const fs = new FileSystem(
    df(0x3f00, [
      df(0x1000, [ef(0x1003, new TextEncoder().encode('1234567890123456'))]),
      df(0x1100, [ef(0x1101, bytes(600)), ef(0x1102, bytes(10), 'pin-verified')]),
      df(0x1400, [ef(0x9010, bytes(4))], fromHex(AID)),
      ef(0x3f01, bytes(3)),
    ]),
    options,
    () => verified,
  );
  return new EmulatedCard({
    atr: fromHex('3B00'),
    handlers: new Map([
      [0xa4, (apdu) => fs.select(apdu)],
      [0xb0, (apdu) => fs.readBinary(apdu)],
    ]),
    clearVolatileState: () => fs.reset(),
  });
}

describe('SELECT', () => {
  it('selects by path from the MF (P1=08), with or without 3F00 in the path', () => {
    const card = cardWith();
    expect(send(card, '00A4080C0410001003')).toBe('9000');
    expect(data(send(card, '00B0000010'))).toBe(Buffer.from('1234567890123456').toString('hex').toUpperCase());
    expect(send(card, '00A4080C063F0011001101')).toBe('9000');
    expect(sw(send(card, '00B0000001'))).toBe('9000');
    expect(send(card, '00A4080C0410001101')).toBe('6A82');
  });

  it('selects MF, DF, EF one at a time by FID (P1=00)', () => {
    const card = cardWith();
    expect(send(card, '00A4000C023F00')).toBe('9000');
    expect(send(card, '00A4000C021000')).toBe('9000');
    expect(send(card, '00A4000C021003')).toBe('9000');
    expect(send(card, '00B0000004')).toBe('313233349000');
    // A sibling EF of the parent's children is not reachable from 1000 by FID alone.
    expect(send(card, '00A4000C021101')).toBe('6A82');
    expect(send(card, '00A4000C00')).toBe('9000'); // no data: MF
    expect(send(card, '00A4000C023F01')).toBe('9000');
  });

  it('selects an application by AID (P1=04), then files relative to it (P1=09)', () => {
    const card = cardWith();
    expect(send(card, `00A4040C0C${AID}`)).toBe('9000');
    expect(send(card, '00A4090C029010')).toBe('9000');
    expect(send(card, '00B0000000')).toBe('000102036282');
    expect(send(card, '00A4040C05A000000001')).toBe('6A82');
  });

  it('answers P2=00 with an FCI carrying size and FID, P2=04 with an FCP', () => {
    const card = cardWith();
    const fci = send(card, '00A40800041100110100');
    expect(sw(fci)).toBe('9000');
    expect(fci.startsWith('6F')).toBe(true);
    expect(fci).toContain('80020258'); // 600 bytes
    expect(fci).toContain('83021101');
    const fcp = send(card, '00A408040411001101' + '00');
    expect(fcp.startsWith('62')).toBe(true);
    const dfFci = send(card, `00A40400${'0C'}${AID}00`);
    expect(dfFci).toContain(`840C${AID}`);
  });

  it('refuses P2=0C with 6A86 on cards with that quirk, and still answers P2=00', () => {
    const card = cardWith({ rejectSelectWithoutFci: true });
    expect(send(card, '00A4080C0410001003')).toBe('6A86');
    expect(sw(send(card, '00A40800041000100300'))).toBe('9000');
  });

  it('rejects malformed selects', () => {
    const card = cardWith();
    expect(send(card, '00A4080C03100010')).toBe('6A80'); // odd path
    expect(send(card, '00A4050C021000')).toBe('6A86'); // unknown P1
    expect(send(card, '00A4080D0410001003')).toBe('6A86'); // next occurrence
  });
});

describe('READ BINARY', () => {
  it('reads at 15-bit offsets and reports the end of file before Le with 6282', () => {
    const card = cardWith();
    send(card, '00A4080C0411001101');
    expect(data(send(card, '00B00100FF')).slice(0, 4)).toBe('0001'); // offset 256
    const tail = send(card, '00B00250FF'); // offset 592: 8 bytes left
    expect(tail).toBe('50515253545556576282');
    expect(send(card, '00B0025800')).toBe('6282'); // exactly at the end: nothing left
    expect(send(card, '00B0025900')).toBe('6B00'); // beyond
  });

  it('treats Le=00 as 256 bytes, and serves extended Le in one go', () => {
    const card = cardWith();
    send(card, '00A4080C0411001101');
    const short = send(card, '00B0000000');
    expect(data(short).length / 2).toBe(256);
    expect(sw(short)).toBe('9000');
    const extended = send(card, '00B00000000258');
    expect(data(extended).length / 2).toBe(600);
    expect(sw(extended)).toBe('9000');
  });

  it('needs a current EF, and the PIN for protected files', () => {
    expect(send(cardWith(), '00B0000001')).toBe('6986');
    const locked = cardWith();
    send(locked, '00A4080C0411001102');
    expect(send(locked, '00B0000001')).toBe('6982');
    const open = cardWith({}, true);
    send(open, '00A4080C0411001102');
    expect(send(open, '00B0000001')).toBe('009000');
  });

  it('forgets the current file on reset', () => {
    const card = cardWith();
    send(card, '00A4080C0410001003');
    card.reset();
    expect(send(card, '00B0000001')).toBe('6986');
  });
});
