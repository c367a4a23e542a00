/** When a PKCS#11 login is refused before any VERIFY: only on the card's own word, never on the module's flags. */
import { describe, expect, it } from 'vitest';
import { loginRefused } from '../../../native/pkcs11/pin-status';

const card = (triesLeft: number | null, blocked = triesLeft === 0) => ({ triesLeft, blocked, verified: false });

describe('loginRefused', () => {
  it('refuses when the card says blocked (63C0 / 6983)', () => {
    expect(loginRefused(card(0))).toBe(true);
  });

  it('lets the login go when the card has tries left or has already verified', () => {
    expect(loginRefused(card(3))).toBe(false);
    expect(loginRefused(card(1))).toBe(false);
    expect(loginRefused({ triesLeft: null, blocked: false, verified: true })).toBe(false);
  });

  it('lets the card answer when it could not be asked (OpenSC flags a fresh CNS as locked: the flags are not evidence)', () => {
    expect(loginRefused(null)).toBe(false);
  });
});
