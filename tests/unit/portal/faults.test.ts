import { describe, expect, it } from 'vitest';
import { decideBefore, faultsSchema, loseResponse } from '../../portal/faults';
import { compileRoutes } from '../../portal/router';

describe('portale: tabella delle rotte e guasti', () => {
  it('abbina metodo e segnaposto; 405 distinto da 404', () => {
    const table = compileRoutes([
      { method: 'GET', path: '/{tenant}/api/applications/{id}', access: 'user', handle: () => ({ status: 200 }) },
      { method: 'POST', path: '/{tenant}/api/applications', access: 'user', handle: () => ({ status: 201 }) },
    ]);
    expect(table.match('GET', '/comune/api/applications/a%20b')).toMatchObject({ params: { tenant: 'comune', id: 'a b' } });
    expect(table.match('GET', '/comune/api/applications')).toEqual({ allowed: ['POST'] });
    expect(table.match('GET', '/comune/api/altro')).toBeNull();
  });

  it('ogni guasto scatta secondo il suo tasso, solo sulle richieste indicate', () => {
    const all = faultsSchema.parse({ resetRate: 1, lostResponseRate: 1, only: '^POST ' });
    expect(decideBefore(all, 'POST /x')).toBe('reset');
    expect(decideBefore(all, 'GET /x')).toBeNull();
    expect(loseResponse(all, 'POST /x')).toBe(true);
    expect(decideBefore(faultsSchema.parse({ tokenExpiryRate: 1 }), 'GET /x')).toBe('token-expired');
    expect(decideBefore(faultsSchema.parse({}), 'GET /x')).toBeNull();
    expect(() => faultsSchema.parse({ serverErrorRate: 2 })).toThrow();
  });
});
