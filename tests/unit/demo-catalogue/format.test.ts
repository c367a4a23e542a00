import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { authoredService, authoredTenant, formSchema, type FormComponent } from './authoring-rules';
import { expectedServiceSlugs, loadDemoCatalogue } from './catalogue-files';
import { inlineForm, NestedFormError, readJson, tenantDir, walk } from './support';

const demo = loadDemoCatalogue();
const services = [...demo.services.values()];

/** Keys that land in the same submission object: layout components are transparent, forms and grids open a scope. */
function dataKeysByScope(components: FormComponent[], scope = '', out = new Map<string, string[]>()): Map<string, string[]> {
  for (const c of components) {
    const opensScope = c.type === 'form' || c.type === 'datagrid' || c.type === 'editgrid';
    if (c.input === true) out.set(scope, [...(out.get(scope) ?? []), c.key]);
    if (opensScope) continue;
    if (c.components) dataKeysByScope(c.components, scope, out);
    for (const col of c.columns ?? []) dataKeysByScope(col.components, scope, out);
  }
  for (const c of components) {
    if ((c.type === 'datagrid' || c.type === 'editgrid') && c.components) dataKeysByScope(c.components, `${scope}${c.key}[].`, out);
  }
  return out;
}
const topLevelDataKeys = (components: FormComponent[]) => dataKeysByScope(components).get('') ?? [];
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const formRefs = (components: FormComponent[]) => {
  const refs: string[] = [];
  walk(components, (c) => { if (c.type === 'form' && c.form) refs.push(c.form); });
  return refs;
};

describe('demo catalogue: files and format', () => {
  it('offers exactly the 15 services, each in services/<slug>.json', () => {
    expect([...demo.services.keys()]).toEqual(expectedServiceSlugs);
    for (const [name, service] of demo.services) expect(service.slug).toBe(name);
  });

  it('names every form file after its _id and path, with both display modes in use', () => {
    for (const [name, form] of demo.forms) {
      expect(form._id).toBe(name);
      expect(form.path).toBe(name);
    }
    const wizards = [...demo.forms.values()].filter((f) => f.display === 'wizard');
    expect(wizards.length).toBeGreaterThan(0);
    // A wizard's pages are its top-level panels.
    for (const w of wizards) expect(w.components.every((c) => c.type === 'panel')).toBe(true);
  });

  it('gives every entity a distinct id', () => {
    const t = demo.tenant;
    const ids = [
      t.id, ...t.topics.map((x) => x.id), ...t.audiences.map((x) => x.id), ...t.avvisi.map((x) => x.id),
      ...t.scadenze.map((x) => x.id), ...t.faq.map((x) => x.id), ...t.offices.map((x) => x.id), ...services.map((s) => s.id),
    ];
    expect(duplicates(ids)).toEqual([]);
    expect(duplicates(services.map((s) => s.identifier))).toEqual([]);
    expect(duplicates(t.topics.map((x) => x.slug))).toEqual([]);
    expect(duplicates(t.audiences.map((x) => x.slug))).toEqual([]);
  });

  it('links services, audiences, scadenze and FAQ to things that exist', () => {
    const topicIds = new Set(demo.tenant.topics.map((x) => x.id));
    for (const s of services) {
      expect(s.tenant).toBe(demo.tenant.id);
      expect(topicIds.has(s.topics), `${s.slug}: topic ${s.topics}`).toBe(true);
    }
    const referencedSlugs = [
      ...demo.tenant.audiences.flatMap((a) => a.serviceSlugs),
      ...demo.tenant.scadenze.flatMap((x) => (x.serviceSlug ? [x.serviceSlug] : [])),
      ...demo.tenant.faq.flatMap((x) => (x.serviceSlug ? [x.serviceSlug] : [])),
    ];
    expect(referencedSlugs.filter((slug) => !demo.services.has(slug))).toEqual([]);
    // "Io sono..." must lead somewhere for every service.
    const inSomeAudience = new Set(demo.tenant.audiences.flatMap((a) => a.serviceSlugs));
    expect(expectedServiceSlugs.filter((slug) => !inSomeAudience.has(slug))).toEqual([]);
  });

  it('resolves every flow step and every nested form, without cycles', () => {
    for (const s of services) {
      for (const step of s.flow_steps) {
        expect(demo.forms.has(step.parameters.formio_id), `${s.slug}: ${step.parameters.formio_id}`).toBe(true);
        expect(step.parameters.url.endsWith(`/${step.parameters.formio_id}`)).toBe(true);
      }
      expect(duplicates(s.flow_steps.map((x) => x.identifier))).toEqual([]);
    }
    for (const id of demo.forms.keys()) expect(() => inlineForm(id, demo.forms)).not.toThrow();
  });

  it('detects a nested-form cycle and a missing nested form (the check above can fail)', () => {
    const [a, b] = ['ciclo-a', 'ciclo-b'].map((id, i) => formSchema.parse({
      _id: id, title: id, name: id, path: id, display: 'form',
      components: [{ type: 'form', key: 'x', form: i === 0 ? 'ciclo-b' : 'ciclo-a' }],
    }));
    const forms = new Map([...demo.forms, ['ciclo-a', a!], ['ciclo-b', b!]]);
    expect(() => inlineForm('ciclo-a', forms)).toThrow(NestedFormError);
    const orphan = formSchema.parse({ _id: 'orfano', title: 'o', name: 'o', path: 'orfano', display: 'form', components: [{ type: 'form', key: 'x', form: 'manca' }] });
    expect(() => inlineForm('orfano', new Map([['orfano', orphan]]))).toThrow(/manca/);
  });

  it('nests the shared forms: applicant first, at least two levels deep', () => {
    for (const s of services) {
      const first = demo.forms.get(s.flow_steps[0]!.parameters.formio_id)!;
      const applicant: FormComponent[] = [];
      walk(first.components, (c) => { if (c.key === 'applicant') applicant.push(c); });
      expect(applicant, s.slug).toHaveLength(1);
      expect(applicant[0]).toMatchObject({ type: 'form', form: 'anagrafica' });
      expect(topLevelDataKeys(first.components)).toContain('applicant');
    }
    const anagrafica = demo.forms.get('anagrafica')!;
    expect(formRefs(anagrafica.components).sort()).toEqual(['codice-fiscale', 'indirizzo', 'nascita', 'nome-cognome']);
    expect(topLevelDataKeys(anagrafica.components)).toEqual(
      ['completename', 'gender', 'Born', 'fiscal_code', 'address', 'email_address', 'cell_number']);
    expect(formRefs(demo.forms.get('minore')!.components)).toContain('nascita');
    expect(formRefs(demo.forms.get('iscrizione-mensa-scolastica')!.components)).toEqual(['anagrafica', 'minore']);
  });

  it('keeps data keys unique in each submission object, across all steps of a service', () => {
    for (const [id, form] of demo.forms) {
      for (const [scope, keys] of dataKeysByScope(form.components)) expect(duplicates(keys), `${id} ${scope}`).toEqual([]);
    }
    for (const s of services) {
      const keys = s.flow_steps.flatMap((step) => topLevelDataKeys(demo.forms.get(step.parameters.formio_id)!.components));
      expect(duplicates(keys).filter((k) => k !== 'applicant'), s.slug).toEqual([]);
    }
  });

  it('writes conditions as JSON Logic, with row.* inside grid rows and nested forms', () => {
    // @formio/js validates with the root submission as `data`, @formio/core with the nested form's own data;
    // `row` is the same object for both, so it is the only safe way for a nested form to read its fields.
    const nested = new Set([...demo.forms.values()].flatMap((f) => formRefs(f.components)));
    for (const [id, form] of demo.forms) {
      walk(form.components, (c) => {
        if (c.conditional === undefined) return;
        const conditional = c.conditional as Record<string, unknown>;
        expect(Object.keys(conditional), `${id}.${c.key}`).toEqual(['json']);
        if (nested.has(id)) expect(JSON.stringify(conditional), `${id}.${c.key}`).not.toContain('"var":"data.');
      });
      const inRows = (comps: FormComponent[]) => walk(comps, (c) => {
        if (c.conditional) expect(JSON.stringify(c.conditional), `${id}.${c.key}`).not.toContain('"var":"data.');
      });
      walk(form.components, (c) => { if (c.type === 'datagrid' || c.type === 'editgrid') inRows(c.components ?? []); });
    }
  });

  it('offers the tenant offices in the appointment form', () => {
    const ufficio: FormComponent[] = [];
    walk(demo.forms.get('richiesta-appuntamento')!.components, (c) => { if (c.key === 'ufficio') ufficio.push(c); });
    const values = (ufficio[0]!.data as { values: { value: string; label: string }[] }).values;
    const offices = new Map(demo.tenant.offices.map((o) => [o.id, o.name]));
    expect(values.length).toBeGreaterThanOrEqual(5);
    for (const v of values) expect(offices.get(v.value)).toBe(v.label);
  });

  it('declares payments and attachments where the services need them', () => {
    const get = (slug: string) => demo.services.get(slug)!;
    expect(get('iscrizione-mensa-scolastica').payment_required).toBe(2);
    expect(get('autorizzazione-eventi')).toMatchObject({ payment_required: 1, payment_parameters: { total_amounts: '32.00' } });
    expect(get('iscrizione-biblioteca').payment_required).toBe(0);
    for (const s of services) expect(duplicates((s.x_sportello_attachments ?? []).map((a) => a.key))).toEqual([]);
    const residenza = new Map((get('cambio-residenza').x_sportello_attachments ?? []).map((a) => [a.key, a]));
    expect(residenza.get('permesso_soggiorno')?.required).toBe(false);
    expect(residenza.has('attestazione_soggiorno_ue')).toBe(true);
    expect((get('registro-associazioni').x_sportello_attachments ?? []).filter((a) => a.required && a.pdfa).map((a) => a.key))
      .toEqual(['statuto', 'atto_costitutivo']);
    expect(get('iscrizione-mensa-scolastica').costs).toMatch(/Fascia A.*2,00 euro/);
  });

  it('states conditional attachments on fields their service\'s forms have, and never "Obbligatorio se" in a description', () => {
    const varsOf = (logic: unknown): string[] =>
      Array.isArray(logic) ? logic.flatMap(varsOf)
        : typeof logic === 'object' && logic !== null
          ? Object.entries(logic).flatMap(([op, arg]) => (op === 'var' && typeof arg === 'string' ? [arg] : varsOf(arg)))
          : [];
    let conditional = 0;
    for (const s of services) {
      const keys = new Set(s.flow_steps.flatMap((step) => topLevelDataKeys(demo.forms.get(step.parameters.formio_id)!.components)));
      for (const a of s.x_sportello_attachments ?? []) {
        expect(a.description, `${s.slug}/${a.key}`).not.toMatch(/^(obbligatori|facoltativ)[oaie]\b/i);
        if (!a.requiredWhen) continue;
        conditional++;
        expect(a.required, `${s.slug}/${a.key}: required e requiredWhen insieme`).toBe(false);
        // Root fields are `data.<key>`; the others are inside a `some`/`all` over a grid's rows.
        const roots = varsOf(a.requiredWhen.when).filter((v) => v.startsWith('data.')).map((v) => v.split('.')[1]!);
        expect(roots.length, `${s.slug}/${a.key}`).toBeGreaterThan(0);
        for (const key of roots) expect(keys.has(key), `${s.slug}/${a.key}: ${key} non è un campo dei moduli`).toBe(true);
      }
    }
    expect(conditional).toBeGreaterThanOrEqual(10);
  });

  it('uses only Form.io core component types and plain-text content (the schema refuses the rest)', () => {
    const form = (components: unknown[]) => ({ _id: 'x', title: 'x', name: 'x', path: 'x', display: 'form', components });
    expect(formSchema.safeParse(form([{ type: 'signature', key: 'firma' }])).success).toBe(false);
    expect(formSchema.safeParse(form([{ type: 'htmlelement', key: 'n', content: '<b>grassetto</b>' }])).success).toBe(false);
    expect(formSchema.safeParse(form([{ type: 'form', key: 'x' }])).success).toBe(false);
  });

  it('holds the files to the app\'s own format and our rules on top: unknown fields, markup, empty texts, stale payments refused', () => {
    const service = readJson(join(tenantDir, 'services', 'iscrizione-biblioteca.json')) as Record<string, unknown>;
    const tenant = readJson(join(tenantDir, 'tenant.json')) as Record<string, unknown>;
    expect(authoredService(service).slug).toBe('iscrizione-biblioteca');
    expect(() => authoredService({ ...service, descrizione_breve: 'x' })).toThrow(/service\.descrizione_breve: campo sconosciuto all'app/);
    expect(() => authoredService({ ...service, description: 'Testo <a href="x">link</a>' })).toThrow(/service\.description: testo con marcatura HTML/);
    expect(() => authoredService({ ...service, who: '  ' })).toThrow(/service\.who: testo vuoto/);
    expect(() => authoredService({ ...service, payment_parameters: { total_amounts: '1.00', reason: 'x' } })).toThrow(/payment_parameters presenti solo/);
    // What the app itself refuses stays refused.
    expect(() => authoredService({ ...service, status: 'attivo' })).toThrow();
    expect(() => authoredTenant({ ...tenant, offices: [] })).toThrow(/tenant\.offices/);
    expect(() => authoredTenant({ ...tenant, aoo: { ...(tenant['aoo'] as object), referente: 'x' } })).toThrow(/tenant\.aoo\.referente: campo sconosciuto/);
  });
});
