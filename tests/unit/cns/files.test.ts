import { describe, expect, it } from 'vitest';
import { isCardError } from '../../../native/apdu/errors';
import { CardFiles, MAX_FILE_SIZE } from '../../../native/cns/files';
import { CLASSIC_MAP, ACTALIS_MAP } from '../../../native/cns/file-map';
import { ScriptedTransport } from './fixtures/scripted-transport';
import { cardErrorOf } from '../../support/card-error';

const ATR = '3BFF1800FF8131FE55006B02090200011101434E531031808F';
const SERIAL_HEX = Buffer.from('6120016461039008').toString('hex').toUpperCase();

describe('SELECT by path with fallbacks', () => {
  it('selects with P1=08 P2=0C in one APDU when the card takes it', async () => {
    const card = new ScriptedTransport(ATR, { '00A4080C0410001003': '9000', '00B0000010': SERIAL_HEX + '9000' });
    const files = new CardFiles(card, CLASSIC_MAP);
    const bytes = await files.read(CLASSIC_MAP.idCarta, { usefulLength: () => 16 });
    expect(Buffer.from(bytes).toString()).toBe('6120016461039008');
    expect(card.sent).toEqual(['00A4080C0410001003', '00B0000010']);
  });

  it('retries with P2=00 on 6A86 and keeps that mode for later files', async () => {
    const card = new ScriptedTransport(ATR, {
      '00A4080C0410001003': '6A86',
      '00A40800041000100300': '6F009000',
      '00A40800041100110200': '9000',
      '00B0000010': SERIAL_HEX + '9000',
      '00B0000020': '00'.repeat(32) + '9000',
    });
    const files = new CardFiles(card, CLASSIC_MAP);
    await files.read(CLASSIC_MAP.idCarta, { usefulLength: () => 16 });
    await files.read(CLASSIC_MAP.datiPersonali, { maxSize: 32 });
    expect(card.sent.filter((c) => c.startsWith('00A4'))).toEqual(['00A4080C0410001003', '00A40800041000100300', '00A40800041100110200']);
  });

  it('falls back to one level at a time (P1=00) when path selection is not supported', async () => {
    const card = new ScriptedTransport(ATR, {
      '00A4080C0410001003': '6A86',
      '00A40800041000100300': '6A86',
      '00A40000023F0000': '9000',
      '00A4000002100000': '9000',
      '00A4000002100300': '9000',
      '00B0000010': SERIAL_HEX + '9000',
    });
    const files = new CardFiles(card, CLASSIC_MAP);
    const bytes = await files.read(CLASSIC_MAP.idCarta, { usefulLength: () => 16 });
    expect(bytes.length).toBe(16);
    expect(card.sent.slice(2, 5)).toEqual(['00A40000023F0000', '00A4000002100000', '00A4000002100300']);
  });

  it('selects the Actalis application by AID, then paths relative to it (P1=09)', async () => {
    const card = new ScriptedTransport(ATR, {
      '00A4040C0CA000000530000B104001021A': '9000',
      '00A4090C0410001003': '9000',
      '00B0000010': SERIAL_HEX + '9000',
    });
    const files = new CardFiles(card, ACTALIS_MAP);
    await files.read(ACTALIS_MAP.idCarta, { usefulLength: () => 16 });
    expect(card.sent[0]).toBe('00A4040C0CA000000530000B104001021A');
    expect(card.sent[1]).toBe('00A4090C0410001003');
  });

  it('reports a missing file by its path', async () => {
    const card = new ScriptedTransport(ATR, { '00A4080C0410001003': '6A82' });
    const error = await cardErrorOf(new CardFiles(card, CLASSIC_MAP).read(CLASSIC_MAP.idCarta));
    expect(isCardError(error, 'carta-file-assente')).toBe(true);
    expect((error as Error).message).toContain('3F00/1000/1003');
  });
});

describe('READ BINARY', () => {
  const select = { '00A4080C0411001101': '9000' };

  it('reads in chunks of at most 0xFF and stops at 6282', async () => {
    const content = Buffer.alloc(600, 0x41);
    const card = new ScriptedTransport(ATR, {
      ...select,
      '00B00000FF': content.subarray(0, 255).toString('hex') + '9000',
      '00B000FFFF': content.subarray(255, 510).toString('hex') + '9000',
      '00B001FEFF': content.subarray(510, 600).toString('hex') + '6282',
    });
    const bytes = await new CardFiles(card, CLASSIC_MAP).read(CLASSIC_MAP.certificate);
    expect(bytes.length).toBe(600);
    expect(card.sent.length).toBe(4);
  });

  it('stops at the useful length once it is known (DER length of the certificate)', async () => {
    const content = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x2c]), Buffer.alloc(0x12c, 7), Buffer.alloc(400, 0)]);
    const card = new ScriptedTransport(ATR, {
      ...select,
      '00B00000FF': content.subarray(0, 255).toString('hex') + '9000',
      '00B000FF31': content.subarray(255, 255 + 0x31).toString('hex') + '9000',
    });
    const bytes = await new CardFiles(card, CLASSIC_MAP).read(CLASSIC_MAP.certificate, { usefulLength: (p) => (p.length >= 4 ? 4 + ((p[2]! << 8) | p[3]!) : undefined) });
    expect(bytes.length).toBe(0x130);
    expect(card.sent.length).toBe(3);
  });

  it('ends at 6B00 (offset beyond the file)', async () => {
    const card = new ScriptedTransport(ATR, { ...select, '00B00000FF': 'AA'.repeat(255) + '9000', '00B000FFFF': '6B00' });
    expect((await new CardFiles(card, CLASSIC_MAP).read(CLASSIC_MAP.certificate)).length).toBe(255);
  });

  it('never reads past the hard cap, even from a card that never ends its file', async () => {
    const card = new ScriptedTransport(ATR, select);
    const endless = new Proxy(card, {
      get(target, prop) {
        if (prop !== 'transmit') return Reflect.get(target, prop);
        return async (command: Uint8Array) => (command[1] === 0xb0 ? Uint8Array.from([...new Uint8Array(command[4] || 256).fill(0x41), 0x90, 0x00]) : Uint8Array.of(0x90, 0x00));
      },
    });
    const bytes = await new CardFiles(endless, CLASSIC_MAP).read(CLASSIC_MAP.certificate);
    expect(bytes.length).toBe(MAX_FILE_SIZE);
  });

  it('refuses a declared length beyond the cap', async () => {
    const card = new ScriptedTransport(ATR, { ...select, '00B00000FF': '3084FFFFFFFF' + '00'.repeat(58) + '9000' });
    const error = await cardErrorOf(new CardFiles(card, CLASSIC_MAP).read(CLASSIC_MAP.certificate, { maxSize: 64, usefulLength: () => 0xffffff }));
    expect(isCardError(error, 'carta-dati-non-validi')).toBe(true);
  });

  it('turns an unexpected status into a clear error', async () => {
    const card = new ScriptedTransport(ATR, { ...select, '00B00000FF': '6982' });
    const error = await cardErrorOf(new CardFiles(card, CLASSIC_MAP).read(CLASSIC_MAP.certificate));
    expect(isCardError(error, 'carta-errore')).toBe(true);
    expect((error as Error).message).toContain('6982');
  });
});
