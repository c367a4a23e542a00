import { describe, expect, it } from 'vitest';
import { FORM_LIMITS, parseFormJson } from '../../../electron/core/catalogue/forms/form-json';

const ok = { _id: 'f', title: 'F', display: 'form', components: [{ type: 'textfield', key: 'a' }] };

describe('Form.io JSON parsing (bad input)', () => {
  it('accepts a well-formed form', () => {
    expect(parseFormJson(JSON.stringify(ok), 'f').components).toHaveLength(1);
  });

  it('refuses malformed JSON, non objects, missing components and wrong ids', () => {
    expect(() => parseFormJson('{"_id": "f", ', 'f')).toThrow(/JSON non leggibile/);
    expect(() => parseFormJson('[1,2]', 'f')).toThrow(/non è un oggetto/);
    expect(() => parseFormJson(JSON.stringify({ _id: 'f' }), 'f')).toThrow(/componenti mancante/);
    expect(() => parseFormJson(JSON.stringify({ ...ok, _id: 'altro' }), 'f')).toThrow(/diverso/);
    expect(() => parseFormJson(JSON.stringify({ ...ok, _id: '../x' }))).toThrow(/_id/);
    expect(() => parseFormJson(JSON.stringify({ ...ok, components: [{ key: 'x' }] }), 'f')).toThrow(/tipo/);
    expect(() => parseFormJson(JSON.stringify({ ...ok, components: ['x'] }), 'f')).toThrow(/tipo/);
    expect(() => parseFormJson(JSON.stringify({ ...ok, components: [{ type: 'textfield', key: 42 }] }), 'f')).toThrow(/chiave/);
  });

  it('refuses huge, too deep and too many-component forms', () => {
    const huge = JSON.stringify({ ...ok, components: [{ type: 'content', key: 'c', html: 'x'.repeat(FORM_LIMITS.maxBytes) }] });
    expect(() => parseFormJson(huge, 'f')).toThrow(/troppo grande/);
    let deep: Record<string, unknown> = { type: 'textfield', key: 'leaf' };
    for (let i = 0; i < FORM_LIMITS.maxDepth + 2; i++) deep = { type: 'panel', key: `p${i}`, components: [deep] };
    expect(() => parseFormJson(JSON.stringify({ ...ok, components: [deep] }), 'f')).toThrow(/profondità/);
    const many = Array.from({ length: FORM_LIMITS.maxComponents + 1 }, (_, i) => ({ type: 'textfield', key: `k${i}` }));
    expect(() => parseFormJson(JSON.stringify({ ...ok, components: many }), 'f')).toThrow(/troppi componenti/);
  });
});
