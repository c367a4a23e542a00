/**
 * The one line that stands for an item of a repeating group (a child, a vehicle) on its card:
 * built from the item's own values as the citizen chose them, read from the grid's schema.
 * Form.io's own row template shows a nested object as "[Complex Data]" and a select by its
 * value; here a nested form is flattened to its values, a choice is shown by its label.
 *
 * What goes in the line: the item's name (the first nested group of plain text values, such as
 * a child's nome and cognome, joined by a space), then the item's own fields, not the rest of
 * the nested groups (birth details, codice fiscale), so the line stays short enough to read.
 * Free text (textareas) and fields the author keeps out of tables (`tableView: false`) are left out.
 */
import { dayToTyped } from '../components/dates';
import { childrenOf as children, type Componente } from './component-tree';

export type { Componente };

/** Labels longer than this are cut at a word, with "…": a school's full address does not fit on a card. */
const MAX_PART = 36;

/** Components that only arrange others: their fields' values sit in the same object as theirs. */
const LAYOUT = new Set(['panel', 'fieldset', 'columns', 'table', 'tabs', 'well']);
const NO_VALUE = new Set(['htmlelement', 'content', 'button', 'hidden', 'file', 'sdcfile', 'textarea']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function shorten(text: string): string {
  if (text.length <= MAX_PART) return text;
  const cut = text.slice(0, MAX_PART + 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_PART / 2));
  return `${atWord.replace(/[\s,;:–-]+$/, '')}…`;
}

function optionLabel(options: unknown, value: unknown): string | null {
  if (!Array.isArray(options)) return null;
  const found = options.find((o) => isObject(o) && o.value === value) as { label?: unknown } | undefined;
  return typeof found?.label === 'string' ? found.label : null;
}

/** "MM/DD/YYYY" of Form.io's day field, unless the author put the day first. */
function dayValue(c: Componente, value: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m || c.dayFirst === true) return value;
  return `${m[2]}/${m[1]}/${m[3]}`;
}

/** A field's value as the citizen reads it, or null when it has none. */
function leafText(c: Componente, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  switch (c.type) {
    case 'select': {
      const data = c.data as { values?: unknown } | undefined;
      const values = Array.isArray(value) ? value : [value];
      return values.map((v) => optionLabel(data?.values, v) ?? (isObject(v) ? String(v.label ?? '') : String(v))).filter(Boolean).join(', ') || null;
    }
    case 'radio':
      return optionLabel(c.values, value) ?? String(value);
    case 'selectboxes':
      if (!isObject(value)) return null;
      return Object.keys(value).filter((k) => value[k] === true).map((k) => optionLabel(c.values, k) ?? k).join(', ') || null;
    case 'checkbox':
      return value === true && typeof c.label === 'string' ? c.label : null;
    case 'datetime':
      return typeof value === 'string' ? dayToTyped(value.slice(0, 10)) || value : null;
    case 'day':
      return typeof value === 'string' ? dayValue(c, value) : null;
    default:
      return isObject(value) || Array.isArray(value) ? null : String(value);
  }
}

interface Gruppo {
  /** Values of one object: the item's own (depth 0) or a nested form's or container's. */
  depth: number;
  testi: string[];
  /** Only plain text fields: read as one name ("Sofia Rossi"). */
  soloTesto: boolean;
}

function collect(components: Componente[], data: Record<string, unknown>, depth: number, out: Gruppo[]): void {
  const gruppo: Gruppo = { depth, testi: [], soloTesto: true };
  out.push(gruppo);
  const walk = (list: Componente[]) => {
    for (const c of list) {
      const type = String(c.type ?? '');
      if (c.hidden === true || c.tableView === false || NO_VALUE.has(type)) continue;
      if (LAYOUT.has(type)) {
        walk(children(c));
        continue;
      }
      const key = typeof c.key === 'string' ? c.key : '';
      const value = key ? data[key] : undefined;
      if (type === 'form' || type === 'container') {
        const inner = type === 'form' && isObject(value) ? value.data : value;
        if (isObject(inner)) collect(children(c), inner, depth + 1, out);
        continue;
      }
      if (type === 'editgrid' || type === 'datagrid') {
        if (Array.isArray(value) && value.length) gruppo.testi.push(value.map((row) => (isObject(row) ? riepilogoRiga(children(c), row) : '')).filter(Boolean).join('; '));
        continue;
      }
      const text = leafText(c, value);
      if (text === null) continue;
      if (type !== 'textfield') gruppo.soloTesto = false;
      gruppo.testi.push(text.trim());
    }
  };
  walk(components);
}

/** The item's summary, e.g. "Sofia Rossi, Scuola primaria "Gianni Rodari"…, Primaria - classe 3ª, B"; "" when it has no value yet. */
export function riepilogoRiga(components: Componente[], row: Record<string, unknown>): string {
  const gruppi: Gruppo[] = [];
  collect(components, row, 0, gruppi);
  const nome = gruppi.find((g) => g.depth > 0 && g.soloTesto && g.testi.length > 0);
  const propri = gruppi.filter((g) => g.depth === 0).flatMap((g) => g.testi);
  const parts = nome ? [nome.testi.join(' '), ...propri] : propri.length ? propri : gruppi.flatMap((g) => g.testi);
  return parts.filter(Boolean).map(shorten).join(', ');
}
