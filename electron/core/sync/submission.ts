/**
 * The outbox payload a pratica's submit writes (store/README.md), checked at sync's boundary,
 * and the application body built from it for the portal.
 */
import type { z } from 'zod';
import { outboxPayloadSchema } from '../store/outbox-payload';

export const CLIENT_REFERENCE_KEY = 'sportello_client_reference';

/** The payload as sync reads it: the submit's own schema (store/outbox-payload.ts). */
export const submissionSchema = outboxPayloadSchema;
export type Submission = z.output<typeof submissionSchema>;
export type SubmissionFile = Submission['attachments'][number];

/** Uploads are remembered per file: the same bytes may fill two slots, so the slot is part of the key. */
export const fileKey = (f: SubmissionFile): string => `${f.key}:${f.sha256}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The list of files under a dotted key path of `data` (nested forms: `parent.data.child`), created as needed. */
function filesAt(data: Record<string, unknown>, path: string, fresh: Set<string>): unknown[] {
  const parts = path.split('.');
  let node = data;
  for (const part of parts.slice(0, -1)) {
    if (!isRecord(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts.at(-1)!;
  // What the form held under that key is replaced, once, by the files actually uploaded.
  if (!fresh.has(path) || !Array.isArray(node[last])) {
    node[last] = [];
    fresh.add(path);
  }
  return node[last] as unknown[];
}

/**
 * The `data` of the application: the form's data, the applicant's fiscal code where the portal
 * finds the citizen (PraticaManager::checkUser), each slot's files under the slot's key in the
 * file object shape of OpenCity's `sdcfile` component (`data.id` is what the portal links;
 * `fileType` becomes the attachment's description, so it carries the slot's label, not a MIME
 * type), and the client reference that identifies this pratica if the create's reply is lost.
 */
export function applicationData(praticaId: string, s: Submission, uploadIds: Map<string, string>, labels: (key: string) => string | undefined = () => undefined): Record<string, unknown> {
  const data: Record<string, unknown> = structuredClone(s.data);
  const applicant = (data.applicant ?? {}) as { data?: Record<string, unknown> };
  const inner = { ...(applicant.data ?? {}) };
  inner.fiscal_code = { data: { fiscal_code: s.citizenFiscalCode.toUpperCase() } };
  data.applicant = { ...applicant, data: inner };
  const fresh = new Set<string>();
  for (const f of s.attachments) {
    const id = uploadIds.get(fileKey(f));
    filesAt(data, f.key, fresh).push({
      storage: 'url',
      name: f.name,
      originalName: f.name,
      size: f.size,
      type: f.mimeType,
      mime_type: f.mimeType,
      fileType: labels(f.key) ?? f.name,
      protocol_required: true,
      data: { id },
    });
  }
  data[CLIENT_REFERENCE_KEY] = praticaId;
  return data;
}
