/** The portal's answers, parsed at the boundary: only the fields sync relies on, with bounds. */
import { z } from 'zod';

export const tokenSchema = z.object({ token: z.string().min(10).max(10_000) });

export const uploadCreatedSchema = z.object({ id: z.string().min(1).max(100), uri: z.url() });

const fileObjectSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(500).nullish(),
  originalName: z.string().max(500).nullish(),
  mime_type: z.string().max(200).nullish(),
});

const statusSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

export const applicationSchema = z.object({
  id: z.string().min(1).max(100),
  service_id: z.string().max(100).nullish(),
  status: statusSchema,
  data: z.record(z.string(), z.unknown()).nullish(),
  protocol_number: z.string().max(100).nullish(),
  protocol_folder_number: z.string().max(100).nullish(),
  protocolled_at: z.string().max(40).nullish(),
  outcome: z.boolean().nullish(),
  outcome_motivation: z.string().max(20_000).nullish(),
  outcome_file: fileObjectSchema.nullish(),
  outcome_attachments: z.array(fileObjectSchema).max(50).nullish(),
});
export type Application = z.output<typeof applicationSchema>;

export const applicationPageSchema = z.object({
  meta: z.object({ count: z.number().int().nonnegative() }),
  data: z.array(applicationSchema).max(100),
});

export const historySchema = z
  .array(z.object({ status: statusSchema, message: z.string().max(20_000).nullish(), date: z.string().min(1).max(40) }))
  .max(1000);

export const servicesSchema = z.array(z.record(z.string(), z.unknown())).max(2000);
