import { describe, expect, it } from 'vitest';
import { createCnsCard } from '../../../native/virtual-card/cns-profile';
import { padPin } from '../../../native/virtual-card/cns-pins';
import { hex } from '../../../native/virtual-card/apdu';
import { send } from './helpers';

const pin = (digits: string) => hex(padPin(digits));
const verify = (ref: string, digits: string) => `002000${ref}08${pin(digits)}`;

describe('CNS PIN and PUK', () => {
  it('pads PINs with FF to 8 bytes', () => {
    expect(pin('12345')).toBe('3132333435FFFFFF');
  });

  it('counts wrong PINs down (63C2, 63C1), blocks at the third (6983) and then refuses even the right one', () => {
    const cns = createCnsCard();
    const card = cns.card;
    expect(send(card, '0020001000')).toBe('63C3'); // tries left, none spent
    expect(send(card, verify('10', '00000'))).toBe('63C2');
    expect(send(card, '0020001000')).toBe('63C2');
    expect(send(card, verify('10', '11111'))).toBe('63C1');
    expect(send(card, verify('10', '22222'))).toBe('6983');
    expect(send(card, verify('10', '12345'))).toBe('6983');
    expect(send(card, '0020001000')).toBe('6983');
    expect(cns.pinState()).toEqual({ pinTriesLeft: 0, pukTriesLeft: 3, pinVerified: false });
  });

  it('restores the counter on a right PIN and reports the PIN as verified', () => {
    const cns = createCnsCard();
    expect(send(cns.card, verify('10', '99999'))).toBe('63C2');
    expect(send(cns.card, verify('10', '12345'))).toBe('9000');
    expect(send(cns.card, '0020001000')).toBe('9000');
    expect(cns.pinState()).toEqual({ pinTriesLeft: 3, pukTriesLeft: 3, pinVerified: true });
  });

  it('accepts the STIncard form of the references (0x80 added)', () => {
    const cns = createCnsCard();
    expect(send(cns.card, verify('90', '12345'))).toBe('9000');
    expect(send(cns.card, verify('12', '12345'))).toBe('6A88');
  });

  it('forgets a verified PIN on power off and on reset', () => {
    const cns = createCnsCard();
    send(cns.card, verify('10', '12345'));
    cns.card.powerOff();
    expect(cns.pinState().pinVerified).toBe(false);
    send(cns.card, verify('10', '12345'));
    cns.card.reset();
    expect(send(cns.card, '0020001000')).toBe('63C3');
  });

  it('unblocks with the PUK and a new PIN (RESET RETRY COUNTER), counting wrong PUKs too', () => {
    const cns = createCnsCard();
    for (const wrong of ['00000', '11111', '22222']) send(cns.card, verify('10', wrong));
    expect(send(cns.card, `002C001010${pin('87654321')}${pin('54321')}`)).toBe('63C2');
    expect(send(cns.card, `002C001010${pin('12345678')}${pin('54321')}`)).toBe('9000');
    expect(cns.pinState()).toEqual({ pinTriesLeft: 3, pukTriesLeft: 3, pinVerified: false });
    expect(send(cns.card, verify('10', '12345'))).toBe('63C2');
    expect(send(cns.card, verify('10', '54321'))).toBe('9000');
  });

  it('blocks the PUK after three wrong ones: the card is then unusable', () => {
    const cns = createCnsCard();
    for (let i = 0; i < 3; i++) send(cns.card, `002C001010${pin('00000000')}${pin('54321')}`);
    expect(cns.pinState().pukTriesLeft).toBe(0);
    expect(send(cns.card, `002C001010${pin('12345678')}${pin('54321')}`)).toBe('6983');
  });

  it('refuses a new PIN that is not 5 to 8 digits, without spending a try', () => {
    const cns = createCnsCard();
    expect(send(cns.card, `002C001010${pin('12345678')}${pin('1234')}`)).toBe('6A80');
    expect(send(cns.card, `0024001010${pin('12345')}41424344454647FF`)).toBe('6A80');
    expect(cns.pinState()).toEqual({ pinTriesLeft: 3, pukTriesLeft: 3, pinVerified: false });
  });

  it('changes the PIN with the old one (CHANGE REFERENCE DATA)', () => {
    const cns = createCnsCard();
    expect(send(cns.card, `0024001010${pin('11111')}${pin('67890')}`)).toBe('63C2');
    expect(send(cns.card, `0024001010${pin('12345')}${pin('67890')}`)).toBe('9000');
    cns.card.reset();
    expect(send(cns.card, verify('10', '67890'))).toBe('9000');
  });

  it('rejects PIN blocks of the wrong size with 6700 without spending a try', () => {
    const cns = createCnsCard();
    expect(send(cns.card, '00200010053132333435')).toBe('6700');
    expect(cns.pinState().pinTriesLeft).toBe(3);
  });
});
