/**
 * The outbox payload a pratica's submit writes (store/README.md), checked at sync's boundary,
 * and the application body built from it for the portal.
 */
import { z } from 'zod';

export const CLIENT_REFERENCE_KEY = 'sportello_client_reference';

export const submissionSchema = z.object({
  serviceId: z.string().min(1).max(100),
  serviceSlug: z.string().min(1).max(100),
  citizenFiscalCode: z.string().regex(/^[A-Z0-9]{16}$/i),
  data: z.record(z.string(), z.unknown()),
  attachments: z
    .array(
      z.object({
        key: z.string().min(1).max(100),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        name: z.string().min(1).max(255),
        mimeType: z.string().min(3).max(200),
        size: z.number().int().positive(),
      }),
    )
    .max(100),
  submittedAt: z.string().min(1),
});
export type Submission = z.output<typeof submissionSchema>;
export type SubmissionFile = Submission['attachments'][number];

/** Uploads are remembered per file: the same bytes may fill two slots, so the slot is part of the key. */
export const fileKey = (f: SubmissionFile): string => `${f.key}:${f.sha256}`;

/**
 * The `data` of the application: the form's data, the applicant's fiscal code where the portal
 * finds the citizen, each slot's files as `[{data:{id}, ...}]`, and the client reference that
 * identifies this pratica if the create's reply is lost.
 */
export function applicationData(praticaId: string, s: Submission, uploadIds: Map<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = structuredClone(s.data);
  const applicant = (data.applicant ?? {}) as { data?: Record<string, unknown> };
  const inner = { ...(applicant.data ?? {}) };
  inner.fiscal_code = { data: { fiscal_code: s.citizenFiscalCode.toUpperCase() } };
  data.applicant = { ...applicant, data: inner };
  for (const f of s.attachments) {
    const list = Array.isArray(data[f.key]) ? (data[f.key] as unknown[]).filter((v) => (v as { data?: { id?: unknown } }).data?.id !== undefined) : [];
    list.push({ data: { id: uploadIds.get(fileKey(f)) }, name: f.name, originalName: f.name, fileType: f.mimeType, size: f.size });
    data[f.key] = list;
  }
  data[CLIENT_REFERENCE_KEY] = praticaId;
  return data;
}
