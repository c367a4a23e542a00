/**
 * The `moduli.helper` call at the boundary: input bounded and strict, output plain JSON within
 * bounds, core's refusals as code and message.
 */
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/core/api/dispatch';
import { moduliHandlers, type FormHelper } from '../../../electron/core/catalogue/form-helper';
import { DomainError } from '../../../electron/core/errors';
import { silentLogger } from '../../../electron/core/log/logger';
import { FORM_HELPER_MAX_CHARS, isBoundedJson, moduliCalls } from '../../../electron/shared/contract/moduli';
import { areaApiOf } from '../../support/sportello';

describe('moduli.helper through the contract', () => {
  const answers: unknown[] = [];
  const asked: string[] = [];
  const helper: FormHelper = {
    async answer(tenant, path) {
      asked.push(path);
      if (path === 'rifiuta') throw new DomainError('richiesta-modulo-non-ammessa', 'Il modulo ha chiesto al portale un dato non previsto: percorso non previsto.');
      return { data: answers.shift() ?? [{ tenant, path }], source: 'portal', fetchedAt: '2026-12-07T10:00:00.000Z', ageSeconds: 0 };
    },
  };
  const dispatch = createDispatch(moduliCalls, moduliHandlers(helper), silentLogger);
  const { moduli } = areaApiOf(moduliCalls, dispatch);

  it('answers; core refusals cross as code and message', async () => {
    expect(await moduli.helper({ tenant: 'comune-di-prova', path: 'categories' })).toMatchObject({ ok: true, value: { data: [{ tenant: 'comune-di-prova', path: 'categories' }], source: 'portal' } });
    expect(await moduli.helper({ tenant: 'comune-di-prova', path: 'rifiuta' })).toEqual({ ok: false, error: { code: 'richiesta-modulo-non-ammessa', message: 'Il modulo ha chiesto al portale un dato non previsto: percorso non previsto.' } });
  });

  it('refuses bad input before core sees it', async () => {
    asked.length = 0;
    // Straight to dispatch: what a page that ignores the contract's types could send (a field missing, one too many).
    for (const input of [{ path: 'categories' }, { tenant: '../x', path: 'categories' }, { tenant: 'comune-di-prova', path: '' }, { tenant: 'comune-di-prova', path: 'x'.repeat(501) }, { tenant: 'comune-di-prova', path: 'categories', url: 'https://evil' }]) {
      expect(await dispatch('moduli.helper', input, { transport: 'test', clientId: 't' })).toMatchObject({ ok: false, error: { code: 'input-non-valido' } });
    }
    expect(asked).toEqual([]);
  });

  it('an answer that is not bounded JSON does not cross', async () => {
    answers.push({ big: 'x'.repeat(FORM_HELPER_MAX_CHARS) });
    expect(await moduli.helper({ tenant: 'comune-di-prova', path: 'categories' })).toMatchObject({ ok: false, error: { code: 'errore-interno' } });
  });
});

describe('bounded JSON', () => {
  it('plain JSON within bounds only', () => {
    expect(isBoundedJson([{ id: 'a', n: 1, ok: true, x: null, nested: { list: [1, 2] } }])).toBe(true);
    expect(isBoundedJson('Parameter service_id is not a valid uuid')).toBe(true);
    expect(isBoundedJson([Number.NaN])).toBe(false);
    expect(isBoundedJson([Infinity])).toBe(false);
    expect(isBoundedJson({ f: () => 1 })).toBe(false);
    expect(isBoundedJson({ d: new Date() })).toBe(false);
    expect(isBoundedJson([undefined])).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(isBoundedJson(cyclic)).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(isBoundedJson(deep)).toBe(false);
    expect(isBoundedJson(new Array(200_001).fill(0))).toBe(false);
    expect(isBoundedJson('x'.repeat(FORM_HELPER_MAX_CHARS))).toBe(false);
  });
});
