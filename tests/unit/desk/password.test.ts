import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, passwordProblem } from '../../../electron/core/desk/password';

describe('operator passwords', () => {
  it('hashes with scrypt N=2^15 r=8 p=1 and a fresh salt, and checks them', async () => {
    const a = await hashPassword('Sportello-2026!');
    const b = await hashPassword('Sportello-2026!');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Sportello');
    expect(await passwordMatches('Sportello-2026!', a)).toBe(true);
    expect(await passwordMatches('Sportello-2026?', a)).toBe(false);
    expect(await passwordMatches('Sportello-2026!', 'md5$abc')).toBe(false);
  });

  it('refuses short or letter-only passwords', () => {
    expect(passwordProblem('corta1')).toMatch(/12 caratteri/);
    expect(passwordProblem('solamentelettere')).toMatch(/cifra o un simbolo/);
    expect(passwordProblem('una-password-buona')).toBeNull();
  });
});
