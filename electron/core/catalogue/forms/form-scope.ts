/**
 * Whose `data` a script sees. On screen Form.io draws a nested form as a form of its own, so
 * the scripts of its fields read that form's data as `data` (the portal's Nascita sub-form
 * checks `data.natoAIl`). @formio/core, validating the whole submission in core, hands them the
 * top-level data instead. Each field inside a nested form is therefore tagged with where its
 * form's data lives, and the core evaluator gives its scripts that object as `data`.
 */
import type { FormComponent } from './form-json';

const FORM_DATA_PATH = '__sportelloDatiModulo';

const GRIDS = new Set(['datagrid', 'editgrid', 'datatable', 'tagpad', 'dynamicWizard']);

/** A copy of the components with each field inside a nested form tagged with its form's data path. */
export function withFormScopes(components: FormComponent[]): FormComponent[] {
  const walk = (list: unknown[], prefix: string | null, scope: string | null): unknown[] =>
    list.map((raw) => {
      if (typeof raw !== 'object' || raw === null) return raw;
      const c: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
      if (scope !== null) {
        c[FORM_DATA_PATH] = scope;
        c.conditional = scopedConditional(c.conditional, scope);
      }
      const key = typeof c.key === 'string' ? c.key : '';
      let childPrefix = prefix;
      let childScope = scope;
      if (c.type === 'form' && prefix !== null && key) {
        childPrefix = `${prefix}${key}.data.`;
        childScope = `${prefix}${key}.data`;
      } else if (c.type === 'container' && prefix !== null && key) {
        childPrefix = `${prefix}${key}.`;
      } else if (GRIDS.has(String(c.type))) {
        // Rows have no fixed path: nested forms under a grid keep the scope they had.
        childPrefix = null;
      }
      if (Array.isArray(c.components)) c.components = walk(c.components, childPrefix, childScope);
      if (Array.isArray(c.columns)) {
        c.columns = c.columns.map((col) =>
          typeof col === 'object' && col !== null && Array.isArray((col as { components?: unknown }).components)
            ? { ...(col as object), components: walk((col as { components: unknown[] }).components, childPrefix, childScope) }
            : col,
        );
      }
      if (Array.isArray(c.rows)) {
        c.rows = c.rows.map((row) =>
          Array.isArray(row)
            ? row.map((cell) =>
                typeof cell === 'object' && cell !== null && Array.isArray((cell as { components?: unknown }).components)
                  ? { ...(cell as object), components: walk((cell as { components: unknown[] }).components, childPrefix, childScope) }
                  : cell,
              )
            : row,
        );
      }
      return c;
    });
  return walk(components, '', null) as FormComponent[];
}

/** A simple condition names a field of its own form ("county"): for @formio/core, its path from the top. */
function scopedConditional(conditional: unknown, scope: string): unknown {
  if (typeof conditional !== 'object' || conditional === null) return conditional;
  const c: Record<string, unknown> = { ...(conditional as Record<string, unknown>) };
  const within = (path: unknown) => (typeof path === 'string' && path && !path.startsWith(`${scope}.`) ? `${scope}.${path}` : path);
  if (typeof c.when === 'string' && c.when) c.when = within(c.when);
  if (Array.isArray(c.conditions)) {
    c.conditions = c.conditions.map((k) => (typeof k === 'object' && k !== null ? { ...(k as object), component: within((k as { component?: unknown }).component) } : k));
  }
  return c;
}

/** The data a script of `component` sees: its nested form's own data, or the whole submission. */
export function scopedData(component: unknown, data: unknown): unknown {
  const path = typeof component === 'object' && component !== null ? (component as Record<string, unknown>)[FORM_DATA_PATH] : undefined;
  if (typeof path !== 'string' || typeof data !== 'object' || data === null) return data;
  let node: unknown = data;
  for (const part of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === 'object' && node !== null ? node : {};
}
