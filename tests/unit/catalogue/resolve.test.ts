import { describe, expect, it } from 'vitest';
import type { FormDocument } from '../../../electron/core/catalogue/forms/form-json';
import { MAX_NESTED_FORMS_DEPTH, resolveForm } from '../../../electron/core/catalogue/forms/resolve';

const form = (id: string, components: Record<string, unknown>[]): FormDocument => ({ _id: id, title: id, name: id, display: 'form', components: components as FormDocument['components'] });
const loader = (forms: FormDocument[]) => (id: string) => forms.find((f) => f._id === id);

describe('nested form resolution', () => {
  const name = form('name', [{ type: 'textfield', key: 'name' }]);
  const anagrafica = form('anagrafica', [{ type: 'form', key: 'completename', form: 'name' }, { type: 'email', key: 'email' }]);

  it('inlines nested forms recursively, inside layouts too', () => {
    const root = form('root', [{ type: 'columns', key: 'c', columns: [{ components: [{ type: 'form', key: 'applicant', form: 'anagrafica' }] }] }]);
    const r = resolveForm(root, loader([name, anagrafica]));
    const applicant = (r.form.components[0]!.columns as { components: Record<string, unknown>[] }[])[0]!.components[0]!;
    expect(applicant.type).toBe('form');
    expect((applicant.components as Record<string, unknown>[]).map((c) => c.key)).toEqual(['completename', 'email']);
    const completename = (applicant.components as Record<string, unknown>[])[0]!;
    expect((completename.components as Record<string, unknown>[])[0]!.key).toBe('name');
    expect(r.nestedFormIds.sort()).toEqual(['anagrafica', 'name']);
  });

  it('detects a cycle, a self reference and a missing nested form', () => {
    const a = form('a', [{ type: 'form', key: 'b', form: 'b' }]);
    const b = form('b', [{ type: 'form', key: 'a', form: 'a' }]);
    expect(() => resolveForm(a, loader([a, b]))).toThrow(/contiene se stesso \(a → b → a\)/);
    const self = form('self', [{ type: 'form', key: 'x', form: 'self' }]);
    expect(() => resolveForm(self, loader([self]))).toThrow(/contiene se stesso/);
    expect(() => resolveForm(form('r', [{ type: 'form', key: 'x', form: 'assente' }]), loader([]))).toThrow(/non è disponibile/);
    expect(() => resolveForm(form('r', [{ type: 'form', key: 'x' }]), loader([]))).toThrow(/senza identificativo/);
  });

  it('limits nesting depth', () => {
    const chain = Array.from({ length: MAX_NESTED_FORMS_DEPTH + 3 }, (_, i) => form(`f${i}`, [{ type: 'form', key: `k${i}`, form: `f${i + 1}` }]));
    chain.push(form(`f${MAX_NESTED_FORMS_DEPTH + 3}`, [{ type: 'textfield', key: 'end' }]));
    expect(() => resolveForm(chain[0]!, loader(chain))).toThrow(/Troppi moduli annidati/);
  });

  it('limits the size once inlined (a form used many times)', () => {
    const big = form('big', Array.from({ length: 1000 }, (_, i) => ({ type: 'textfield', key: `k${i}` })));
    const root = form('root', Array.from({ length: 4 }, (_, i) => ({ type: 'form', key: `b${i}`, form: 'big' })));
    expect(() => resolveForm(root, loader([big]))).toThrow(/troppi campi/);
  });

  it('reports unknown component types as unsupported instead of crashing', () => {
    const r = resolveForm(form('r', [{ type: 'panel', key: 'p', components: [{ type: 'magic-widget', key: 'm' }, { type: 'textfield', key: 't' }] }]), loader([]));
    expect(r.unsupported).toEqual([{ path: 'p.m', type: 'magic-widget' }]);
    expect((r.form.components[0]!.components as unknown[]).length).toBe(1);
  });
});
