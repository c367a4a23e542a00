/**
 * A service's wizard as every pratiche call needs it: the service, its steps with their resolved
 * forms, the forms missing offline, the data keys each form step writes and the rebuild of the
 * Richiedente block. Built once per service and kept while the catalogue's revision stays the same
 * (an import of the comune's catalogue changes it), so an autosave parses no service or form and
 * walks no component tree. Frozen, because every call of every citizen shares it.
 */
import type { Catalogue } from '../catalogue/catalogue';
import type { ServiceFile } from '../catalogue/format';
import { DomainError } from '../errors';
import { applicantComponent, applicantDataOf, type ApplicantData } from './applicant';
import { dataKeysOf, wizardSteps, type WizardStep } from './steps';

export interface ServiceWizard {
  readonly service: ServiceFile;
  readonly steps: WizardStep[];
  /** Form ids the catalogue could not provide offline. */
  readonly missingForms: ReadonlySet<string>;
  /** By form step id, the top-level data keys that step writes. */
  readonly stepKeys: ReadonlyMap<string, ReadonlySet<string>>;
  /** The keys of every form step: a key outside them belongs to no step. */
  readonly formKeys: ReadonlySet<string>;
  /** Rebuilds the Richiedente block from card and profile; null when no form has one. */
  readonly applicant: ApplicantData | null;
}

function build(catalogue: Catalogue, tenant: string, slug: string): ServiceWizard {
  const service = catalogue.service(tenant, slug);
  const missingForms = new Set<string>();
  const steps = wizardSteps(service, (formId) => {
    try {
      return catalogue.form(tenant, formId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      missingForms.add(formId);
      return null;
    }
  });
  const stepKeys = new Map<string, ReadonlySet<string>>();
  const formKeys = new Set<string>();
  for (const s of steps.filter((step) => step.kind === 'modulo')) {
    const keys = dataKeysOf(s.components);
    // Two panels with one key share an id: the first is the step a search by id finds.
    if (!stepKeys.has(s.id)) stepKeys.set(s.id, keys);
    for (const key of keys) formKeys.add(key);
  }
  const applicant = steps.map((s) => applicantComponent(s.components)).find((c) => c !== undefined);
  return { service, steps, missingForms, stepKeys, formKeys, applicant: applicant ? applicantDataOf(applicant) : null };
}

/** Frozen all the way down: a caller that changed a shared wizard would change it for every later call. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function createServiceWizards(catalogue: Catalogue): (tenant: string, slug: string) => ServiceWizard {
  let revision: string | null = null;
  const built = new Map<string, ServiceWizard>();
  return (tenant, slug) => {
    const current = catalogue.revision();
    if (current !== revision) {
      built.clear();
      revision = current;
    }
    const key = `${tenant}\u0000${slug}`;
    let wizard = built.get(key);
    if (!wizard) {
      wizard = deepFreeze(build(catalogue, tenant, slug));
      built.set(key, wizard);
    }
    return wizard;
  };
}
