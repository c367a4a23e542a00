/**
 * A form's JavaScript in core: kept by the resolver, run by validation, and only ever in the
 * sandbox (never with Node's powers). The same form given to Form.io with its default
 * evaluator does run on the host, so the check below can fail.
 */
import { DefaultEvaluator, Evaluator, processSync, ProcessTargets, registerEvaluator } from '@formio/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormDocument } from '../../../electron/core/catalogue/forms/form-json';
import { resolveForm } from '../../../electron/core/catalogue/forms/resolve';
import { validateSubmission } from '../../../electron/core/catalogue/forms/validate';

const g = globalThis as { __pwned?: string[] };
const hostile = (tag: string) =>
  `try { (globalThis.process ? globalThis : null).__pwned = (globalThis.__pwned || []).concat('${tag}'); } catch (e) {}\nvalue = 'x'; show = true; valid = '${tag}: rifiutato';`;

const form: FormDocument = {
  _id: 'hostile',
  title: 'Ostile',
  name: 'hostile',
  display: 'form',
  components: [
    { type: 'textfield', key: 'calc', input: true, calculateServer: true, calculateValue: hostile('calculateValue') },
    { type: 'textfield', key: 'cond', input: true, customConditional: hostile('customConditional') },
    { type: 'textfield', key: 'cust', input: true, validate: { custom: hostile('validate.custom') } },
    { type: 'textfield', key: 'def', input: true, customDefaultValue: hostile('customDefaultValue') },
    { type: 'textfield', key: 'logic', input: true, logic: [{ name: 'l', trigger: { type: 'javascript', javascript: hostile('logic') }, actions: [] }] },
  ],
};

describe('JavaScript in forms runs in core only inside the sandbox', () => {
  afterEach(() => delete g.__pwned);

  it('would run on the host with Form.io\'s default evaluator (so the next test can fail)', () => {
    const sandboxed = Evaluator;
    registerEvaluator(new DefaultEvaluator());
    try {
      processSync({ components: structuredClone(form.components), data: { cond: 'a', cust: 'b' }, processors: ProcessTargets.evaluator, scope: {}, config: { server: true } } as never);
    } finally {
      registerEvaluator(sandboxed);
    }
    expect(g.__pwned).toEqual(expect.arrayContaining(['calculateValue', 'customConditional', 'validate.custom']));
  });

  it('is kept by the resolver and honoured by validation, with nothing reaching the host', () => {
    const resolved = resolveForm(form, () => undefined);
    expect(JSON.stringify(resolved.form)).toContain('calculateValue');
    const errors = validateSubmission(resolved.form.components, { cond: 'a', cust: 'b' });
    expect(g.__pwned).toBeUndefined();
    expect(errors).toEqual([expect.objectContaining({ path: 'cust', rule: 'custom', message: 'validate.custom: rifiutato' })]);
  });
});
