/** The fields a resolved form declares, by Form.io data path, through layouts, containers and nested forms. */
import { describe, expect, it } from 'vitest';
import type { FormComponent } from '../../../../electron/core/catalogue/forms/form-json';
import { declaredFields, topLevelComponent } from '../../../../electron/core/pratiche/prefill/data-fields';
import { setValueAt, valueAt } from '../../../../electron/core/pratiche/prefill/data-path';

const text = (key: string): FormComponent => ({ type: 'textfield', key, input: true });

const FORM: FormComponent[] = [
  { type: 'panel', key: 'pagina', input: false, components: [
    { type: 'form', key: 'applicant', input: true, form: 'anagrafica', components: [
      { type: 'columns', key: 'colonne', input: false, columns: [{ components: [text('nome')] }, { components: [text('cognome')] }] },
      { type: 'htmlelement', key: 'avviso', input: false, content: '<p>Dati dalla carta</p>' },
      { type: 'form', key: 'Born', input: true, form: 'nascita', components: [{ type: 'day', key: 'natoAIl', input: true }] },
    ] },
  ] },
  { type: 'container', key: 'recapiti', input: true, components: [{ type: 'fieldset', key: 'gruppo', input: false, components: [text('telefono')] }] },
  { type: 'table', key: 'tabella', input: false, rows: [[{ components: [text('nota')] }]] },
  { type: 'datagrid', key: 'figli', input: true, components: [text('nome_figlio')] },
  { type: 'content', key: 'testo', input: false, html: '<p>x</p>' },
];

describe('declaredFields', () => {
  it('lists each value by its data path; layouts add nothing, a nested form adds `.data`, content holds nothing', () => {
    expect([...declaredFields(FORM).keys()].sort()).toEqual([
      'applicant.data.Born.data.natoAIl', 'applicant.data.cognome', 'applicant.data.nome', 'figli', 'nota', 'recapiti.telefono',
    ]);
    expect(declaredFields(FORM).get('applicant.data.Born.data.natoAIl')).toMatchObject({ type: 'day' });
  });

  it('leaves the catalogue\'s components as they were', () => {
    const copy = structuredClone(FORM);
    declaredFields(FORM);
    expect(FORM).toEqual(copy);
    expect(Object.getOwnPropertyNames(FORM[0])).not.toContain('modelType');
  });
});

describe('topLevelComponent', () => {
  it('finds a block at the top of the data, inside layouts only', () => {
    expect(topLevelComponent(FORM, 'applicant')).toMatchObject({ type: 'form', form: 'anagrafica' });
    expect(topLevelComponent(FORM, 'nome')).toBeUndefined();
    expect(topLevelComponent([], 'applicant')).toBeUndefined();
  });
});

describe('data paths', () => {
  it('reads and writes nested values, never through a prototype', () => {
    const data: Record<string, unknown> = { a: { data: { b: 1 } }, c: 'x' };
    expect(valueAt(data, 'a.data.b')).toBe(1);
    expect(valueAt(data, 'c.d')).toBeUndefined();
    setValueAt(data, 'c.d', 2);
    expect(data.c).toEqual({ d: 2 });
    setValueAt(data, '__proto__.polluted', true);
    setValueAt(data, 'a.constructor.prototype.polluted', true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(valueAt(data, 'a.constructor')).toBeUndefined();
  });
});
