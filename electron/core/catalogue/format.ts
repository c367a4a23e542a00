/**
 * The catalogue as it arrives, from a catalogue directory (docs/catalogue-format.md) or
 * the portal's API (src/Dto/ServiceDto.php of the real portal): parsed with bounds, and only
 * what the app uses is required, so one odd field of a real service does not refuse it.
 * Unknown fields are dropped.
 */
import { z } from 'zod';
import { serviceText } from './html-text';
import { stemmaSchema } from './stemma';

const id = z.string().min(1).max(100);
/** The portal's slugs are up to 255 characters (Servizio::$slug). */
const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,254}$/, 'slug: minuscole, cifre e trattini');
const line = z.string().max(300);
/** Plain text with blank-line paragraphs; HTML from the portal is turned into it; null means empty. */
const text = z
  .string()
  .max(200_000)
  .nullish()
  .transform((v) => serviceText(v ?? '').slice(0, 20_000));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

export const tenantFileSchema = z.object({
  id,
  slug,
  name: line.min(1),
  codiceIstat: z.string().regex(/^\d{6}$/).optional(),
  aoo: z.object({ code: line, name: line, pec: line }).optional(),
  address: line.optional(),
  topics: z.array(z.object({ id, slug, name: line.min(1) })).max(200).default([]),
  audiences: z.array(z.object({ id, slug, name: line.min(1), serviceSlugs: z.array(slug).max(500).default([]) })).max(100).default([]),
  avvisi: z.array(z.object({ id, title: line, text, date })).max(500).default([]),
  scadenze: z.array(z.object({ id, title: line, date, serviceSlug: slug.optional() })).max(500).default([]),
  faq: z.array(z.object({ id, question: z.string().max(1000), answer: text, serviceSlug: slug.optional() })).max(1000).default([]),
  offices: z.array(z.object({ id, name: line, address: line.optional(), hours: line.optional() })).max(200).default([]),
  termsOfUse: z.object({ version: z.string().min(1).max(40), text: z.string().min(1).max(50_000) }).optional(),
  /** The coat of arms from the portal's `meta.logo`, kept for offline (stemma.ts). */
  stemma: stemmaSchema.optional(),
});
export type TenantFile = z.infer<typeof tenantFileSchema>;

const flowStepSchema = z.object({
  identifier: z.string().min(1).max(100),
  /** Steps made by the portal's back-office template carry no title. */
  title: line.nullish().transform((v) => v ?? ''),
  type: z.string().max(40),
  description: text,
  guide: text,
  /** `url` is the form server's base, `<FORMSERVER_PUBLIC_URL>/form/` (ServiceDto::prepareFlowSteps). */
  parameters: z.object({ formio_id: id.optional(), url: z.string().max(2000).optional() }).nullish().transform((v) => v ?? {}),
});
export type FlowStep = z.infer<typeof flowStepSchema>;

/** JSON Logic is plain data: an object with one operator, bounded like the rest of the catalogue. */
const jsonLogicSchema = z
  .record(z.string(), z.unknown())
  .refine((v) => Object.keys(v).length === 1, 'una condizione JSON Logic ha un solo operatore')
  .refine((v) => JSON.stringify(v).length <= 5000, 'condizione troppo lunga');

const requiredWhenSchema = z.object({ when: jsonLogicSchema, text: line.min(1) });

export const attachmentSpecSchema = z.object({
  /** Where the files go in the application's data: a `file`/`sdcfile` component's key, dotted inside nested forms. */
  key: z.string().max(200).regex(/^[A-Za-z0-9_-]{1,60}(\.[A-Za-z0-9_-]{1,60})*$/),
  label: line.min(1),
  description: text,
  required: z.boolean().default(false),
  /**
   * Required only in a case the form's data tells: `when` is JSON Logic over the pratica's
   * data (as a Form.io `conditional.json`: `{"var": "data.figli"}`), `text` the case in the citizen's words, to follow
   * "Obbligatorio se" ("chiedi una dieta per motivi di salute"). Ignored when `required`.
   */
  requiredWhen: requiredWhenSchema.nullish().transform((v) => v ?? null),
  mimeTypes: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/)).min(1).max(20),
  maxSizeMb: z.number().positive().max(100),
  pdfa: z.boolean().default(false),
});
export type AttachmentSpec = z.infer<typeof attachmentSpecSchema>;

/** The portal serialises `payment_parameters` as `[]` unless set (ServiceDto::fromEntity): no parameters. */
const paymentParametersSchema = z.union([
  z.array(z.unknown()).max(0).transform(() => null),
  z.looseObject({ total_amounts: z.union([z.string().max(20), z.number().transform(String)]).optional(), reason: line.optional() }),
]);

const idList = z.array(z.string().max(100)).max(200).nullish().transform((v) => v ?? []);

const serviceObjectSchema = z.object({
  id,
  name: line.min(1),
  slug,
  identifier: z.string().max(255).nullish(),
  tenant: z.string().max(100).nullish(),
  /** Our catalogues: the topic's id. The portal: the category's slug, its id in `topics_id`. */
  topics: z.string().max(255).nullish(),
  topics_id: z.string().max(100).nullish(),
  recipients: z.array(z.string().max(300)).max(200).nullish().transform((v) => v ?? []),
  recipients_id: idList,
  user_group_ids: idList,
  description: text,
  short_description: text,
  howto: text,
  how_to_do: text,
  what_you_need: text,
  what_you_get: text,
  costs: text,
  who: text,
  conditions: text,
  compilation_info: text,
  final_indications: text,
  response_type: z.string().max(100).nullish(),
  flow_steps: z.array(flowStepSchema).max(30).nullish().transform((v) => v ?? []),
  protocol_required: z.boolean().nullish(),
  payment_required: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullish().transform((v) => v ?? 0),
  payment_parameters: paymentParametersSchema.nullish().transform((v) => v ?? null),
  sticky: z.boolean().nullish(),
  status: z.number().int().min(0).max(10),
  access_level: z.number().int().min(0).max(10_000).nullish(),
  allow_reopening: z.boolean().nullish(),
  allow_withdraw: z.boolean().nullish(),
  allow_integration_request: z.boolean().nullish(),
  workflow: z.number().int().nullish(),
  max_response_time: z.number().int().min(0).max(3650).nullish(),
  created_at: z.string().max(40).nullish(),
  updated_at: z.string().max(40).nullish(),
  x_sportello_attachments: z.array(attachmentSpecSchema).max(30).default([]),
  x_sportello_multiple_drafts: z.boolean().default(false),
});

/** `topics` always names the topic by id once parsed, whichever source the service came from. */
export const serviceFileSchema = serviceObjectSchema.transform(({ topics_id, ...s }) => ({ ...s, topics: topics_id ?? s.topics ?? null }));
export type ServiceFile = z.output<typeof serviceFileSchema>;
