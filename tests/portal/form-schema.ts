/**
 * The flattened schema of a service's form, as the form server's `/form/{id}/schema` gives it to
 * the portal (FormServerApiAdapterService::getFormSchema): each data key path with its component
 * type. The portal uses it to flatten an application's data and to find its file fields
 * (PraticaManager::arrayFlat, addAttachmentsToApplication). Written apart from the app's own
 * form code on purpose: the two must agree because both follow Form.io, not because they share code.
 */
import type { Catalogue, CatalogueService } from './catalogue-dir';

export type FlatSchema = Map<string, string>;

const LAYOUT = new Set(['panel', 'columns', 'fieldset', 'well', 'table', 'tabs', 'htmlelement', 'content', 'button']);

function walk(catalogue: Catalogue, list: unknown[], prefix: string, seen: string[], out: FlatSchema): void {
  for (const raw of list) {
    if (typeof raw !== 'object' || raw === null) continue;
    const c = raw as Record<string, unknown>;
    const type = typeof c.type === 'string' ? c.type : '';
    const key = typeof c.key === 'string' ? c.key : '';
    const path = prefix ? `${prefix}.${key}` : key;
    const children: unknown[][] = [];
    if (Array.isArray(c.components)) children.push(c.components);
    if (Array.isArray(c.columns)) for (const col of c.columns as { components?: unknown[] }[]) if (Array.isArray(col?.components)) children.push(col.components);
    if (type === 'form') {
      const id = typeof c.form === 'string' ? c.form : '';
      const nested = catalogue.forms.get(id);
      if (nested && !seen.includes(id)) walk(catalogue, nested.components, `${path}.data`, [...seen, id], out);
      continue;
    }
    if (LAYOUT.has(type) || !key) {
      for (const list of children) walk(catalogue, list, prefix, seen, out);
      continue;
    }
    out.set(path, type);
    if (type === 'container') for (const list of children) walk(catalogue, list, path, seen, out);
  }
}

/** The schema of the service's form (its first step's Form.io form), or null when the form server has no such form. */
export function serviceSchema(catalogue: Catalogue, service: CatalogueService): FlatSchema | null {
  const formId = service.flow_steps[0]?.parameters.formio_id;
  const form = formId ? catalogue.forms.get(formId) : undefined;
  if (!form) return null;
  const out: FlatSchema = new Map();
  walk(catalogue, form.components, '', [form._id], out);
  return out;
}

const isFile = (schema: FlatSchema, key: string) => schema.get(key) === 'file' || schema.get(key) === 'sdcfile';

/**
 * PraticaManager::arrayFlat: nested data to dotted keys; a file field's value (an array of file
 * objects) stays whole; `metadata` and `state` keys are dropped.
 */
export function flatten(data: Record<string, unknown>, schema: FlatSchema, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'metadata' || key === 'state') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !isFile(schema, path)) Object.assign(out, flatten(value as Record<string, unknown>, schema, path));
    else out[path] = value;
  }
  return out;
}

/** The file references under the form's file fields, in order; anything else in `data` is never linked. */
export function fileReferences(flattened: Record<string, unknown>, schema: FlatSchema): { key: string; id: unknown; fileType: unknown }[] {
  const refs: { key: string; id: unknown; fileType: unknown }[] = [];
  for (const [key, value] of Object.entries(flattened)) {
    if (!isFile(schema, key) || !Array.isArray(value)) continue;
    for (const file of value as { data?: { id?: unknown }; fileType?: unknown }[]) refs.push({ key, id: file?.data?.id, fileType: file?.fileType });
  }
  return refs;
}
