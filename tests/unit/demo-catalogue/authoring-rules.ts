/**
 * The demo catalogue's authoring rules: first the catalogue format exactly as the app reads it
 * (electron/core/catalogue/format.ts), so the demo can never pass a rule the app does not apply;
 * then what our own files promise on top of it: no field the app would drop unread, ids that are
 * UUIDs, every text plain and, where the citizen reads it, not empty, and the tenant's optional
 * parts all present. Forms have no schema in the app (forms/form-json.ts checks their size and
 * depth only): their rules here are ours alone.
 */
import { z } from 'zod';
import { serviceFileSchema, tenantFileSchema, type ServiceFile, type TenantFile } from '../../../electron/core/catalogue/format';

/** Texts are rendered without innerHTML, so markup in them would show up verbatim. */
const markup = /<\/?[a-z][^>]*>/i;
const plainText = z.string().refine((text) => !markup.test(text), { message: 'Testo con marcatura HTML: deve essere testo semplice' });
const nonEmptyText = plainText.refine((text) => text.trim().length > 0, { message: 'Testo vuoto' });
const uuid = z.uuid();
const demoSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug non valido');
const withId = z.looseObject({ id: uuid });

/** Texts a service may leave empty (the portal's optional sections); every other text is shown to the citizen. */
const MAY_BE_EMPTY = new Set(['conditions', 'compilation_info', 'final_indications', 'description', 'guide']);

/** Paths of `raw` that the app's parsing dropped: fields it does not know, that would be ignored in silence. */
function dropped(raw: unknown, parsed: unknown, path: string): string[] {
  if (Array.isArray(raw)) return raw.flatMap((item, i) => dropped(item, Array.isArray(parsed) ? parsed[i] : undefined, `${path}[${i}]`));
  if (raw === null || typeof raw !== 'object') return [];
  const kept = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  return Object.entries(raw).flatMap(([key, value]) => (key in kept ? dropped(value, kept[key], `${path}.${key}`) : [`${path}.${key}`]));
}

/** Every string of the file, with where it is. */
function texts(raw: unknown, path: string): { path: string; key: string; text: string }[] {
  if (typeof raw === 'string') return [{ path, key: path.replace(/^.*\./, '').replace(/\[\d+\]$/, ''), text: raw }];
  if (Array.isArray(raw)) return raw.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (raw === null || typeof raw !== 'object') return [];
  return Object.entries(raw).flatMap(([key, value]) => texts(value, `${path}.${key}`));
}

function authored<T>(format: z.ZodType<T>, extra: z.ZodType, name: string, raw: unknown): T {
  const parsed = format.parse(raw);
  const problems = dropped(raw, parsed, name).map((p) => `${p}: campo sconosciuto all'app`);
  for (const { path, key, text } of texts(raw, name)) {
    if (markup.test(text)) problems.push(`${path}: testo con marcatura HTML`);
    else if (text.trim() === '' && !MAY_BE_EMPTY.has(key)) problems.push(`${path}: testo vuoto`);
  }
  const more = extra.safeParse(raw);
  if (!more.success) problems.push(...more.error.issues.map((i) => `${name}.${i.path.join('.')}: ${i.message}`));
  if (problems.length > 0) throw new Error(`regole del catalogo dimostrativo non rispettate:\n${problems.join('\n')}`);
  return parsed;
}

const tenantExtra = z.looseObject({
  id: uuid,
  slug: demoSlug,
  codiceIstat: z.string(),
  aoo: z.looseObject({ code: z.string().min(1), name: nonEmptyText, pec: z.email() }),
  address: nonEmptyText,
  topics: z.array(withId.extend({ slug: demoSlug })).min(1),
  audiences: z.array(withId.extend({ slug: demoSlug })),
  avvisi: z.array(withId.extend({ date: z.iso.date() })),
  scadenze: z.array(withId.extend({ date: z.iso.date() })),
  faq: z.array(withId),
  offices: z.array(withId.extend({ address: nonEmptyText, hours: nonEmptyText })).min(1),
  termsOfUse: z.looseObject({ version: z.string().min(1), text: nonEmptyText }),
});

const serviceExtra = z
  .looseObject({
    id: uuid,
    slug: demoSlug,
    tenant: uuid,
    topics: uuid,
    identifier: z.string().min(1),
    // What the service page shows: written for each service, in plain words.
    ...Object.fromEntries(['description', 'short_description', 'howto', 'how_to_do', 'what_you_need', 'what_you_get', 'costs', 'who'].map((k) => [k, nonEmptyText])),
    ...Object.fromEntries(['conditions', 'compilation_info', 'final_indications'].map((k) => [k, plainText])),
    flow_steps: z.array(z.looseObject({ type: z.literal('formio'), parameters: z.looseObject({ formio_id: z.string().min(1), url: z.url() }) })).min(1),
    payment_parameters: z.looseObject({ total_amounts: z.string().regex(/^\d+\.\d{2}$/, 'Importo nel formato 25.00') }).nullable(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  // A payment needs an amount and a reason to show; a free service must not carry stale ones.
  .refine((s) => (s['payment_required'] === 0) === (s['payment_parameters'] === null), {
    message: 'payment_parameters presenti solo quando payment_required è 1 o 2',
    path: ['payment_parameters'],
  });

export const authoredTenant = (raw: unknown): TenantFile => authored(tenantFileSchema, tenantExtra, 'tenant', raw);
/** A service as the rules above leave it: what the format lets be absent is there. */
export type DemoService = Omit<ServiceFile, 'identifier' | 'tenant' | 'topics' | 'flow_steps'> & {
  identifier: string;
  tenant: string;
  topics: string;
  flow_steps: (ServiceFile['flow_steps'][number] & { parameters: { formio_id: string; url: string } })[];
};
// The cast states what serviceExtra has just checked.
export const authoredService = (raw: unknown, name = 'service'): DemoService => authored(serviceFileSchema, serviceExtra, name, raw) as DemoService;

/** Form.io core component types the demo forms may use; anything else would need a renderer plug-in. */
const coreComponentTypes = [
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

const formComponentSchema: z.ZodType<FormComponent> = z.lazy(() =>
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
