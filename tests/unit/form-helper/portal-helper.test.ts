/**
 * The renderer's side of FormioHelper.authenticatedCall: the call through `sportello` with the
 * form's tenant, the JSON body on success, a plain Error with core's Italian message otherwise
 * (a refusal, a transport failure, a path that is not a string).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const asked: unknown[] = [];
let reply: () => Promise<unknown> = async () => ({ ok: true, value: { data: null, source: 'portal', fetchedAt: '', ageSeconds: 0 } });
vi.mock('../../../renderer/src/platform/sportello', () => ({
  sportello: {
    moduli: {
      helper: (input: unknown) => {
        asked.push(input);
        return reply();
      },
    },
  },
}));

// Through a variable: the renderer's modules are typed by tsconfig.web.json (DOM), not by this Node project.
const renderer = '../../../renderer/src';
const { portalHelper } = (await import(`${renderer}/forms/portal-helper`)) as {
  portalHelper: (tenant: string) => { authenticatedCall(path: unknown): Promise<unknown> };
};
const { CallError } = (await import(`${renderer}/platform/call`)) as { CallError: new (...args: never[]) => Error };

beforeEach(() => {
  asked.length = 0;
});

describe('portalHelper', () => {
  it('resolves with the body, as the real helper does', async () => {
    reply = async () => ({ ok: true, value: { data: [{ id: 'a', name: 'Anagrafe' }], source: 'cache', fetchedAt: '2026-12-07T10:00:00.000Z', ageSeconds: 60 } });
    expect(await portalHelper('comune-di-prova').authenticatedCall('categories')).toEqual([{ id: 'a', name: 'Anagrafe' }]);
    expect(asked).toEqual([{ tenant: 'comune-di-prova', path: 'categories' }]);
  });

  it("rejects with core's Italian message, as a plain Error", async () => {
    const message = 'Il modulo ha chiesto al portale un dato non previsto: percorso non previsto.';
    reply = async () => ({ ok: false, error: { code: 'richiesta-modulo-non-ammessa', message } });
    const refused = portalHelper('comune-di-prova').authenticatedCall('../applications');
    await expect(refused).rejects.toThrow(message);
    await refused.catch((e: unknown) => expect(e).not.toBeInstanceOf(CallError));
    reply = async () => {
      throw new Error('Connessione con la postazione interrotta.');
    };
    const lost = await portalHelper('comune-di-prova').authenticatedCall('categories').then(() => null, (e: unknown) => e);
    expect(lost).toBeInstanceOf(Error);
    expect((lost as Error).message).toBe('Connessione con la postazione interrotta.');
  });

  it('refuses a path that is not a string without calling core', async () => {
    await expect(portalHelper('comune-di-prova').authenticatedCall({ toString: () => 'categories' })).rejects.toThrow(/dato non previsto/);
    expect(asked).toEqual([]);
  });
});
