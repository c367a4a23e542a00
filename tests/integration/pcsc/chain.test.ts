/**
 * The whole chain the app stands on: pcscd + vpcd + the emulated CNS + native/pcsc,
 * reading EF_IDCarta with our own SELECT and READ BINARY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardFiles } from '../../../native/cns/files';
import { CLASSIC_MAP } from '../../../native/cns/file-map';
import { parseIdCarta, ID_CARTA_LENGTH } from '../../../native/cns/id-carta';
import { toHex } from '../../../native/apdu/command';
import { cardInReader, type CardInReader } from './card-in-reader';

let rig: CardInReader;
beforeAll(async () => {
  rig = await cardInReader({ serial: '6120016461039123' });
});
afterAll(() => rig?.close());

describe('pcscd + vpcd + virtual CNS + native/pcsc', () => {
  it('sees the card with its ATR and reads EF_IDCarta inside one transaction', async () => {
    const transport = await rig.transport();
    expect(toHex(transport.atr)).toBe(toHex(rig.card.atr));
    const inserted = rig.events.find((e) => e.type === 'card-inserted');
    expect(inserted && inserted.type === 'card-inserted' && toHex(inserted.atr)).toBe(toHex(rig.card.atr));
    const bytes = await transport.transaction((t) => new CardFiles(t, CLASSIC_MAP).read(CLASSIC_MAP.idCarta, { usefulLength: () => ID_CARTA_LENGTH }));
    expect(parseIdCarta(bytes)).toBe('6120016461039123');
  });
});
