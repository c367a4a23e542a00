/**
 * The data a resolved form declares: each field that holds a value, by its Form.io data path
 * (`applicant.data.Born.data.natoAIl`). Layout components (panels, columns, tables, tabs...)
 * add nothing to the path; a nested `form` keeps its fields under `<key>.data`, a container
 * under `<key>`; content (html) holds no data. What kind a component is comes from Form.io's
 * own table (`getModelType`), so a prefill writes where Form.io reads.
 */
import { Utils } from '@formio/core';
import { childLists, type FormComponent } from '../../catalogue/forms/form-json';

type Visit = (path: string, component: FormComponent) => void;

/** Asked on a copy: Form.io caches its answer on the object, and the catalogue's forms are not ours to change. */
const modelType = (c: FormComponent): string => Utils.getModelType({ ...c } as never);

function walk(list: readonly unknown[], prefix: string, visit: Visit, descend: boolean): void {
  for (const raw of list) {
    const c = raw as FormComponent;
    if (typeof c !== 'object' || c === null) continue;
    const model = modelType(c);
    if (model === 'content') continue;
    if (model === 'none') {
      for (const children of childLists(c)) walk(children, prefix, visit, descend);
      continue;
    }
    if (typeof c.key !== 'string' || c.key === '') continue;
    const path = prefix ? `${prefix}.${c.key}` : c.key;
    visit(path, c);
    if (!descend) continue;
    if (model === 'dataObject') walk(Array.isArray(c.components) ? c.components : [], `${path}.data`, visit, true);
    else if (c.type === 'container') for (const children of childLists(c)) walk(children, path, visit, true);
  }
}

const holdsFields = (c: FormComponent): boolean => modelType(c) === 'dataObject' || c.type === 'container';

/** Every field that holds a value (not the nested forms and containers themselves), by data path. */
export function declaredFields(components: readonly FormComponent[]): Map<string, FormComponent> {
  const fields = new Map<string, FormComponent>();
  walk(components, '', (path, c) => {
    if (!holdsFields(c)) fields.set(path, c);
  }, true);
  return fields;
}

/** The component whose data sits at `key` at the top of the form's data, if the form has one. */
export function topLevelComponent(components: readonly FormComponent[], key: string): FormComponent | undefined {
  let found: FormComponent | undefined;
  walk(components, '', (path, c) => {
    if (path === key) found ??= c;
  }, false);
  return found;
}
