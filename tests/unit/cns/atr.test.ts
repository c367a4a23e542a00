import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex } from '../../../native/apdu/command';
import { isCardError } from '../../../native/apdu/errors';
import { parseAtr } from '../../../native/cns/atr';
import { identifyCard, CIE_MESSAGE } from '../../../native/cns/card-profile';
import { cardErrorIfAny, cardErrorThrownBy } from '../../support/card-error';

/** The ATRs listed in the notes on CNS cards, with the fields we expect read from them. */
const TABLE = [
  { card: 'Lombardia CRS (STIncard)', atr: '3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 02 00 01 11 01 43 4E 53 10 31 80 8F', chip: 0x02, mask: 'STIncard', firmware: 0x0200, version: 0x10, offset: 0x80, layout: 'classic' },
  { card: 'Lombardia CRS (Infineon/Siemens)', atr: '3B FF 18 00 FF C1 0A 31 FE 55 00 6B 05 08 C8 05 01 11 01 43 4E 53 10 31 80 0C', chip: 0x05, mask: 'Siemens', firmware: 0xc805, version: 0x10, offset: 0, layout: 'classic' },
  { card: 'TS-CNS v1.1 (ST)', atr: '3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 16 17 01 11 01 43 4E 53 11 31 80 8D', chip: 0x02, mask: 'STIncard', firmware: 0x1617, version: 0x11, offset: 0x80, layout: 'classic' },
  { card: 'Athena', atr: '3B DF 18 00 81 31 FE 7D 00 6B 02 0C 01 82 01 11 01 43 4E 53 10 31 80 FC', chip: 0x02, mask: 'Athena', firmware: 0x0182, version: 0x10, offset: 0, layout: 'classic' },
  { card: 'IDEMIA Cosmo 9.1', atr: '3B FF 18 00 00 81 31 FE 45 00 6B 05 05 91 20 01 F1 01 43 4E 53 10 31 80 38', chip: 0x05, mask: 'IDEMIA', firmware: 0x9120, version: 0x10, offset: 0, layout: 'classic' },
  { card: 'Bit4id Digital-DNA', atr: '3B FF 18 00 00 81 31 FE 45 00 6B 15 0C 03 02 01 01 01 43 4E 53 10 31 80 61', chip: 0x15, mask: 'Athena', firmware: 0x0302, version: 0x10, offset: 0, layout: 'classic' },
  { card: 'IDEMIA 2021 lot', atr: '3B FF 18 00 00 81 31 FE 45 00 6B 05 05 20 00 01 21 01 43 4E 53 10 31 80 79', chip: 0x05, mask: 'IDEMIA', firmware: 0x2000, version: 0x10, offset: 0, layout: 'idemia-2021' },
] as const;

describe('ATR table', () => {
  it.each(TABLE)('recognises $card with its chip, mask, firmware and CNS version', (row) => {
    const profile = identifyCard(fromHex(row.atr));
    expect(profile).toMatchObject({
      kind: 'cns',
      chipMaker: row.chip,
      maskMaker: row.mask,
      firmware: row.firmware,
      cnsVersion: row.version,
      pinReferenceOffset: row.offset,
      layout: row.layout,
    });
  });

  it('tells a CIE v1 apart with a clear message', () => {
    const error = cardErrorThrownBy(() => identifyCard(fromHex('3B F4 18 00 FF 81 31 80 55 00 31 80 00 C7')));
    expect(isCardError(error, 'carta-cie')).toBe(true);
    expect(error.message).toBe(CIE_MESSAGE);
    expect(CIE_MESSAGE.startsWith("Questa è una Carta d'Identità Elettronica (CIE)")).toBe(true);
  });

  it('tells a CIE 3.0 apart by its fragment', () => {
    const error = cardErrorThrownBy(() => identifyCard(fromHex('3B 8E 80 01 80 31 80 65 49 54 4E 58 50 12 0F FF 82 90 00 8B')));
    expect(isCardError(error, 'carta-cie')).toBe(true);
  });

  it('refuses unknown cards cleanly', () => {
    const javaCard = fromHex('3B F8 18 00 FF 81 31 FE 45 4A 43 4F 50 76 32 34 31 43');
    const error = cardErrorThrownBy(() => identifyCard(javaCard));
    expect(isCardError(error, 'carta-non-riconosciuta')).toBe(true);
    expect((error as Error).message).toMatch(/Carta non riconosciuta/);
  });

  it('refuses malformed ATRs: truncated, bad check byte, trailing bytes', () => {
    const good = fromHex(TABLE[0].atr);
    for (const bad of [good.subarray(0, 10), Uint8Array.from([...good.subarray(0, -1), 0x00]), Uint8Array.from([...good, 0x00]), new Uint8Array(0)]) {
      expect(isCardError(cardErrorThrownBy(() => identifyCard(bad)), 'carta-non-riconosciuta')).toBe(true);
    }
  });

  it('reads the ISO structure: protocols, 15 historical bytes, TCK', () => {
    const parsed = parseAtr(fromHex(TABLE[0].atr));
    expect(parsed.protocols).toEqual([1, 1]);
    expect(parsed.historical.length).toBe(15);
    expect(parsed.tck).toBe(0x8f);
  });

  it('property: any byte string is either a profile or a CardError, never another exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(() => cardErrorIfAny(() => identifyCard(bytes))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('property: ATRs built from valid structure with CNS historical bytes are recognised', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 9, maxLength: 9 }), fc.constantFrom(0x10, 0x11), (h, version) => {
        const historical = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, h[8]!, 0x43, 0x4e, 0x53, version, 0x31, 0x80];
        const body = [0xdf, 0x18, 0x00, 0x81, 0x31, 0xfe, 0x7d, ...historical];
        const tck = body.reduce((x, b) => x ^ b, 0);
        const profile = identifyCard(Uint8Array.from([0x3b, ...body, tck]));
        expect(profile.cnsVersion).toBe(version);
        expect(profile.maskMakerCode).toBe(h[3]);
      }),
    );
  });
});
