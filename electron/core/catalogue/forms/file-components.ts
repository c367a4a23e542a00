/**
 * The `file` and `sdcfile` components of a service's form, with the key path their files take
 * in the application's data. The real portal links an uploaded file to an application only
 * when it sits under such a key (PraticaManager::addAttachmentsToApplication); anything else
 * in `data` is kept as text and the file is never attached. So these paths are where sync
 * puts files, and, for a portal service, the attachment slots the citizen fills.
 *
 * Data paths follow Form.io: a nested form adds `<key>.data`, a container adds `<key>`,
 * layout components (panel, columns, fieldset...) add nothing. Files inside data grids are
 * per row and are not offered as slots.
 */
import type { AttachmentSpec } from '../format';
import { childLists, type FormDocument } from './form-json';

export const FILE_COMPONENT_TYPES: ReadonlySet<string> = new Set(['file', 'sdcfile']);

/**
 * The file component that receives the citizen's signed module (`.p7m`). The real portal has no
 * API for a citizen-signed module other than a file component of the service's form, so a
 * comune that wants it adds one with this key; it is never offered as a slot to fill.
 */
export const SIGNED_MODULE_KEY = 'modulo_compilato';

export interface FileComponent {
  path: string;
  label: string;
  required: boolean;
  filePattern: string;
  fileMaxSize: string;
  description: string;
  /** Form.io `properties.pdfa: "true"`: our own catalogues ask for PDF/A this way. */
  pdfa: boolean;
  /** The component's show condition as JSON Logic over `{ data }`, for a file field the form requires only when shown. */
  shownWhen: Record<string, unknown> | null;
  /** Form.io `properties.requiredWhenText`: our own catalogues say that case in words this way. */
  requiredWhenText: string | null;
}

/**
 * A Form.io show condition as JSON Logic over `{ data }`: its `json`, or the simple
 * `{show, when, eq}` (the builder leaves `{show: null, when: null}` on every component: no
 * condition). Only for a component outside nested forms, whose `data` is the pratica's own.
 */
function shownWhenOf(conditional: unknown, prefix: string): Record<string, unknown> | null {
  if (prefix || !isObject(conditional)) return null;
  if (isObject(conditional.json) && Object.keys(conditional.json).length === 1) return conditional.json;
  const { show, when, eq } = conditional;
  if (typeof when !== 'string' || !when || (show !== true && show !== 'true' && show !== false && show !== 'false')) return null;
  const same = { '==': [{ var: `data.${when}` }, eq ?? ''] };
  return show === true || show === 'true' ? same : { '!': same };
}

/** In the citizen's words, for a portal form's condition that has none of its own. */
const CASO_DEL_MODULO = 'lo richiedono le risposte che hai dato nel modulo';

const GRIDS = new Set(['datagrid', 'editgrid', 'tagpad', 'datamap']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

function walk(list: unknown[], prefix: string, load: (id: string) => FormDocument | undefined, seen: string[], out: FileComponent[]): void {
  for (const raw of list) {
    if (!isObject(raw) || typeof raw.type !== 'string') continue;
    const key = typeof raw.key === 'string' ? raw.key : '';
    if (FILE_COMPONENT_TYPES.has(raw.type) && key) {
      const validate = isObject(raw.validate) ? raw.validate : {};
      out.push({
        path: join(prefix, key),
        label: typeof raw.label === 'string' && raw.label.trim() ? raw.label.trim() : key,
        required: validate.required === true,
        filePattern: typeof raw.filePattern === 'string' ? raw.filePattern : '',
        fileMaxSize: typeof raw.fileMaxSize === 'string' ? raw.fileMaxSize : '',
        description: typeof raw.description === 'string' ? raw.description : '',
        pdfa: isObject(raw.properties) && raw.properties.pdfa === 'true',
        shownWhen: shownWhenOf(raw.conditional, prefix),
        requiredWhenText: isObject(raw.properties) && typeof raw.properties.requiredWhenText === 'string' && raw.properties.requiredWhenText.trim() ? raw.properties.requiredWhenText.trim().slice(0, 300) : null,
      });
      continue;
    }
    if (GRIDS.has(raw.type)) continue;
    if (raw.type === 'form' && key) {
      const nestedId = typeof raw.form === 'string' ? raw.form : null;
      const inlined = Array.isArray(raw.components) ? raw.components : null;
      const nested = inlined ?? (nestedId && !seen.includes(nestedId) ? load(nestedId)?.components : undefined);
      if (nested) walk(nested, join(prefix, `${key}.data`), load, nestedId ? [...seen, nestedId] : seen, out);
      continue;
    }
    const childPrefix = raw.type === 'container' && key ? join(prefix, key) : prefix;
    for (const children of childLists(raw)) walk(children, childPrefix, load, seen, out);
  }
}

/** Every file component of `form`, nested forms loaded with `load` (or already inlined). */
export function fileComponents(form: FormDocument, load: (id: string) => FormDocument | undefined = () => undefined): FileComponent[] {
  const out: FileComponent[] = [];
  walk(form.components, '', load, [form._id], out);
  return out;
}

const BY_EXTENSION: Record<string, string[]> = {
  pdf: ['application/pdf'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
  tif: ['image/tiff'],
  tiff: ['image/tiff'],
  p7m: ['application/pkcs7-mime'],
  xml: ['application/xml'],
  odt: ['application/vnd.oasis.opendocument.text'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  zip: ['application/zip'],
};
const DEFAULT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** Form.io's `filePattern` ("*.pdf,.jpg", "image/*", "application/pdf") as MIME types; any file when empty. */
export function mimeTypesOf(pattern: string): string[] {
  const types = new Set<string>();
  for (const part of pattern.split(',').map((p) => p.trim().toLowerCase())) {
    if (!part || part === '*' || part === '*.*') continue;
    if (part === 'image/*') ['image/jpeg', 'image/png'].forEach((t) => types.add(t));
    else if (/^[a-z]+\/[a-z0-9.+-]+$/.test(part)) types.add(part);
    else BY_EXTENSION[part.replace(/^\*?\./, '')]?.forEach((t) => types.add(t));
  }
  return types.size > 0 ? [...types] : DEFAULT_TYPES;
}

/** Form.io's `fileMaxSize` ("10MB", "500KB", "1GB") in MB, within the app's limits; 10 when absent. */
export function maxSizeMbOf(size: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(size);
  if (!m) return 10;
  const factor = { b: 1 / 1024 / 1024, kb: 1 / 1024, mb: 1, gb: 1024 }[(m[2] ?? 'mb').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Math.min(100, Math.max(0.01, Number(m[1]) * factor));
}

/** The attachment slots of a portal service, one per file component of its forms, required as the form requires them. */
export function slotsFromFileComponents(components: FileComponent[]): AttachmentSpec[] {
  return components.map((c) => ({
    key: c.path,
    label: c.label.slice(0, 300),
    description: c.description.slice(0, 20_000),
    // Form.io asks for a required field only while it is shown: a conditional one is required in that case.
    required: c.required && !c.shownWhen,
    requiredWhen: c.required && c.shownWhen ? { when: c.shownWhen, text: c.requiredWhenText ?? CASO_DEL_MODULO } : null,
    mimeTypes: mimeTypesOf(c.filePattern),
    maxSizeMb: maxSizeMbOf(c.fileMaxSize),
    pdfa: c.pdfa,
  }));
}
