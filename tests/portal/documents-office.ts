/**
 * OURS: the back office giving a citizen a document over the real API, as an operator would:
 * the citizen's folder (`GET /api/folders?cf=&title=`, else `POST /api/folders`), then `POST
 * /api/documents` with the file in base64 (DocumentAPIType: `file` decoded, hence stored). The
 * citizen's id comes from our database (the real office reads it from `GET /api/users?cf=`, not
 * reproduced). Answers are `{status, body}` as in office.ts; `giveDocument` throws on a refusal.
 */
import { createHash } from 'node:crypto';
import { citizenByFiscalCode } from './accounts';
import type { Office, OfficeAnswer } from './office';
import type { Portal } from './server';

export interface DocumentSpec {
  title: string;
  /** `original_filename`, with its extension. */
  name: string;
  mimeType: string;
  bytes: Buffer;
  /** The folder it goes in, created for the citizen when missing; "Documenti" by default. */
  folderTitle?: string;
  description?: string;
}

/** The portal's id of the citizen with this fiscal code (created when an application names them). */
export function citizenId(portal: Portal, fiscalCode: string): string {
  const c = citizenByFiscalCode(portal.db, fiscalCode);
  if (!c) throw new Error(`portale: nessun cittadino ${fiscalCode}`);
  return c.id;
}

export const createFolder = (office: Office, owner: string, title: string): Promise<OfficeAnswer> => office.call('POST', '/folders', { title, owner });

/** The body of `POST /api/documents` for these bytes: md5 left to the portal, the file in plain base64. */
export const documentBody = (owner: string, folder: string, spec: DocumentSpec): Record<string, unknown> => ({
  owner,
  folder,
  title: spec.title,
  original_filename: spec.name,
  mime_type: spec.mimeType,
  file: spec.bytes.toString('base64'),
  ...(spec.description === undefined ? {} : { description: spec.description }),
});

export const createDocument = (office: Office, body: unknown): Promise<OfficeAnswer> => office.call('POST', '/documents', body);

/** Folder found or made, document posted: the 201 body (the Document as the API serialises it). */
export async function giveDocument(portal: Portal, office: Office, fiscalCode: string, spec: DocumentSpec): Promise<Record<string, unknown> & { id: string; md5: string }> {
  const owner = citizenId(portal, fiscalCode);
  const title = spec.folderTitle ?? 'Documenti';
  const found = await office.call('GET', `/folders?cf=${encodeURIComponent(fiscalCode)}&title=${encodeURIComponent(title)}`);
  let folder = (found.body as { id: string }[] | null)?.[0]?.id;
  if (!folder) {
    const made = await createFolder(office, owner, title);
    if (made.status !== 201) throw new Error(`portale: cartella rifiutata (${made.status}) ${JSON.stringify(made.body)}`);
    folder = (made.body as { id: string }).id;
  }
  const res = await createDocument(office, documentBody(owner, folder, spec));
  if (res.status !== 201) throw new Error(`portale: documento rifiutato (${res.status}) ${JSON.stringify(res.body)}`);
  const doc = res.body as Record<string, unknown> & { id: string; md5: string };
  if (doc.md5 !== createHash('md5').update(spec.bytes).digest('hex')) throw new Error('portale: md5 del documento diverso');
  return doc;
}
