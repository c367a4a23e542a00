/**
 * A tenant's catalogue directory (docs/catalogue-format.md) as the reference portal holds it:
 * the services as a back office would have configured them, and their forms on the form
 * server. Only what the portal's behaviour needs is checked; `service-dto.ts` turns a service into
 * what the real API serialises.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const tenantSchema = z.looseObject({
  id: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  topics: z.array(z.looseObject({ id: z.string(), slug: z.string(), name: z.string() })).default([]),
  audiences: z.array(z.looseObject({ id: z.string(), slug: z.string(), name: z.string(), serviceSlugs: z.array(z.string()).default([]) })).default([]),
  offices: z.array(z.looseObject({ id: z.string(), name: z.string() })).default([]),
});

const serviceSchema = z.looseObject({
  id: z.string().min(1),
  slug: z.string().min(1),
  identifier: z.string().min(1),
  name: z.string().min(1),
  status: z.number().int(),
  updated_at: z.string().min(1),
  protocol_required: z.boolean().optional(),
  flow_steps: z.array(z.looseObject({ parameters: z.looseObject({ formio_id: z.string().min(1) }) })),
});

/**
 * A form as the form server holds it. The portal's built-in forms (`assets/app/schemas/*.json`) carry
 * no `_id` in the repository: the form server gives one on import and also answers by `path`
 * (formio's alias routes), so such a form is known by its path here.
 */
const formSchema = z
  .looseObject({ _id: z.string().min(1).optional(), path: z.string().min(1).optional(), components: z.array(z.unknown()) })
  .refine((f) => f._id ?? f.path, 'un modulo senza _id né path')
  .transform((f): { _id: string; components: unknown[]; [key: string]: unknown } => ({ ...f, _id: (f._id ?? f.path)! }));

export type CatalogueTenant = z.infer<typeof tenantSchema>;
export type CatalogueService = z.infer<typeof serviceSchema>;
export type CatalogueForm = z.output<typeof formSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Catalogue {
  tenant: CatalogueTenant;
  services: Map<string, CatalogueService>;
  forms: Map<string, CatalogueForm>;
  /** A uuid is looked up as id, anything else as `identifier` (ApplicationsAPIController::postApplicationAction, getServiceAction). */
  byIdOrIdentifier(key: string): CatalogueService | undefined;
  /** The list's `service` filter is a slug (ApplicationsAPIController::getApplicationsAction). */
  bySlug(slug: string): CatalogueService | undefined;
  /** Replaces a service's fields and bumps `updated_at` (tests: "the comune changed the form"). */
  updateService(id: string, patch: Record<string, unknown>, at: Date): CatalogueService;
  putForm(form: CatalogueForm): void;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

export function loadCatalogue(dir: string): Catalogue {
  const tenant = tenantSchema.parse(readJson(join(dir, 'tenant.json')));
  const services = new Map<string, CatalogueService>();
  for (const file of jsonFiles(join(dir, 'services'))) {
    const service = serviceSchema.parse(readJson(file));
    services.set(service.id, service);
  }
  const forms = new Map<string, CatalogueForm>();
  for (const file of jsonFiles(join(dir, 'forms'))) {
    const form = formSchema.parse(readJson(file));
    forms.set(form._id, form);
  }
  if (services.size === 0) throw new Error(`catalogo ${dir}: nessun servizio in services/`);
  return {
    tenant,
    services,
    forms,
    byIdOrIdentifier: (key) => (UUID.test(key) ? services.get(key) : [...services.values()].find((s) => s.identifier === key)),
    bySlug: (slug) => [...services.values()].find((s) => s.slug === slug),
    updateService(id, patch, at) {
      const current = services.get(id);
      if (!current) throw new Error(`servizio ${id} sconosciuto`);
      const next = serviceSchema.parse({ ...current, ...patch, updated_at: at.toISOString() });
      services.set(id, next);
      return next;
    },
    putForm(form) {
      forms.set(form._id, formSchema.parse(form));
    },
  };
}
