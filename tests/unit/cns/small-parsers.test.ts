import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CardError, isCardError } from '../../../native/apdu/errors';
import { parseIdCarta } from '../../../native/cns/id-carta';
import { cutDer, derTotalLength } from '../../../native/cns/der';
import { cardErrorThrownBy } from '../../support/card-error';

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('EF_IDCarta', () => {
  it('reads 16 digits, with or without padding', () => {
    expect(parseIdCarta(enc('6120016461039008'))).toBe('6120016461039008');
    expect(parseIdCarta(Uint8Array.from([...enc('6120016461039008'), 0, 0, 0xff]))).toBe('6120016461039008');
  });

  it.each(['612001646103900', '61200164610390081', '612001646103900A', ''])('refuses %j', (text) => {
    expect(isCardError(cardErrorThrownBy(() => parseIdCarta(enc(text))), 'carta-dati-non-validi')).toBe(true);
  });

  it('property: arbitrary bytes give a serial of 16 digits or a CardError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        try {
          expect(parseIdCarta(bytes)).toMatch(/^\d{16}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(CardError);
        }
      }),
    );
  });
});

describe('DER length', () => {
  it('reads short and long forms', () => {
    expect(derTotalLength(Uint8Array.of(0x30, 0x05))).toBe(7);
    expect(derTotalLength(Uint8Array.of(0x30, 0x82, 0x04, 0xd2))).toBe(4 + 0x4d2);
    expect(derTotalLength(Uint8Array.of(0x30, 0x81, 0x80))).toBe(3 + 0x80);
  });

  it('waits for more bytes when the header is cut', () => {
    expect(derTotalLength(Uint8Array.of(0x30))).toBeUndefined();
    expect(derTotalLength(Uint8Array.of(0x30, 0x82, 0x04))).toBeUndefined();
  });

  it.each([
    ['indefinite length', [0x30, 0x80]],
    ['five length bytes', [0x30, 0x85, 1, 1, 1, 1, 1]],
    ['non-minimal long form', [0x30, 0x81, 0x05]],
    ['leading zero', [0x30, 0x82, 0x00, 0x90]],
    ['multi-byte tag', [0x1f, 0x81]],
  ])('refuses %s', (_n, bytes) => {
    expect(isCardError(cardErrorThrownBy(() => derTotalLength(Uint8Array.from(bytes))), 'certificato-non-valido')).toBe(true);
  });

  it('cuts the element out of a longer file and refuses a truncated one', () => {
    expect(cutDer(Uint8Array.of(0x30, 0x02, 1, 2, 0, 0, 0))).toEqual(Uint8Array.of(0x30, 0x02, 1, 2));
    expect(isCardError(cardErrorThrownBy(() => cutDer(Uint8Array.of(0x30, 0x05, 1))), 'certificato-non-valido')).toBe(true);
  });

  it('property: the length of any encoded length is read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (length) => {
        const header =
          length < 0x80 ? [0x30, length] : length < 0x100 ? [0x30, 0x81, length] : length < 0x10000 ? [0x30, 0x82, length >> 8, length & 0xff] : [0x30, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
        expect(derTotalLength(Uint8Array.from(header))).toBe(header.length + length);
      }),
    );
  });

  it('property: arbitrary prefixes give a length, undefined, or a CardError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 10 }), (bytes) => {
        try {
          const n = derTotalLength(bytes);
          expect(n === undefined || n >= 2).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CardError);
        }
      }),
    );
  });
});
