/**
 * src/Form/DocumentAPIType.php as `POST /api/documents` submits it (clearMissing: every field not
 * sent is null), then the entity's constraints (src/Entity/Document.php), worded by FormUtils:
 * - fields (44-123): owner and folder are ids (EntityType: an unknown one "This value is not
 *   valid." on the field), md5, mime_type, original_filename, address (UrlType: `http://` added
 *   when the scheme is missing), file (unmapped base64), title, topics (category ids),
 *   description, readers_allowed (a list, `[]` when not sent), validity_begin/validity_end/
 *   expire_at/due_date (single_text), correlated_services (service ids), store (a checkbox:
 *   anything but null/false checks it). Any other key: "This form should not contain extra fields.".
 * - onSubmit (127-194), first failure wins, a root error: original_filename not ASCII; no folder;
 *   owner not the folder's owner; mime_type not in `allowed_extensions`; no extension / one not
 *   allowed (case-sensitive); the content is `file` after its last comma, base64-decoded (which
 *   also sets store and clears address), else fetched from `address`; md5 given and different; the
 *   content's MIME type (finfo) not the declared one.
 * - constraints: owner, folder, title NotBlank on their fields; original_filename's NotBlank and
 *   the validity/expiry rules land on the form itself (their property names are camelCase, the
 *   fields snake_case, so ViolationMapper finds no field). A violation aimed at a field that could
 *   not read its value is dropped (as meeting-form.ts does).
 */
import { createHash } from 'node:crypto';
import type { PortalContext } from './context';
import { ALLOWED_EXTENSIONS } from './files';

const FORM_NAME = 'app_bundle_document_api';
const INVALID = 'This value is not valid.';
const FIELDS = ['owner', 'folder', 'md5', 'mime_type', 'original_filename', 'address', 'file', 'title', 'topics', 'description', 'readers_allowed', 'validity_begin', 'validity_end', 'expire_at', 'due_date', 'correlated_services', 'store'] as const;
type Field = (typeof FIELDS)[number];
const DATES = ['validity_begin', 'validity_end', 'expire_at', 'due_date'] as const;
/** DateTimeToHtml5LocalDateTimeTransformer (Symfony 4.4): only the start is checked, the rest goes to `new DateTime()`. */
const HTML5_DATE = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2})?/;

/** translations/messages.it.yml 926-934 (`documenti.documento.*`). */
const MESSAGES = {
  invalid_original_name: 'Il valore del parametro original_filename non è una stringa ASCII valida',
  invalid_folder: "L'identificativo della cartella specificata non è valido",
  invalid_owner: "L'utente specificato non risulta essere il proprietario della cartella",
  invalid_mime_type: 'Mime type non ammesso',
  missing_extension: "E'obbligatoruo specificare l'estensione del file nel parametro original_filename",
  invalid_extension: 'Estersione non ammessa',
  non_matching_md5: "L'MD5 del file non coincide con quanto specificato nel parametro md5",
  non_matching_mime_type: 'Il mime type del file non coincide con quanto specificato nel parametro mime_type',
} as const;

export interface DocumentFields {
  ownerId: string | null;
  folderId: string | null;
  folderOwnerId: string | null;
  md5: string;
  mimeType: string;
  originalFilename: string;
  address: string | null;
  title: string;
  description: string | null;
  topics: string[];
  readersAllowed: string[];
  dates: Record<(typeof DATES)[number], string | null>;
  correlatedServices: string[];
  store: boolean;
  content: Buffer;
}

export type SubmittedDocument = { ok: true; fields: DocumentFields } | { ok: false; errors: unknown[] };

/** OURS: a few libmagic answers (finfo_buffer FILEINFO_MIME_TYPE) for the formats the portal allows. */
function sniffMimeType(b: Buffer): string {
  if (b.length === 0) return 'application/x-empty';
  const starts = (sig: number[]) => sig.every((x, i) => b[i] === x);
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (b.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (starts([0xd0, 0xcf, 0x11, 0xe0])) return 'application/msword';
  const text = b.toString('utf8');
  const control = [...b].some((x) => x < 0x09 || (x > 0x0d && x < 0x20));
  return !text.includes('\uFFFD') && !control ? 'text/plain' : 'application/octet-stream';
}

const str = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'object' ? null : String(v));
const ids = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The content of `address` (file_get_contents: a failure is a warning and `false`, i.e. no bytes). */
async function fetchAddress(address: string | null): Promise<Buffer> {
  if (!address) return Buffer.alloc(0);
  try {
    const res = await fetch(address);
    return res.ok ? Buffer.from(await res.arrayBuffer()) : Buffer.alloc(0);
  } catch {
    return Buffer.alloc(0);
  }
}

export async function submitDocumentForm(ctx: PortalContext, raw: unknown): Promise<SubmittedDocument> {
  const body = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const formErrors: string[] = [];
  const fieldErrors: Partial<Record<Field, string[]>> = {};
  const fail = (f: Field, m: string) => (fieldErrors[f] = [...(fieldErrors[f] ?? []), m]);
  const lookup = (table: 'users' | 'folders', f: Field): { id: string; owner?: string } | null => {
    const v = str(body[f]);
    if (v === null || v === '') return null;
    const sql = table === 'users' ? "SELECT id FROM users WHERE id = ? AND role = 'citizen'" : 'SELECT id, owner_id AS owner FROM folders WHERE id = ?';
    const row = ctx.db.prepare(sql).get(v) as { id: string; owner?: string } | undefined;
    if (!row) fail(f, INVALID);
    return row ?? null;
  };
  const owner = lookup('users', 'owner');
  const folder = lookup('folders', 'folder');
  // EntityType `multiple`: every id must be a known category / service.
  const checkIds = (f: Field, known: (id: string) => boolean): string[] => {
    const list = ids(body[f]).map(String);
    if (!list.every(known)) fail(f, INVALID);
    return list;
  };
  const topics = checkIds('topics', (id) => ctx.catalogue.tenant.topics.some((t) => t.id === id));
  const correlatedServices = checkIds('correlated_services', (id) => ctx.catalogue.services.has(id));
  const dates = {} as DocumentFields['dates'];
  for (const f of DATES) {
    const v = str(body[f]);
    // A time without offset is the portal's wall clock; ours reads it as UTC (approximation).
    const at = v === null || v === '' ? null : HTML5_DATE.test(v) ? new Date(v.length <= 19 ? `${v}Z` : v) : new Date(NaN);
    if (at && Number.isNaN(at.getTime())) fail(f, INVALID);
    dates[f] = at && !Number.isNaN(at.getTime()) ? at.toISOString() : null;
  }
  let address = str(body.address);
  if (address !== null && !/^[a-z][a-z0-9+.-]*:/i.test(address)) address = `http://${address}`;
  const fields: DocumentFields = {
    ownerId: owner?.id ?? null,
    folderId: folder?.id ?? null,
    folderOwnerId: folder?.owner ?? null,
    md5: str(body.md5) ?? '',
    mimeType: str(body.mime_type) ?? '',
    originalFilename: str(body.original_filename) ?? '',
    address,
    title: str(body.title) ?? '',
    description: str(body.description),
    topics,
    readersAllowed: ids(body.readers_allowed).map(String),
    dates,
    correlatedServices,
    store: body.store !== undefined && body.store !== null && body.store !== false,
    content: Buffer.alloc(0),
  };
  const onSubmitError = await onSubmit(fields, str(body.file));
  if (onSubmitError) formErrors.push(MESSAGES[onSubmitError]);

  // The entity's constraints, in Document.php's order.
  if (!fields.ownerId && !fieldErrors.owner) fail('owner', 'Questo campo è obbligatorio (owner)');
  if (!fields.folderId && !fieldErrors.folder) fail('folder', 'Questo campo è obbligatorio (folder)');
  if (fields.originalFilename === '') formErrors.push('Questo campo è obbligatorio (original Filename)');
  if (fields.title === '') fail('title', 'Questo campo è obbligatorio (title)');
  const { validity_begin: begin, validity_end: end, expire_at: expire } = fields.dates;
  if (begin && !end) formErrors.push('If validity begin is defined, validity end should be not null');
  if (end && !begin) formErrors.push('If validity end is defined, validity begin should be not null');
  if (end && expire && end > expire) formErrors.push('validityEnd must be lower than expire Date');
  if (expire) {
    const now = ctx.now();
    const tenYears = new Date(now);
    tenYears.setUTCFullYear(tenYears.getUTCFullYear() + 10);
    if (new Date(expire) > tenYears) formErrors.push('Maximum availability interval is 10 years');
    // "today" is midnight: a date later today passes.
    if (!(new Date(expire) > new Date(now.toISOString().slice(0, 10)))) formErrors.push('Expire date must be greater than current day');
  }
  if (Object.keys(body).some((k) => !(FIELDS as readonly string[]).includes(k))) formErrors.push('This form should not contain extra fields.');

  const errors: unknown[] = formErrors.map((e) => `${e}: ${FORM_NAME}`);
  for (const f of FIELDS) if (fieldErrors[f]?.length) errors.push(fieldErrors[f].map((e) => `${e}: ${f}`));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, fields };
}

/** DocumentAPIType::onSubmit's checks; fills md5, store, address and the content. */
async function onSubmit(f: DocumentFields, file: string | null): Promise<keyof typeof MESSAGES | null> {
  if ([...f.originalFilename].some((c) => c.charCodeAt(0) > 0x7f)) return 'invalid_original_name';
  if (!f.folderId) return 'invalid_folder';
  if (f.ownerId !== f.folderOwnerId) return 'invalid_owner';
  if (!Object.values(ALLOWED_EXTENSIONS).includes(f.mimeType)) return 'invalid_mime_type';
  const parts = f.originalFilename.split('.');
  if (parts.length < 2) return 'missing_extension';
  if (!Object.hasOwn(ALLOWED_EXTENSIONS, parts.at(-1)!)) return 'invalid_extension';
  if (file) {
    f.address = null;
    f.store = true;
    f.content = Buffer.from(file.split(',').at(-1)!, 'base64');
  } else {
    f.content = await fetchAddress(f.address);
  }
  const md5 = createHash('md5').update(f.content).digest('hex');
  if (f.md5 && f.md5 !== md5) return 'non_matching_md5';
  f.md5 = md5;
  if (sniffMimeType(f.content) !== f.mimeType) return 'non_matching_mime_type';
  return null;
}
