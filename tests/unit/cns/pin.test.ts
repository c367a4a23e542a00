import { describe, expect, it } from 'vitest';
import { isCardError } from '../../../native/apdu/errors';
import { CnsPin } from '../../../native/cns/pin';
import { identifyCard } from '../../../native/cns/card-profile';
import { CLASSIC_MAP, pinReference, pukReference } from '../../../native/cns/file-map';
import { ScriptedTransport } from './fixtures/scripted-transport';
import { cardErrorOf } from '../../support/card-error';

const ATR_ATHENA = '3BDF18008131FE7D006B020C0182011101434E53103180FC';
const ATR_STINCARD = '3BFF1800FF8131FE55006B02090200011101434E531031808F';
const pinHex = (pin: string): string => Buffer.from(pin).toString('hex').toUpperCase().padEnd(16, 'F');
const refs = { pin: 0x10, puk: 0x11 };

describe('PIN status', () => {
  it('asks tries left with VERIFY and no data (no try spent)', async () => {
    const card = new ScriptedTransport(ATR_ATHENA, { '00200010': '63C3' });
    expect(await new CnsPin(card, refs).status()).toEqual({ triesLeft: 3, blocked: false, verified: false });
    expect(card.sent).toEqual(['00200010']);
  });

  it('reports a blocked PIN (63C0 or 6983) and an already verified one (9000)', async () => {
    expect((await new CnsPin(new ScriptedTransport(ATR_ATHENA, { '00200010': '6983' }), refs).status()).blocked).toBe(true);
    expect((await new CnsPin(new ScriptedTransport(ATR_ATHENA, { '00200010': '63C0' }), refs).status()).blocked).toBe(true);
    expect((await new CnsPin(new ScriptedTransport(ATR_ATHENA, { '00200010': '9000' }), refs).status()).verified).toBe(true);
  });

  it('uses the STIncard reference offset (+0x80)', () => {
    const profile = identifyCard(Buffer.from(ATR_STINCARD, 'hex'));
    expect(pinReference(CLASSIC_MAP, profile)).toBe(0x90);
    expect(pukReference(CLASSIC_MAP, profile)).toBe(0x91);
    expect(pinReference(CLASSIC_MAP, identifyCard(Buffer.from(ATR_ATHENA, 'hex')))).toBe(0x10);
  });
});

describe('VERIFY', () => {
  it('sends the PIN once, padded with FF to 8 bytes', async () => {
    const card = new ScriptedTransport(ATR_ATHENA, { ['0020001008' + pinHex('12345')]: '9000' });
    await new CnsPin(card, refs).verify('12345');
    expect(card.sent).toEqual(['00200010083132333435FFFFFF']);
  });

  it.each([
    ['63C2', 'pin-errato', 'PIN errato: 2 tentativi rimasti', 2],
    ['63C1', 'pin-errato', 'PIN errato: 1 tentativo rimasto', 1],
    ['63C0', 'pin-bloccato', 'PIN bloccato: usa il PUK', 0],
    ['6983', 'pin-bloccato', 'PIN bloccato: usa il PUK', 0],
  ])('answers %s with "%s" and never retries by itself', async (sw, code, message, tries) => {
    const card = new ScriptedTransport(ATR_ATHENA, { ['0020001008' + pinHex('54321')]: sw });
    const error = await cardErrorOf(new CnsPin(card, refs).verify('54321'));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.triesLeft).toBe(tries);
    expect(card.sent.length).toBe(1);
  });

  it.each(['1234', '123456789', '12a45', '', ' 12345'])('checks the format of %j before sending anything', async (pin) => {
    const card = new ScriptedTransport(ATR_ATHENA, {});
    const error = await cardErrorOf(new CnsPin(card, refs).verify(pin));
    expect(error.code).toBe('pin-formato');
    expect(error.message).toBe('Il PIN deve avere da 5 a 8 cifre.');
    expect(card.sent).toEqual([]);
  });
});

describe('CHANGE REFERENCE DATA and RESET RETRY COUNTER', () => {
  it('changes the PIN with old and new blocks', async () => {
    const card = new ScriptedTransport(ATR_ATHENA, { ['0024001010' + pinHex('12345') + pinHex('67890')]: '9000' });
    await new CnsPin(card, refs).change('12345', '67890');
    expect(card.sent.length).toBe(1);
  });

  it('reports a wrong old PIN as a wrong PIN', async () => {
    const card = new ScriptedTransport(ATR_ATHENA, { ['0024001010' + pinHex('11111') + pinHex('67890')]: '63C1' });
    expect((await cardErrorOf(new CnsPin(card, refs).change('11111', '67890'))).message).toBe('PIN errato: 1 tentativo rimasto');
  });

  it('unblocks with the PUK: P2 is the PIN reference, data PUK then new PIN', async () => {
    const card = new ScriptedTransport(ATR_ATHENA, { ['002C001010' + pinHex('12345678') + pinHex('24680')]: '9000' });
    await new CnsPin(card, refs).unblock('12345678', '24680');
    expect(card.sent).toEqual(['002C001010' + pinHex('12345678') + pinHex('24680')]);
  });

  it.each([
    ['63C4', 'puk-errato', 'PUK errato: 4 tentativi rimasti'],
    ['6983', 'puk-bloccato', 'PUK bloccato: rivolgiti allo sportello'],
    ['63C0', 'puk-bloccato', 'PUK bloccato: rivolgiti allo sportello'],
  ])('answers %s on unblock with "%s"', async (sw, code, message) => {
    const card = new ScriptedTransport(ATR_ATHENA, { ['002C001010' + pinHex('87654321') + pinHex('24680')]: sw });
    const error = await cardErrorOf(new CnsPin(card, refs).unblock('87654321', '24680'));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it('checks the PUK format (8 digits) before sending', async () => {
    const card = new ScriptedTransport(ATR_ATHENA, {});
    const error = await cardErrorOf(new CnsPin(card, refs).unblock('1234567', '24680'));
    expect(isCardError(error, 'puk-formato')).toBe(true);
    expect(card.sent).toEqual([]);
  });
});

describe('no copy of a secret is left in memory the app controls', () => {
  it('the APDU bytes that carried PIN and new PIN are zeroed once the card has answered (also after a refusal)', async () => {
    const given: Uint8Array[] = [];
    const seen: string[] = [];
    let answer = '9000';
    const transport = {
      atr: Buffer.from(ATR_ATHENA, 'hex'),
      transmit: async (apdu: Uint8Array) => {
        given.push(apdu);
        seen.push(Buffer.from(apdu).toString('hex').toUpperCase());
        return Uint8Array.from(Buffer.from(answer, 'hex'));
      },
    };
    const pin = new CnsPin(transport, refs);
    await pin.change('12345', '54321');
    answer = '63C2';
    await expect(pin.verify('67890')).rejects.toMatchObject({ code: 'pin-errato' });
    expect(seen[0]).toContain(pinHex('12345') + pinHex('54321'));
    expect(seen[1]).toContain(pinHex('67890'));
    for (const apdu of given) expect([...apdu].every((b) => b === 0), Buffer.from(apdu).toString('hex')).toBe(true);
  });
});
