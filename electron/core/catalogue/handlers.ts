import type { catalogueCalls } from '../../shared/contract/catalogue';
import type { Handlers } from '../../shared/contract/define';
import type { Catalogue } from './catalogue';

export function catalogueHandlers(catalogue: Catalogue): Handlers<typeof catalogueCalls> {
  return {
    'catalogue.tenants': async () => catalogue.tenants(),
    'catalogue.tenant': async ({ tenant }) => catalogue.tenant(tenant),
    'catalogue.stemma': async ({ tenant }) => catalogue.stemma(tenant),
    'catalogue.list': async ({ tenant, topic, audience }) => catalogue.list(tenant, { topic, audience }),
    'catalogue.search': async ({ tenant, query, limit }) => catalogue.search(tenant, query, limit),
    'catalogue.get': async ({ tenant, service }) => catalogue.get(tenant, service),
    'catalogue.form': async ({ tenant, formId }) => catalogue.form(tenant, formId),
  };
}
