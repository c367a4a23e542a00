/**
 * Turns a stored form into the one a kiosk uses offline: every nested form
 * (`{"type":"form","form":"<id>"}`) is inlined, recursively; the form's own logic
 * (scripts, templates) is kept as the portal wrote it, to run in the sandbox (shared/form-logic); unknown component types are listed and left out. File components (`file`, `sdcfile`) are left
 * out too, not as unsupported: they are the service's attachment slots, which the app fills in its
 * own step (forms/file-components.ts). Cycles, too deep nesting and forms that grow too large once
 * inlined are refused with a clear error.
 */
import { childLists, FORM_LIMITS, FormError, type FormComponent, type FormDocument } from './form-json';
import { SUPPORTED_TYPES } from './component-types';
import { FILE_COMPONENT_TYPES } from './file-components';

export const MAX_NESTED_FORMS_DEPTH = 5;

export interface UnsupportedComponent {
  path: string;
  type: string;
}

export interface ResolvedForm {
  form: FormDocument;
  unsupported: UnsupportedComponent[];
  /** Every form inlined into this one (to know what to refresh when one changes). */
  nestedFormIds: string[];
}

export type FormLoader = (id: string) => FormDocument | undefined;

interface Walk {
  load: FormLoader;
  stack: string[];
  unsupported: UnsupportedComponent[];
  nested: Set<string>;
  count: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolveList(list: unknown[], walk: Walk, prefix: string): FormComponent[] {
  const out: FormComponent[] = [];
  for (const raw of list) {
    const resolved = resolveComponent(raw as FormComponent, walk, prefix);
    if (resolved) out.push(resolved);
  }
  return out;
}

function resolveChildren(c: FormComponent, walk: Walk, path: string): FormComponent {
  const copy: Record<string, unknown> = { ...c };
  if (Array.isArray(c.components)) copy.components = resolveList(c.components, walk, path);
  if (Array.isArray(c.columns)) {
    copy.columns = c.columns.map((col) => (isObject(col) && Array.isArray(col.components) ? { ...col, components: resolveList(col.components, walk, path) } : col));
  }
  if (Array.isArray(c.rows)) {
    copy.rows = c.rows.map((row) =>
      Array.isArray(row) ? row.map((cell) => (isObject(cell) && Array.isArray(cell.components) ? { ...cell, components: resolveList(cell.components, walk, path) } : cell)) : row,
    );
  }
  return copy as FormComponent;
}

function resolveComponent(component: FormComponent, walk: Walk, prefix: string): FormComponent | null {
  if (++walk.count > FORM_LIMITS.maxComponents) {
    throw new FormError('modulo-troppo-grande', 'Il modulo, con i moduli che contiene, ha troppi campi.');
  }
  const path = component.key ? (prefix ? `${prefix}.${component.key}` : component.key) : prefix;
  if (FILE_COMPONENT_TYPES.has(component.type)) return null;
  if (!SUPPORTED_TYPES.has(component.type)) {
    walk.unsupported.push({ path, type: component.type.slice(0, 60) });
    return null;
  }
  if (component.type !== 'form') return childLists(component).length > 0 ? resolveChildren(component, walk, path) : component;

  const id = component.form;
  if (typeof id !== 'string' || id.length === 0) {
    throw new FormError('modulo-non-valido', `Il campo "${path}" rimanda a un modulo senza identificativo.`);
  }
  if (walk.stack.includes(id)) {
    throw new FormError('modulo-ciclico', `Il modulo "${id}" contiene se stesso (${[...walk.stack, id].join(' → ')}).`);
  }
  if (walk.stack.length > MAX_NESTED_FORMS_DEPTH) {
    throw new FormError('modulo-troppo-annidato', `Troppi moduli annidati sotto "${walk.stack[0]}".`);
  }
  const nested = walk.load(id);
  if (!nested) throw new FormError('modulo-mancante', `Il modulo "${id}", usato dal campo "${path}", non è disponibile.`);
  walk.nested.add(id);
  walk.stack.push(id);
  const components = resolveList(nested.components, walk, path);
  walk.stack.pop();
  return { ...component, components };
}

export function resolveForm(root: FormDocument, load: FormLoader): ResolvedForm {
  const walk: Walk = { load, stack: [root._id], unsupported: [], nested: new Set(), count: 0 };
  const components = resolveList(root.components, walk, '');
  return {
    form: { ...root, components },
    unsupported: walk.unsupported,
    nestedFormIds: [...walk.nested],
  };
}
