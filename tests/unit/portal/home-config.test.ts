/**
 * At home the citizen logs in with the card: a configuration that gives a home installation the
 * Comune's account (which reads and creates pratiche for anyone) is refused with a message, and
 * the CNS login is the portal's own `login-pat` unless the installer names another.
 */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../electron/core/config/schema';
import { cnsLoginUrlOf } from '../../../electron/adapters/portal/portal-from-config';

const credentials = { from: 'env' as const, usernameVar: 'U', passwordVar: 'P' };
const url = 'https://servizi.comune.esempio.it/comune-di-esempio';

describe('configurazione a casa', () => {
  it("rifiuta l'account del Comune a casa, e lo accetta al chiosco e allo sportello", () => {
    const home = configSchema.safeParse({ mode: 'home', portal: { url, credentials } });
    expect(home.success).toBe(false);
    expect(home.error?.issues[0]).toMatchObject({ path: ['portal', 'credentials'], message: expect.stringContaining('propria carta') });
    expect(configSchema.safeParse({ mode: 'kiosk', portal: { url, credentials } }).success).toBe(true);
    expect(configSchema.safeParse({ mode: 'desk', portal: { url, credentials } }).success).toBe(true);
  });

  it("l'accesso con la carta è il login-pat del portale, o quello indicato", () => {
    expect(cnsLoginUrlOf(configSchema.parse({ mode: 'home', portal: { url } }))).toBe('https://servizi.comune.esempio.it/comune-di-esempio/auth/login-pat');
    expect(cnsLoginUrlOf(configSchema.parse({ mode: 'home', portal: { url, cnsLoginUrl: 'https://cns.comune.esempio.it/comune-di-esempio/auth/login-pat' } }))).toBe(
      'https://cns.comune.esempio.it/comune-di-esempio/auth/login-pat',
    );
    expect(configSchema.safeParse({ mode: 'home', portal: { url, cnsLoginUrl: 'http://in-chiaro.example/login' } }).success).toBe(false);
  });
});
