// Loads and parses every file of the demo catalogue once, for the tests of this folder.
import { join } from 'node:path';
import {
  formSchema, serviceSchema, tenantSchema, type FormDefinition, type Service, type Tenant,
} from '../../../electron/core/catalogue/demo/schema';
import { jsonNames, readJson, tenantDir } from './support';

export interface DemoCatalogue {
  tenant: Tenant;
  /** By file name (without .json). */
  services: Map<string, Service>;
  /** By file name (without .json). */
  forms: Map<string, FormDefinition>;
}

export function loadDemoCatalogue(): DemoCatalogue {
  const tenant = tenantSchema.parse(readJson(join(tenantDir, 'tenant.json')));
  const services = new Map(jsonNames(join(tenantDir, 'services'))
    .map((name) => [name, serviceSchema.parse(readJson(join(tenantDir, 'services', `${name}.json`)))] as const));
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
