/**
 * A comune's areas, "Io sono...", offices and coat of arms from the portal's own lists (categories, recipients,
 * user groups), so a kiosk on a real portal shows what the demo shows. What the API has no place
 * for (notices, deadlines, FAQ, terms of use) stays as the cached tenant has it.
 */
import { serviceText } from '../catalogue/html-text';
import { tenantFileSchema, type ServiceFile, type TenantFile } from '../catalogue/format';
import type { Logger } from '../log/logger';
import type { PortalClient } from './portal-port';
import { stemmaFromPortal } from './portal-stemma';

const SLUG = /^[a-z0-9][a-z0-9_-]{0,254}$/;
const slugOf = (name: string, id: string): string => {
  const made = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return SLUG.test(made) ? made : `r-${id.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 40)}`;
};
const line = (s: string | null | undefined, max = 300) => (s ? serviceText(s).replace(/\s+/g, ' ').trim().slice(0, max) : undefined);

export async function tenantFromPortal(portal: PortalClient, current: TenantFile, services: ServiceFile[], log?: Logger): Promise<TenantFile> {
  const [categories, recipients, groups, stemma] = await Promise.all([
    portal.listCategories(),
    portal.listRecipients(),
    portal.listUserGroups(),
    stemmaFromPortal(portal, current.stemma, log),
  ]);
  return tenantFileSchema.parse({
    ...current,
    topics: categories.filter((c) => SLUG.test(c.slug)).map((c) => ({ id: c.id, slug: c.slug, name: c.name.slice(0, 300) })),
    audiences: recipients.map((r) => ({
      id: r.id,
      slug: r.slug && SLUG.test(r.slug) ? r.slug : slugOf(r.name, r.id),
      name: r.name.slice(0, 300),
      serviceSlugs: services.filter((s) => s.recipients_id.includes(r.id)).map((s) => s.slug),
    })),
    offices: groups.map((g) => ({ id: g.id, name: g.name.slice(0, 300), address: line(g.more_info), hours: line(g.short_description) })),
    stemma,
  });
}
