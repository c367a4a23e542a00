/**
 * A Form.io form document, checked by hand with bounds: the JSON comes from a file or
 * from the portal, can be large and deeply nested, and is walked recursively later, so
 * size, depth and component count are capped here before anything else touches it.
 */
import { DomainError } from '../../errors';

export type FormComponent = Record<string, unknown> & { type: string; key?: string };

export interface FormDocument {
  _id: string;
  title: string;
  name: string;
  display: 'form' | 'wizard';
  components: FormComponent[];
  /** Form.io's last-change time, when the form server gives it: a form that changed is fetched again. */
  modified?: string;
}

export const FORM_LIMITS = { maxBytes: 2_000_000, maxDepth: 20, maxComponents: 3000 } as const;

export class FormError extends DomainError {}

function invalid(formId: string, why: string): FormError {
  return new FormError('modulo-non-valido', `Il modulo "${formId.slice(0, 80)}" non è valido: ${why}.`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The lists of child components a Form.io layout may hold (panels, columns, tables, tabs). */
export function childLists(c: Record<string, unknown>): unknown[][] {
  const lists: unknown[][] = [];
  if (Array.isArray(c.components)) lists.push(c.components);
  if (Array.isArray(c.columns)) for (const col of c.columns) if (isObject(col) && Array.isArray(col.components)) lists.push(col.components);
  if (Array.isArray(c.rows)) {
    for (const row of c.rows) if (Array.isArray(row)) for (const cell of row) if (isObject(cell) && Array.isArray(cell.components)) lists.push(cell.components);
  }
  return lists;
}

function checkComponents(formId: string, list: unknown[], depth: number, counter: { n: number }): void {
  if (depth > FORM_LIMITS.maxDepth) throw invalid(formId, 'componenti annidati troppo in profondità');
  for (const c of list) {
    if (!isObject(c) || typeof c.type !== 'string' || c.type.length === 0 || c.type.length > 60) {
      throw invalid(formId, 'un componente non ha un tipo');
    }
    if (c.key !== undefined && (typeof c.key !== 'string' || c.key.length > 200)) throw invalid(formId, 'chiave di un componente non valida');
    if (++counter.n > FORM_LIMITS.maxComponents) throw invalid(formId, 'troppi componenti');
    for (const children of childLists(c)) checkComponents(formId, children, depth + 1, counter);
  }
}

/** Parses a form from its JSON text (a file or an HTTP body). */
export function parseFormJson(text: string, expectedId?: string): FormDocument {
  const label = expectedId ?? 'senza nome';
  if (Buffer.byteLength(text, 'utf8') > FORM_LIMITS.maxBytes) throw invalid(label, 'file troppo grande');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid(label, 'JSON non leggibile');
  }
  return parseFormDocument(raw, expectedId);
}

export function parseFormDocument(raw: unknown, expectedId?: string): FormDocument {
  const label = expectedId ?? 'senza nome';
  if (!isObject(raw)) throw invalid(label, 'non è un oggetto');
  const id = raw._id;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) throw invalid(label, '_id mancante o non valido');
  if (expectedId !== undefined && id !== expectedId) throw invalid(label, `_id "${id}" diverso dal nome del file`);
  if (!Array.isArray(raw.components)) throw invalid(id, 'elenco dei componenti mancante');
  checkComponents(id, raw.components, 0, { n: 0 });
  const title = typeof raw.title === 'string' ? raw.title.slice(0, 300) : id;
  return {
    _id: id,
    title,
    name: typeof raw.name === 'string' ? raw.name.slice(0, 200) : id,
    display: raw.display === 'wizard' ? 'wizard' : 'form',
    components: raw.components as FormComponent[],
    ...(typeof raw.modified === 'string' ? { modified: raw.modified.slice(0, 40) } : {}),
  };
}
