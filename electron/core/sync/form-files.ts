/**
 * Where the portal will link each file of a pratica: the `file`/`sdcfile` components of the
 * service's forms, as this device's catalogue has them. The real portal links a file only under
 * such a key and ignores it silently anywhere else (PraticaManager::addAttachmentsToApplication),
 * so sync checks the placement before creating and compares afterwards.
 */
import { fileComponents, SIGNED_MODULE_KEY } from '../catalogue/forms/file-components';
import type { CatalogueRepo } from '../catalogue/catalogue-repo';

export interface FormFiles {
  /** Key paths of the form's file components. */
  paths: ReadonlySet<string>;
  /** What the portal shows as a file's description: the slot's label. */
  label(key: string): string | undefined;
}

export type FormFilesLookup = (tenantSlug: string, serviceSlug: string) => FormFiles | null;

/** Null when this device does not hold the service's forms: placement cannot be checked before the create. */
export function formFilesFrom(catalogue: CatalogueRepo): FormFilesLookup {
  return (tenantSlug, serviceSlug) => {
    const service = catalogue.getService(tenantSlug, serviceSlug);
    if (!service) return null;
    const paths = new Set<string>();
    let forms = 0;
    for (const step of service.flow_steps) {
      const id = step.parameters.formio_id;
      if (!id) continue;
      const form = catalogue.getForm(tenantSlug, id);
      if (!form) return null;
      forms++;
      for (const c of fileComponents(form, (nested) => catalogue.getForm(tenantSlug, nested))) paths.add(c.path);
    }
    if (forms === 0) return null;
    return {
      paths,
      label: (key) => (key === SIGNED_MODULE_KEY ? 'Modulo firmato dal cittadino' : service.x_sportello_attachments.find((a) => a.key === key)?.label),
    };
  };
}
