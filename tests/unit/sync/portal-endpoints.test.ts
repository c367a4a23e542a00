/** `portal.url` may be the portal's origin or the tenant's base URL it prints: the API is `<origin>/<tenant>/api` either way. */
import { describe, expect, it } from 'vitest';
import { portalEndpoints, tenantInUrl } from '../../../electron/core/sync/portal-endpoints';

describe('indirizzo del portale', () => {
  it.each([
    ['https://servizi.comune.it', 'comune-di-esempio'],
    ['https://servizi.comune.it/', 'comune-di-esempio'],
    ['https://servizi.comune.it/comune-di-esempio', 'comune-di-esempio'],
    ['https://servizi.comune.it/comune-di-esempio/', undefined],
    ['https://servizi.comune.it/comune-di-esempio/api', undefined],
  ])('%s (tenant %s)', (url, tenant) => {
    expect(portalEndpoints(url, tenant)).toEqual({
      origin: 'https://servizi.comune.it',
      tenant: 'comune-di-esempio',
      api: 'https://servizi.comune.it/comune-di-esempio/api',
      uploads: 'https://servizi.comune.it/comune-di-esempio/it/upload',
      cnsLogin: 'https://servizi.comune.it/comune-di-esempio/auth/login-pat',
      readPixel: 'https://servizi.comune.it/comune-di-esempio/it/track-message.gif',
    });
  });

  it('un portale montato sotto un prefisso resta col suo prefisso', () => {
    expect(portalEndpoints('https://comune.it/sdc', 'comune-di-esempio').api).toBe('https://comune.it/sdc/comune-di-esempio/api');
    expect(portalEndpoints('https://comune.it/sdc/comune-di-esempio', 'comune-di-esempio').api).toBe('https://comune.it/sdc/comune-di-esempio/api');
  });

  it('il comune dall\'indirizzo, quando la configurazione non lo dice', () => {
    expect(tenantInUrl('https://servizi.comune.it/comune-di-esempio')).toBe('comune-di-esempio');
    expect(tenantInUrl('https://servizi.comune.it')).toBeNull();
    expect(() => portalEndpoints('https://servizi.comune.it', undefined)).toThrow(/senza comune/);
  });
});
