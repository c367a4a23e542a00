// Reads the bundled demo catalogue straight from its directory and prepares its forms for @formio/core,
// independently of the catalogue module, so these tests check the content and not the code that loads it.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { processSync, ProcessTargets } from '@formio/core';
import type { FormComponent, FormDefinition } from './authoring-rules';

const demoRoot = resolve(__dirname, '../../../electron/core/catalogue/demo');
export const tenantDir = join(demoRoot, 'comune-di-prova');
export const samplesDir = join(demoRoot, 'samples');

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
/** File names (without .json) of a catalogue sub-directory, sorted. */
export const jsonNames = (dir: string): string[] =>
  readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();

/** Calls `visit` on every component of a tree, descending into containers and columns. */
export function walk(components: FormComponent[], visit: (c: FormComponent) => void): void {
  for (const c of components) {
    visit(c);
    if (c.components) walk(c.components, visit);
    for (const col of c.columns ?? []) walk(col.components, visit);
  }
}

export class NestedFormError extends Error {}

/**
 * Returns a copy of the form's components with every `{"type":"form"}` reference replaced by the referenced
 * form's components (recursively), which is how @formio/core validates a nested form's `{data}` object,
 * and without file fields.
 */
export function inlineForm(formId: string, forms: ReadonlyMap<string, FormDefinition>, chain: string[] = []): FormComponent[] {
  if (chain.includes(formId)) throw new NestedFormError(`Ciclo di moduli annidati: ${[...chain, formId].join(' -> ')}`);
  const form = forms.get(formId);
  if (!form) throw new NestedFormError(`Modulo annidato inesistente: ${formId} (da ${chain.join(' -> ') || 'servizio'})`);
  // File fields (`sdcfile`, the only file type the demo schema allows) are where sync puts the files of the attachment step, not
  // data the citizen types: the app leaves them out of the form it validates, and so does this.
  const inline = (components: FormComponent[]): FormComponent[] =>
    components.filter((c) => c.type !== 'sdcfile').map((c) => {
      const copy: FormComponent = { ...c };
      if (c.type === 'form' && c.form) copy.components = inlineForm(c.form, forms, [...chain, formId]);
      else if (c.components) copy.components = inline(c.components);
      if (c.columns) copy.columns = c.columns.map((col) => ({ ...col, components: inline(col.components) }));
      return copy;
    });
  return inline(form.components);
}

export interface FormError { rule: string; path: string }

/** Validates a submission as the server-side Form.io engine does; returns the failures. */
export function validate(components: FormComponent[], data: Record<string, unknown>): FormError[] {
  const scope: { errors?: { ruleName: string; context: { path: string } }[] } = {};
  processSync({
    components: structuredClone(components),
    data: structuredClone(data),
    processors: ProcessTargets.evaluator,
    scope,
    config: { server: true },
  } as unknown as Parameters<typeof processSync>[0]);
  return (scope.errors ?? []).map((e) => ({ rule: e.ruleName, path: e.context.path }));
}
