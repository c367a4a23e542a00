/**
 * Reads a catalogue directory (docs/catalogue-format.md): tenant.json, services/*.json,
 * forms/*.json. Every file is size-capped and parsed before anything is stored; an
 * error names the file, so whoever authored it can fix it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DomainError } from '../errors';
import { serviceFileSchema, tenantFileSchema } from './format';
import { FORM_LIMITS, FormError, parseFormJson, type FormDocument } from './forms/form-json';
import type { CatalogueSource } from './import';

const MAX_JSON_BYTES = 1_000_000;
const MAX_FILES = 2000;

function readJsonFile(path: string, maxBytes: number): string {
  if (statSync(path).size > maxBytes) throw new DomainError('catalogo-non-valido', `Il file ${path} è troppo grande.`);
  return readFileSync(path, 'utf8');
}

function parseWith<S extends z.ZodType>(schema: S, path: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readJsonFile(path, MAX_JSON_BYTES));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('catalogo-non-valido', `Il file ${path} non è JSON leggibile.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DomainError('catalogo-non-valido', `Il file ${path} non è valido (${first?.path.join('.') ?? ''}: ${first?.message ?? ''}).`);
  }
  return parsed.data;
}

function jsonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const json = names.filter((n) => n.endsWith('.json')).sort();
  if (json.length > MAX_FILES) throw new DomainError('catalogo-non-valido', `Troppi file in ${dir}.`);
  return json;
}

export interface DirectoryRead extends CatalogueSource {
  /** Forms that could not be read: the import goes on without them and reports them. */
  formProblems: { formId: string; message: string }[];
}

export function readCatalogueDirectory(dir: string): DirectoryRead {
  const tenant = parseWith(tenantFileSchema, join(dir, 'tenant.json'));
  const services = jsonFiles(join(dir, 'services')).map((name) => {
    const service = parseWith(serviceFileSchema, join(dir, 'services', name));
    if (`${service.slug}.json` !== name) throw new DomainError('catalogo-non-valido', `Il file services/${name} ha slug "${service.slug}".`);
    return service;
  });
  const forms: FormDocument[] = [];
  const formProblems: { formId: string; message: string }[] = [];
  for (const name of jsonFiles(join(dir, 'forms'))) {
    const formId = name.slice(0, -'.json'.length);
    try {
      forms.push(parseFormJson(readJsonFile(join(dir, 'forms', name), FORM_LIMITS.maxBytes), formId));
    } catch (error) {
      if (!(error instanceof FormError) && !(error instanceof DomainError)) throw error;
      formProblems.push({ formId, message: error.message });
    }
  }
  return { tenant, services, forms, formProblems };
}
