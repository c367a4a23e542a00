// Loads and parses every file of the demo catalogue once, for the tests of this folder.
import { join } from 'node:path';
import type { TenantFile } from '../../../electron/core/catalogue/format';
import { authoredService, authoredTenant, formSchema, type DemoService, type FormDefinition } from './authoring-rules';
import { jsonNames, readJson, tenantDir } from './support';

export interface DemoCatalogue {
  tenant: TenantFile;
  /** By file name (without .json). */
  services: Map<string, DemoService>;
  /** By file name (without .json). */
  forms: Map<string, FormDefinition>;
}

export function loadDemoCatalogue(): DemoCatalogue {
  const tenant = authoredTenant(readJson(join(tenantDir, 'tenant.json')));
  const services = new Map(jsonNames(join(tenantDir, 'services'))
    .map((name) => [name, authoredService(readJson(join(tenantDir, 'services', `${name}.json`)), name)] as const));
  const forms = new Map(jsonNames(join(tenantDir, 'forms'))
    .map((name) => [name, formSchema.parse(readJson(join(tenantDir, 'forms', `${name}.json`)))] as const));
  return { tenant, services, forms };
}

/** The 15 services the demo must offer (issue "Offline-first pratiche"). */
export const expectedServiceSlugs = [
  'iscrizione-mensa-scolastica', 'trasporto-scolastico', 'pre-post-scuola', 'cambio-residenza', 'albo-scrutatori',
  'albo-presidenti-seggio', 'iscrizione-asilo-nido', 'certificato-nascita', 'certificato-matrimonio', 'certificato-morte',
  'autocertificazione', 'richiesta-appuntamento', 'registro-associazioni', 'autorizzazione-eventi', 'iscrizione-biblioteca',
].sort();
