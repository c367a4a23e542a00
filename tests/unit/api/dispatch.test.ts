import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call } from '../../../electron/shared/contract/define';
import { createDispatch } from '../../../electron/core/api/dispatch';
import { DomainError } from '../../../electron/core/errors';
import { createLogger } from '../../../electron/core/log/logger';

const calls = {
  'demo.add': call(z.object({ a: z.number(), b: z.number() }).strict(), z.object({ sum: z.number() })),
  'demo.fail': call(z.object({}).strict(), z.object({})),
  'demo.crash': call(z.object({ pin: z.string() }).strict(), z.object({}), { secretFields: ['pin'] }),
  'demo.badOutput': call(z.object({}).strict(), z.object({ n: z.number() })),
  'demo.echo': call(z.object({ text: z.string() }).strict(), z.object({ text: z.string() })),
  'demo.unlisted': call(z.object({}).strict(), z.object({})),
};

function setup() {
  const lines: string[] = [];
  const log = createLogger({ sink: (l) => lines.push(l), level: 'debug' });
  const dispatch = createDispatch(
    calls,
    {
      'demo.add': async ({ a, b }) => ({ sum: a + b }),
      'demo.fail': async () => {
        throw new DomainError('carta-rimossa', 'La carta è stata rimossa.');
      },
      'demo.crash': async ({ pin }) => {
        throw new Error(`driver exploded with ${pin.length} digits and pin ${pin}`);
      },
      'demo.badOutput': async () => ({ n: 'not a number' }) as never,
      'demo.echo': async ({ text }) => ({ text }),
      // A driver's error with a code the contract does not list (as a card library might raise).
      'demo.unlisted': async () => {
        throw Object.assign(new Error('Codice non previsto'), { code: 'carta-sconosciuta-ai-codici', userFacing: true });
      },
    },
    log,
  );
  return { dispatch, lines };
}

const ctx = { transport: 'test' as const, clientId: 't' };

describe('dispatch', () => {
  it('runs a valid call and returns its value', async () => {
    const { dispatch } = setup();
    expect(await dispatch('demo.add', { a: 2, b: 3 }, ctx)).toEqual({ ok: true, value: { sum: 5 } });
  });

  it('rejects input that fails the schema with a clear error naming the field', async () => {
    const { dispatch } = setup();
    const result = await dispatch('demo.add', { a: 'due', b: 3 }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('input-non-valido');
    expect(result.error.message).toBe('I dati inviati non sono validi.');
    expect(result.error.details?.[0]?.path).toBe('a');
  });

  it('rejects unknown fields and unknown calls', async () => {
    const { dispatch } = setup();
    const extra = await dispatch('demo.add', { a: 1, b: 2, c: 3 }, ctx);
    expect(extra.ok).toBe(false);
    const unknown = await dispatch('__proto__', {}, ctx);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'chiamata-sconosciuta' } });
  });

  it('passes user-facing errors through with their Italian message', async () => {
    const { dispatch } = setup();
    expect(await dispatch('demo.fail', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'carta-rimossa', message: 'La carta è stata rimossa.' },
    });
  });

  it('hides internal errors from the caller', async () => {
    const { dispatch, lines } = setup();
    const result = await dispatch('demo.crash', { pin: '12345' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'errore-interno' } });
    expect(JSON.stringify(result)).not.toContain('exploded');
    expect(lines.some((l) => l.includes('errore nella chiamata'))).toBe(true);
  });

  it('logs why an internal error happened, with the secret the error quotes blanked', async () => {
    const { dispatch, lines } = setup();
    await dispatch('demo.crash', { pin: '97531' }, ctx);
    const logged = lines.join('\n');
    expect(logged).toContain('driver exploded with 5 digits');
    expect(logged).not.toContain('97531');
  });

  it('traces every call at debug level without the call\'s secret fields', async () => {
    const { dispatch, lines } = setup();
    await dispatch('demo.add', { a: 2, b: 3 }, ctx);
    await dispatch('demo.crash', { pin: '86420' }, ctx);
    const traces = lines.map((l) => JSON.parse(l) as { message: string; call?: string; input?: unknown }).filter((l) => l.message === 'chiamata');
    expect(traces.map((t) => t.call)).toEqual(['demo.add', 'demo.crash']);
    expect(traces[0]?.input).toEqual({ a: 2, b: 3 });
    await dispatch('demo.echo', { text: 'allegato'.repeat(1_000) }, ctx);
    expect(lines.every((l) => l.length < 2_000), 'una riga di log copia un input lungo').toBe(true);
    expect(lines.join('\n')).not.toContain('86420');
  });

  it('refuses to return output that breaks the contract', async () => {
    const { dispatch } = setup();
    expect(await dispatch('demo.badOutput', {}, ctx)).toMatchObject({ ok: false, error: { code: 'errore-interno' } });
  });

  it('answers errore-interno for a user-facing error whose code the contract does not list, and logs it', async () => {
    const { dispatch, lines } = setup();
    const r = await dispatch('demo.unlisted', {}, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'errore-interno' } });
    expect(lines.join('\n')).toContain('Codice non previsto');
  });
});
