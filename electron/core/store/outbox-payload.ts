/**
 * What a pratica's submit puts in the outbox, and what sync reads back: one schema for both
 * sides (README.md, "Outbox"), so a field the submit writes cannot be silently dropped by the
 * reader. The submit types its payload with `OutboxPayload`; sync parses it at its boundary
 * (a row written by an older version, or damaged, is refused with a message, never guessed).
 */
import { z } from 'zod';

/** The status a submit gives the pratica in the same transaction as the outbox row (Pratica::STATUS_SUBMITTED). */
export const STATUS_SUBMITTED = 1900;

export const payloadAttachmentSchema = z.object({
  key: z.string().min(1).max(100),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1).max(255),
  mimeType: z.string().min(3).max(200),
  size: z.number().int().positive(),
});

export const outboxPayloadSchema = z.object({
  serviceId: z.string().min(1).max(100),
  serviceSlug: z.string().min(1).max(100),
  citizenFiscalCode: z.string().regex(/^[A-Z0-9]{16}$/i),
  /** The desk operator who opened the pratica for the citizen, or null when the citizen did. */
  openedBy: z.string().max(64).nullable().default(null),
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(payloadAttachmentSchema).max(100),
  submittedAt: z.string().min(1),
});

export type OutboxPayload = z.input<typeof outboxPayloadSchema>;
export type PayloadAttachment = z.output<typeof payloadAttachmentSchema>;
