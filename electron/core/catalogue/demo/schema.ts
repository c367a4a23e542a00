// Zod schemas of the catalogue directory format (docs/catalogue-format.md). They check the bundled demo
// catalogue in tests and can parse any catalogue directory at the boundary, since a directory written by
// hand or cached from a portal is external input like any other.
import { z } from 'zod';

/** Texts are rendered without innerHTML, so markup in them would show up verbatim: forbid it. */
const plainText = z
  .string()
  .refine((text) => !/<\/?[a-z][^>]*>/i.test(text), { message: 'Testo con marcatura HTML: deve essere testo semplice' });
const nonEmptyText = plainText.refine((text) => text.trim().length > 0, { message: 'Testo vuoto' });
const uuid = z.uuid();
const isoDate = z.iso.date();
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug non valido');

export const tenantSchema = z.strictObject({
  id: uuid,
  slug,
  name: nonEmptyText,
  codiceIstat: z.string().regex(/^\d{6}$/),
  aoo: z.strictObject({ code: z.string().min(1), name: nonEmptyText, pec: z.email() }),
  address: nonEmptyText,
  topics: z.array(z.strictObject({ id: uuid, slug, name: nonEmptyText })).min(1),
  audiences: z.array(z.strictObject({ id: uuid, slug, name: nonEmptyText, serviceSlugs: z.array(slug).min(1) })),
  avvisi: z.array(z.strictObject({ id: uuid, title: nonEmptyText, text: nonEmptyText, date: isoDate })),
  scadenze: z.array(z.strictObject({ id: uuid, title: nonEmptyText, date: isoDate, serviceSlug: slug.optional() })),
  faq: z.array(z.strictObject({ id: uuid, question: nonEmptyText, answer: nonEmptyText, serviceSlug: slug.optional() })),
  offices: z.array(z.strictObject({ id: uuid, name: nonEmptyText, address: nonEmptyText, hours: nonEmptyText })).min(1),
  termsOfUse: z.strictObject({ version: z.string().min(1), text: nonEmptyText }),
});
export type Tenant = z.infer<typeof tenantSchema>;

export const flowStepSchema = z.strictObject({
  identifier: z.string().min(1),
  title: nonEmptyText,
  type: z.literal('formio'),
  description: plainText,
  guide: plainText,
  parameters: z.strictObject({ formio_id: z.string().min(1), url: z.url() }),
});

export const attachmentSpecSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: nonEmptyText,
  description: plainText,
  required: z.boolean(),
  mimeTypes: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/)).min(1),
  maxSizeMb: z.number().positive().max(100),
  pdfa: z.boolean(),
});
export type AttachmentSpec = z.infer<typeof attachmentSpecSchema>;

const paymentParametersSchema = z.strictObject({
  total_amounts: z.string().regex(/^\d+\.\d{2}$/, 'Importo nel formato 25.00'),
  reason: nonEmptyText,
});

export const serviceSchema = z
  .strictObject({
    id: uuid,
    name: nonEmptyText,
    slug,
    identifier: z.string().min(1),
    tenant: uuid,
    topics: uuid,
    description: nonEmptyText,
    short_description: nonEmptyText,
    howto: nonEmptyText,
    how_to_do: nonEmptyText,
    what_you_need: nonEmptyText,
    what_you_get: nonEmptyText,
    costs: nonEmptyText,
    who: nonEmptyText,
    conditions: plainText,
    compilation_info: plainText,
    final_indications: plainText,
    response_type: z.string().min(1),
    flow_steps: z.array(flowStepSchema).min(1),
    protocol_required: z.boolean(),
    payment_required: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    payment_parameters: paymentParametersSchema.nullable(),
    sticky: z.boolean(),
    status: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    access_level: z.number().int().min(0),
    allow_reopening: z.boolean(),
    allow_withdraw: z.boolean(),
    allow_integration_request: z.boolean(),
    workflow: z.union([z.literal(0), z.literal(1)]),
    max_response_time: z.number().int().positive(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
    x_sportello_attachments: z.array(attachmentSpecSchema).optional(),
    x_sportello_multiple_drafts: z.boolean().optional(),
  })
  // A payment needs an amount and a reason to show; a free service must not carry stale ones.
  .refine((s) => (s.payment_required === 0) === (s.payment_parameters === null), {
    message: 'payment_parameters presenti solo quando payment_required è 1 o 2',
    path: ['payment_parameters'],
  });
export type Service = z.infer<typeof serviceSchema>;

/** Form.io core component types the demo forms may use; anything else would need a renderer plug-in. */
export const coreComponentTypes = [
  'textfield', 'textarea', 'number', 'email', 'phoneNumber', 'select', 'radio', 'selectboxes', 'checkbox',
  'datetime', 'day', 'currency', 'datagrid', 'editgrid', 'panel', 'fieldset', 'columns', 'htmlelement',
  'content', 'form', 'hidden',
  // OpenCity's file component: the service's attachment slots and the signed module, where the portal links files.
  'sdcfile',
] as const;
export type CoreComponentType = (typeof coreComponentTypes)[number];

export interface FormComponent {
  type: CoreComponentType;
  key: string;
  form?: string;
  content?: string;
  html?: string;
  components?: FormComponent[];
  columns?: { components: FormComponent[]; [k: string]: unknown }[];
  [k: string]: unknown;
}

export const formComponentSchema: z.ZodType<FormComponent> = z.lazy(() =>
  z
    .looseObject({
      type: z.enum(coreComponentTypes),
      key: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Chiave di componente non valida'),
      form: z.string().min(1).optional(),
      content: plainText.optional(),
      html: plainText.optional(),
      components: z.array(formComponentSchema).optional(),
      columns: z.array(z.looseObject({ components: z.array(formComponentSchema) })).optional(),
    })
    .refine((c) => c.type !== 'form' || c.form !== undefined, { message: 'Componente "form" senza id del modulo' }),
);

export const formSchema = z.strictObject({
  _id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: nonEmptyText,
  name: z.string().min(1),
  path: z.string().min(1),
  display: z.enum(['form', 'wizard']),
  components: z.array(formComponentSchema).min(1),
});
export type FormDefinition = z.infer<typeof formSchema>;
