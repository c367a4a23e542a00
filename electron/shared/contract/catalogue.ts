/** Calls about a comune's catalogue: its services, topics, audiences, notices and Form.io forms. */
import { z } from 'zod';
import { call } from './define';

export const tenantSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);
export const serviceSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);
const formIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export const serviceSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  shortDescription: z.string(),
  topic: z.object({ slug: z.string(), name: z.string() }).nullable(),
  paymentRequired: z.boolean(),
  accessLevel: z.number().int(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

/** An attachment a service asks for, as a screen shows it; a pratica's slot adds its files (pratiche.ts). */
export const attachmentSpecViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  /** Always required; `requiredWhen` names the case when it is required only then. */
  required: z.boolean(),
  requiredWhen: z.string().nullable(),
  mimeTypes: z.array(z.string()),
  /** The accepted formats as a citizen names them ("PDF", "JPG"), from core's one list of file types. */
  formati: z.array(z.string()),
  maxSizeMb: z.number(),
  pdfa: z.boolean(),
});

export const serviceDetailSchema = serviceSummarySchema.extend({
  id: z.string(),
  status: z.number().int(),
  texts: z.object({
    description: z.string(),
    howto: z.string(),
    howToDo: z.string(),
    whatYouNeed: z.string(),
    whatYouGet: z.string(),
    costs: z.string(),
    who: z.string(),
    conditions: z.string(),
    compilationInfo: z.string(),
    finalIndications: z.string(),
  }),
  maxResponseTimeDays: z.number().int().nullable(),
  payment: z.object({ mode: z.enum(['nessuno', 'immediato', 'differito']), amount: z.string().nullable(), reason: z.string().nullable() }),
  flowSteps: z.array(z.object({ identifier: z.string(), title: z.string(), description: z.string(), guide: z.string(), formId: z.string().nullable() })),
  attachments: z.array(attachmentSpecViewSchema),
  multipleDrafts: z.boolean(),
  similar: z.array(serviceSummarySchema),
  faq: z.array(z.object({ question: z.string(), answer: z.string() })),
  scadenze: z.array(z.object({ title: z.string(), date: z.string() })),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;

export const tenantViewSchema = z.object({
  slug: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  topics: z.array(z.object({ slug: z.string(), name: z.string(), services: z.number().int() })),
  audiences: z.array(z.object({ slug: z.string(), name: z.string() })),
  avvisi: z.array(z.object({ title: z.string(), text: z.string(), date: z.string() })),
  scadenze: z.array(z.object({ title: z.string(), date: z.string(), serviceSlug: z.string().nullable() })),
  faq: z.array(z.object({ question: z.string(), answer: z.string(), serviceSlug: z.string().nullable() })),
  offices: z.array(z.object({ name: z.string(), address: z.string().nullable(), hours: z.string().nullable() })),
  termsVersion: z.string().nullable(),
});
export type TenantView = z.infer<typeof tenantViewSchema>;

/**
 * The comune's coat of arms as the page shows it: a PNG or JPEG as a `data:` URL, checked by core
 * (catalogue/stemma.ts) and again here, so nothing else reaches an `<img>`; null without one.
 */
export const stemmaViewSchema = z
  .object({ immagine: z.string().max(360_000).regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/) })
  .nullable();
export type StemmaView = z.infer<typeof stemmaViewSchema>;

export const formViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  display: z.enum(['form', 'wizard']),
  /** Form.io components, nested forms inlined, custom JavaScript removed. */
  components: z.array(z.record(z.string(), z.unknown())),
  unsupported: z.array(z.object({ path: z.string(), type: z.string() })),
});
export type FormView = z.infer<typeof formViewSchema>;

export const catalogueCalls = {
  'catalogue.tenants': call(z.object({}).strict(), z.array(z.object({ slug: z.string(), name: z.string() }))),
  'catalogue.tenant': call(z.object({ tenant: tenantSlugSchema }).strict(), tenantViewSchema),
  'catalogue.stemma': call(z.object({ tenant: tenantSlugSchema }).strict(), stemmaViewSchema),
  'catalogue.list': call(
    z.object({ tenant: tenantSlugSchema, topic: z.string().max(100).optional(), audience: z.string().max(100).optional() }).strict(),
    z.array(serviceSummarySchema),
  ),
  'catalogue.search': call(
    z.object({ tenant: tenantSlugSchema, query: z.string().max(200), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    z.array(serviceSummarySchema),
  ),
  'catalogue.get': call(z.object({ tenant: tenantSlugSchema, service: serviceSlugSchema }).strict(), serviceDetailSchema),
  'catalogue.form': call(z.object({ tenant: tenantSlugSchema, formId: formIdSchema }).strict(), formViewSchema),
};
