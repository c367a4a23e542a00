/**
 * A citizen's folders and documents as the real portal keeps and serialises them:
 * - src/Entity/Folder.php: unique (owner, title) (20-24); JMS with no groups puts the virtual
 *   properties first (`owner` 206, `tenant` 241, `correlated_services` 272), then the fields
 *   (`id`, `title`, `description`, `created_at`, `updated_at`).
 * - src/Entity/Document.php: unique (owner, title, folder) (21-24); constructor defaults version 1,
 *   downloads 0, store false (277-287); PrePersist sets `expire_at` to now + 5 years when empty
 *   (955-968); virtual first (`owner` 330, `store` 344, `file` 370 always "", `folder` 406,
 *   `tenant` 610, `topics` 666, `correlated_services` 894), then the fields in declaration order;
 *   fos_rest `serialize_null: true`, so nulls are kept; dates are JMS ATOM in Europe/Rome.
 * - src/Services/FileService/DocumentFileService.php getFilePath (36-41): a stored file's key
 *   `documents/users/<owner>/<folder>/<id>.<ext>`, under `uploads/` in the bucket.
 */
import { randomUUID } from 'node:crypto';
import type { PortalContext } from './context';
import type { PortalDb } from './portal-db';
import { atom } from './wall-clock';

export function createDocumentTables(db: PortalDb): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS folders (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, description TEXT,
      owner_id TEXT NOT NULL REFERENCES users(id), correlated_services TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (owner_id, title)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS documents (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, owner_id TEXT NOT NULL REFERENCES users(id),
      folder_id TEXT NOT NULL REFERENCES folders(id), recipient_type TEXT NOT NULL, version INTEGER NOT NULL,
      md5 TEXT, original_filename TEXT NOT NULL, mime_type TEXT, address TEXT, download_link TEXT NOT NULL,
      title TEXT NOT NULL, description TEXT, readers_allowed TEXT, topics TEXT NOT NULL DEFAULT '[]',
      correlated_services TEXT NOT NULL DEFAULT '[]', last_read_at TEXT, downloads_counter INTEGER NOT NULL,
      validity_begin TEXT, validity_end TEXT, expire_at TEXT, due_date TEXT, store INTEGER NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (owner_id, title, folder_id)
    ) STRICT;
  `);
}

export interface FolderRow {
  id: string;
  title: string;
  description: string | null;
  owner_id: string;
  correlated_services: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentRow {
  id: string;
  owner_id: string;
  folder_id: string;
  recipient_type: 'tenant' | 'user';
  version: number;
  md5: string | null;
  original_filename: string;
  mime_type: string | null;
  address: string | null;
  download_link: string;
  title: string;
  description: string | null;
  readers_allowed: string | null;
  topics: string;
  correlated_services: string;
  last_read_at: string | null;
  downloads_counter: number;
  validity_begin: string | null;
  validity_end: string | null;
  expire_at: string | null;
  due_date: string | null;
  store: number;
  created_at: string;
  updated_at: string;
}

export const findFolder = (ctx: PortalContext, id: string): FolderRow | undefined => ctx.db.prepare('SELECT * FROM folders WHERE id = ?').get(id) as FolderRow | undefined;
export const findDocument = (ctx: PortalContext, id: string): DocumentRow | undefined => ctx.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;

/** An ISO instant as JMS writes a DateTime; null stays null. */
const date = (iso: string | null): string | null => (iso === null ? null : atom(new Date(iso)));

export function serializeFolder(ctx: PortalContext, f: FolderRow): Record<string, unknown> {
  return {
    owner: f.owner_id,
    tenant: ctx.catalogue.tenant.id,
    correlated_services: JSON.parse(f.correlated_services) as string[],
    id: f.id,
    title: f.title,
    description: f.description,
    created_at: date(f.created_at),
    updated_at: date(f.updated_at),
  };
}

export function serializeDocument(ctx: PortalContext, d: DocumentRow): Record<string, unknown> {
  return {
    owner: d.owner_id,
    store: d.store === 1,
    file: '',
    folder: d.folder_id,
    tenant: ctx.catalogue.tenant.id,
    topics: JSON.parse(d.topics) as string[],
    correlated_services: JSON.parse(d.correlated_services) as string[],
    id: d.id,
    recipient_type: d.recipient_type,
    version: d.version,
    md5: d.md5,
    original_filename: d.original_filename,
    mime_type: d.mime_type,
    address: d.address,
    download_link: d.download_link,
    title: d.title,
    description: d.description,
    readers_allowed: d.readers_allowed === null ? null : (JSON.parse(d.readers_allowed) as string[]),
    last_read_at: date(d.last_read_at),
    downloads_counter: d.downloads_counter,
    validity_begin: date(d.validity_begin),
    validity_end: date(d.validity_end),
    expire_at: date(d.expire_at),
    due_date: date(d.due_date),
    created_at: date(d.created_at),
    updated_at: date(d.updated_at),
  };
}

/** DocumentFileService::getFilePath, with the `uploads` prefix of getFilenameWithPath(…, true). */
export const documentKey = (d: Pick<DocumentRow, 'id' | 'owner_id' | 'folder_id' | 'original_filename'>): string =>
  `uploads/documents/users/${d.owner_id}/${d.folder_id}/${d.id}.${d.original_filename.split('.').at(-1)}`;

/** The stored bytes' file in our bucket folder (one file per key). */
export const documentFileName = (id: string): string => `document-${id}`;

export interface NewFolder {
  title: string;
  description: string | null;
  ownerId: string;
  correlatedServices: string[];
}

/** Inserts a folder (timestamps: Folder::updatedTimestamps); a second (owner, title) throws, as the unique index does. */
export function insertFolder(ctx: PortalContext, f: NewFolder): string {
  const id = randomUUID();
  const now = ctx.now().toISOString();
  ctx.db
    .prepare('INSERT INTO folders (id, title, description, owner_id, correlated_services, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, f.title, f.description, f.ownerId, JSON.stringify(f.correlatedServices), now, now);
  return id;
}

export function insertDocument(ctx: PortalContext, d: Omit<DocumentRow, 'version' | 'downloads_counter' | 'last_read_at' | 'created_at' | 'updated_at'>): void {
  const now = ctx.now();
  const fiveYears = new Date(now);
  fiveYears.setUTCFullYear(fiveYears.getUTCFullYear() + 5);
  const row: DocumentRow = { ...d, version: 1, downloads_counter: 0, last_read_at: null, expire_at: d.expire_at ?? fiveYears.toISOString(), created_at: now.toISOString(), updated_at: now.toISOString() };
  const cols = Object.keys(row);
  ctx.db.prepare(`INSERT INTO documents (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}
