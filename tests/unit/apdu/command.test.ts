import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chainCommand, encodeCommand, fromHex, toHex, CLA_CHAINING } from '../../../native/apdu/command';
import { parseResponse, describeStatus, triesLeftOf } from '../../../native/apdu/response';
import { isCardError } from '../../../native/apdu/errors';

describe('command APDU encoding', () => {
  it('encodes the four ISO cases in short form', () => {
    expect(toHex(encodeCommand({ cla: 0, ins: 0x20, p1: 0, p2: 0x10 }))).toBe('00200010');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 0xff }))).toBe('00B00000FF');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 }))).toBe('00B0000000');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 8, p2: 0x0c, data: fromHex('11001102') }))).toBe('00A4080C0411001102');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 8, p2: 0, data: fromHex('1100'), le: 256 }))).toBe('00A40800021100' + '00');
  });

  it('switches to extended length for data over 255 bytes or Le over 256', () => {
    const data = new Uint8Array(257).fill(0xab);
    const encoded = encodeCommand({ cla: 0, ins: 0x2a, p1: 0x80, p2: 0x86, data, le: 256 });
    expect(toHex(encoded.subarray(0, 7))).toBe('002A8086000101');
    expect(encoded.length).toBe(4 + 3 + 257 + 2);
    expect(toHex(encoded.subarray(encoded.length - 2))).toBe('0100');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 65536 }))).toBe('00B00000000000');
  });

  it('refuses fields out of range', () => {
    expect(() => encodeCommand({ cla: 256, ins: 0, p1: 0, p2: 0 })).toThrow(RangeError);
    expect(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, le: 0 })).toThrow(RangeError);
    expect(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, data: new Uint8Array(65536) })).toThrow(RangeError);
  });

  it('chains long data: chaining bit on all parts but the last, Le only on the last', () => {
    const data = Uint8Array.from({ length: 600 }, (_, i) => i & 0xff);
    const parts = chainCommand({ cla: 0, ins: 0x2a, p1: 0x80, p2: 0x86, data, le: 256 });
    expect(parts.map((p) => p.data?.length)).toEqual([255, 255, 90]);
    expect(parts.map((p) => p.cla)).toEqual([CLA_CHAINING, CLA_CHAINING, 0]);
    expect(parts.map((p) => p.le)).toEqual([undefined, undefined, 256]);
    expect(Buffer.concat(parts.map((p) => p.data!))).toEqual(Buffer.from(data));
  });

  it('property: the encoded length follows ISO 7816-4 for any data and Le', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.option(fc.integer({ min: 1, max: 65536 }), { nil: undefined }), (data, le) => {
        const encoded = encodeCommand({ cla: 0x80, ins: 1, p1: 2, p2: 3, data, le });
        const extended = data.length > 255 || (le ?? 0) > 256;
        const lc = data.length === 0 ? 0 : extended ? 3 : 1;
        const leBytes = le === undefined ? 0 : extended ? (data.length === 0 ? 3 : 2) : 1;
        expect(encoded.length).toBe(4 + lc + data.length + leBytes);
        expect(Buffer.from(encoded).includes(Buffer.from(data))).toBe(true);
      }),
    );
  });
});

describe('response APDU parsing', () => {
  it('splits data and status word', () => {
    const r = parseResponse(fromHex('0102039000'));
    expect(toHex(r.data)).toBe('010203');
    expect(r.sw).toBe(0x9000);
  });

  it('treats an empty response as a removed card and a lone byte as a broken answer', () => {
    const codes = [new Uint8Array(0), Uint8Array.of(0x90)].map((raw) => {
      try {
        parseResponse(raw);
      } catch (error) {
        return isCardError(error) ? error.code : 'other';
      }
      return 'none';
    });
    expect(codes).toEqual(['carta-rimossa', 'carta-risposta-non-valida']);
  });

  it('names status words and reads tries left', () => {
    expect(triesLeftOf(0x63c2)).toBe(2);
    expect(triesLeftOf(0x6983)).toBeUndefined();
    expect(describeStatus(0x6a82)).toBe('file non trovato');
    expect(describeStatus(0x63c1)).toContain('1 tentativi');
    expect(describeStatus(0x1234)).toContain('1234');
  });

  it('property: any response of 2+ bytes keeps all data and the last two bytes as SW', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 400 }), (raw) => {
        const r = parseResponse(raw);
        expect(r.data.length).toBe(raw.length - 2);
        expect(r.sw).toBe((raw[raw.length - 2]! << 8) | raw[raw.length - 1]!);
      }),
    );
  });
});
