import { describe, expect, it } from 'vitest';
import { EmulatedCard } from '../../../native/virtual-card/card';
import { SW, fromHex, hex, parseCommand, response, type CommandApdu } from '../../../native/virtual-card/apdu';
import { send } from './helpers';

/** A card whose only command (INS 0xEC) echoes what it received: length, then data. */
function echoCard(): { card: EmulatedCard; seen: CommandApdu[] } {
  const seen: CommandApdu[] = [];
  const card = new EmulatedCard({
    atr: fromHex('3B00'),
    handlers: new Map([
      [
        0xec,
        (apdu: CommandApdu) => {
          seen.push(apdu);
          return response(SW.OK, apdu.data);
        },
      ],
    ]),
    clearVolatileState: () => {},
  });
  return { card, seen };
}

describe('APDU parsing', () => {
  it('reads the four cases, short and extended', () => {
    const at = (h: string) => {
      const r = parseCommand(fromHex(h));
      if (!r.ok) throw new Error(`rejected ${h}`);
      return { data: hex(r.apdu.data), le: r.apdu.le, extended: r.apdu.extended };
    };
    expect(at('00A40000')).toEqual({ data: '', le: undefined, extended: false });
    expect(at('00B0000000')).toEqual({ data: '', le: 256, extended: false });
    expect(at('00A4080C021000')).toEqual({ data: '1000', le: undefined, extended: false });
    expect(at('00A408000210000A')).toEqual({ data: '1000', le: 10, extended: false });
    expect(at('00B00000000000')).toEqual({ data: '', le: 65536, extended: true });
    expect(at('002A80860000020102')).toEqual({ data: '0102', le: undefined, extended: true });
    expect(at('002A808600000201020100')).toEqual({ data: '0102', le: 256, extended: true });
  });

  it('rejects lengths that do not add up with 6700', () => {
    for (const bad of ['00A400', '00A4080C0310', '00A4080C021000AABB', '00B000000000', '002A808600000301']) {
      expect(parseCommand(fromHex(bad))).toEqual({ ok: false, sw: SW.WRONG_LENGTH });
    }
  });
});

describe('dispatch', () => {
  it('answers 6D00 to an unknown INS and 6E00 to a proprietary CLA', () => {
    const { card } = echoCard();
    expect(send(card, '00CA000000')).toBe('6D00');
    expect(send(card, '80EC000000')).toBe('6E00');
    expect(send(card, '01EC000000')).toBe('6881');
  });

  it('reassembles a chained command (CLA bit 0x10) into one, as OpenSC sends 256-byte PSO blocks', () => {
    const { card, seen } = echoCard();
    const block = Buffer.alloc(257, 0xab);
    block[0] = 0x00;
    const head = block.subarray(0, 255).toString('hex');
    const tail = block.subarray(255).toString('hex');
    expect(send(card, `10EC0000FF${head}`)).toBe('9000');
    expect(seen).toHaveLength(0);
    const answer = send(card, `00EC000002${tail}`);
    expect(seen).toHaveLength(1);
    expect(hex(seen[0]!.data)).toBe(block.toString('hex').toUpperCase());
    expect(seen[0]!.cla).toBe(0x00);
    // Case 3 (no Le): T=1 cards in the field still send their data, and so does the emulator.
    expect(answer).toBe(`${block.toString('hex').toUpperCase()}9000`);
  });

  it('drops a chain interrupted by another command with 6883', () => {
    const { card, seen } = echoCard();
    expect(send(card, '10EC000001AA')).toBe('9000');
    expect(send(card, '00EC010001BB')).toBe('6883');
    expect(send(card, '00EC000001CC00')).toBe('CC9000');
    expect(seen.map((a) => hex(a.data))).toEqual(['CC']);
  });

  it('accepts extended-length commands with 256-byte data in one APDU', () => {
    const { card, seen } = echoCard();
    const payload = Buffer.alloc(300, 0x5a).toString('hex');
    const answer = send(card, `00EC0000000${'12C'}${payload}0000`);
    expect(seen[0]!.data.length).toBe(300);
    expect(answer.length / 2).toBe(302);
  });

  it('answers 6Cxx when a short Le is too small for the data', () => {
    const { card } = echoCard();
    expect(send(card, '00EC000003AABBCC02')).toBe('6C03');
    expect(send(card, '00EC000003AABBCC03')).toBe('AABBCC9000');
  });
});
