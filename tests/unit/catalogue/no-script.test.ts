import { processSync, ProcessTargets } from '@formio/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormDocument } from '../../../electron/core/catalogue/forms/form-json';
import { resolveForm } from '../../../electron/core/catalogue/forms/resolve';
import { validateSubmission } from '../../../electron/core/catalogue/forms/validate';

const g = globalThis as { __pwned?: string[] };
const hostile = (tag: string) => `(globalThis.__pwned = globalThis.__pwned || []).push('${tag}'); value = 'x'; show = true; valid = true;`;

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

describe('custom JavaScript in forms never runs in core', () => {
  afterEach(() => delete g.__pwned);

  it('the hostile form does run its code when given to Form.io untouched (so the next test can fail)', () => {
    processSync({ components: structuredClone(form.components), data: { cond: 'a', cust: 'b' }, processors: ProcessTargets.evaluator, scope: {}, config: { server: true } } as never);
    expect(g.__pwned).toEqual(expect.arrayContaining(['calculateValue', 'customConditional', 'validate.custom', 'customDefaultValue']));
  });

  it('is stripped on resolution and not executed by validation', () => {
    const resolved = resolveForm(form, () => undefined);
    expect(resolved.strippedScripts).toEqual(
      expect.arrayContaining(['calc:calculateValue', 'cond:customConditional', 'cust:validate.custom', 'def:customDefaultValue', 'logic:logic']),
    );
    expect(JSON.stringify(resolved.form)).not.toContain('__pwned');
    validateSubmission(resolved.form.components, { cond: 'a', cust: 'b' });
    expect(g.__pwned).toBeUndefined();
  });

  it('does not execute code that slips through unstripped, thanks to the no-script evaluator', () => {
    const errors = validateSubmission(form.components, { cond: 'a', cust: 'b' });
    expect(g.__pwned).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
