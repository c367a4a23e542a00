import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormView } from '../../../electron/shared/contract/catalogue';
import { resolveForm } from '../../../electron/core/catalogue/forms/resolve';
import { readCatalogueDirectory } from '../../../electron/core/catalogue/read-directory';
import { dataKeysOf, wizardSteps } from '../../../electron/core/pratiche/steps';

const alfa = readCatalogueDirectory(join(__dirname, '../../fixtures/catalogue/comune-alfa'));
const formOf = (id: string): FormView | null => {
  const f = alfa.forms.find((x) => x._id === id);
  if (!f) return null;
  const r = resolveForm(f, (n) => alfa.forms.find((x) => x._id === n));
  return { id, title: f.title, display: f.display, components: r.form.components, unsupported: r.unsupported };
};
const service = (slug: string) => alfa.services.find((s) => s.slug === slug)!;

describe('wizard steps of a service', () => {
  it('puts generic steps around the flow steps, with Allegati when documents are asked', () => {
    const steps = wizardSteps(service('iscrizione-mensa-scolastica'), formOf);
    expect(steps.map((s) => s.id)).toEqual(['istruzioni', 'richiedente', 'modulo:mensa-richiedente', 'modulo:mensa-alunno', 'allegati', 'riepilogo']);
    expect(steps[0]!.guide).toMatch(/allega l'ISEE/);
    expect(steps[3]!.guide).toBe('Indica la scuola e la classe.');
    expect(steps.every((s) => s.guide.length > 0)).toBe(true);
  });

  it('splits a wizard form into its panels and adds Pagamento when payment is required', () => {
    const steps = wizardSteps(service('trasporto-scolastico'), formOf);
    expect(steps.map((s) => s.id)).toEqual(['istruzioni', 'richiedente', 'modulo:trasporto:fermata', 'modulo:trasporto:orari', 'pagamento', 'riepilogo']);
    expect(steps[2]!.title).toBe('Fermata');
    expect(steps[4]!.guide).toMatch(/25,00 euro \(Quota trasporto\)/);
  });

  it("says how each kind of payment goes: deferred with the office's notice, immediate never asked by the portal for the app's pratiche", () => {
    const base = service('trasporto-scolastico');
    const guide = (payment_required: 1 | 2) => wizardSteps({ ...base, payment_required }, formOf).find((s) => s.kind === 'pagamento')!.guide;
    expect(guide(2)).toMatch(/quando il Comune te lo chiede: l'avviso pagoPA/);
    expect(guide(1)).toMatch(/parte senza pagare: l'ufficio del Comune ti dirà come/);
    expect(guide(1)).not.toMatch(/prima che la pratica/);
    expect(wizardSteps({ ...base, payment_required: 0 }, formOf).some((s) => s.kind === 'pagamento')).toBe(false);
  });

  it('knows which data keys each step writes', () => {
    const steps = wizardSteps(service('iscrizione-mensa-scolastica'), formOf);
    expect([...dataKeysOf(steps[3]!.components)].sort()).toEqual(['classe', 'dieta', 'dieta_speciale', 'nome_alunno', 'scuola']);
    expect([...dataKeysOf(steps[2]!.components)].sort()).toEqual(['applicant', 'submit']);
  });
});
