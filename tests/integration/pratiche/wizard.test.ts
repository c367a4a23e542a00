import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNA, createHarness, type Harness } from './harness';
import { createdPratica } from '../../support/created-pratica';
import { errorOf, valueOf } from '../../support/sportello';

const TENANT = 'comune-alfa';

describe('pratica wizard through the contract, on a real database file', () => {
  let h: Harness;
  let id: string;
  beforeAll(() => {
    h = createHarness();
  });
  afterAll(() => h.close());

  it('needs a card session and the current terms of use', async () => {
    h.as(null);
    expect((await errorOf(h.api.pratiche.start({ tenant: TENANT, service: 'iscrizione-mensa-scolastica' }))).code).toBe('carta-assente');
    h.as(ANNA);
    expect((await errorOf(h.api.pratiche.start({ tenant: TENANT, service: 'iscrizione-mensa-scolastica' }))).code).toBe('condizioni-da-accettare');
    const terms = await valueOf(h.api.pratiche.terms({ tenant: TENANT }));
    expect(terms).toMatchObject({ version: '2026-01', mustAccept: true, acceptedAt: null });
    expect((await errorOf(h.api.pratiche.acceptTerms({ tenant: TENANT, version: '2025-99' }))).code).toBe('condizioni-cambiate');
    const accepted = await valueOf(h.api.pratiche.acceptTerms({ tenant: TENANT, version: '2026-01' }));
    expect((await valueOf(h.api.pratiche.terms({ tenant: TENANT }))).acceptedAt).toBe(accepted.acceptedAt);
  });

  it('starts a draft on Istruzioni with the Richiedente taken from the card', async () => {
    const p = await createdPratica(h.api.pratiche.start({ tenant: TENANT, service: 'iscrizione-mensa-scolastica' }));
    id = p.id;
    expect(p.status).toBe(1000);
    expect(p.group).toBe('bozza');
    expect(p.currentStepId).toBe('istruzioni');
    expect(p.richiedente).toMatchObject({ codiceFiscale: ANNA.card.codiceFiscale, nome: 'Anna', email: null });
    expect(p.data).toMatchObject({ applicant: { data: { fiscal_code: { data: { fiscal_code: ANNA.card.codiceFiscale } } } } });
    expect(p.history.map((x) => x.status)).toEqual([1000]);
  });

  it('Avanti stays on Istruzioni until they are accepted', async () => {
    const r = await valueOf(h.api.pratiche.next({ id }));
    expect(r.moved).toBe(false);
    expect(r.errors[0]?.message).toMatch(/istruzioni/);
    await valueOf(h.api.pratiche.acceptInstructions({ id, accepted: true }));
    expect((await valueOf(h.api.pratiche.next({ id }))).pratica.currentStepId).toBe('richiedente');
    expect((await valueOf(h.api.pratiche.next({ id }))).pratica.currentStepId).toBe('modulo:mensa-richiedente');
  });

  it('validates the Richiedente form with the profile: a missing email keeps the citizen on the step', async () => {
    const r = await valueOf(h.api.pratiche.next({ id }));
    expect(r.moved).toBe(false);
    expect(r.errors).toEqual([{ path: 'applicant.data.email_address', rule: 'required', label: 'Email', message: 'Campo obbligatorio.' }]);
    await valueOf(h.api.pratiche.updateProfile({ email: 'anna@example.it', phone: '+39 333 1234567', address: 'Via Roma 1, Alfa' }));
    expect((await valueOf(h.api.pratiche.next({ id }))).pratica.currentStepId).toBe('modulo:mensa-alunno');
  });

  it('keeps the Richiedente read-only whatever the renderer sends', async () => {
    await valueOf(h.api.pratiche.saveStep({ id, stepId: 'modulo:mensa-richiedente', values: { applicant: { data: { fiscal_code: { data: { fiscal_code: 'FALSO00000000000' } } } } } }));
    const p = await valueOf(h.api.pratiche.get({ id }));
    expect(p.data).toMatchObject({ applicant: { data: { fiscal_code: { data: { fiscal_code: ANNA.card.codiceFiscale } }, email_address: 'anna@example.it' } } });
  });

  it('autosaves a step, refusing fields of other steps and values of the wrong shape', async () => {
    const before = (await valueOf(h.api.pratiche.get({ id }))).revision;
    const saved = await valueOf(h.api.pratiche.saveStep({ id, stepId: 'modulo:mensa-alunno', values: { nome_alunno: 'Luca', classe: 9 } }));
    expect(saved.revision).toBe(before + 1);
    const unknown = await errorOf(h.api.pratiche.saveStep({ id, stepId: 'modulo:mensa-alunno', values: { hack: 1 } }));
    expect(unknown.code).toBe('campo-sconosciuto');
    // The renderer hands back the whole pratica: another step's fields are left as stored.
    await valueOf(h.api.pratiche.saveStep({ id, stepId: 'modulo:mensa-alunno', values: { nome_alunno: 'Luca', applicant: { data: { email_address: 'altro@example.it' } } } }));
    const kept = await valueOf(h.api.pratiche.get({ id }));
    expect(kept.data).toMatchObject({ nome_alunno: 'Luca', applicant: { data: { email_address: 'anna@example.it' } } });
    expect((await errorOf(h.api.pratiche.saveStep({ id, stepId: 'istruzioni', values: {} }))).code).toBe('passo-sconosciuto');
    expect((await errorOf(h.sendUnchecked('pratiche.saveStep', { id, stepId: 'modulo:mensa-alunno', values: 'testo' }))).code).toBe('input-non-valido');
    expect((await errorOf(h.api.pratiche.saveStep({ id: 'non-un-uuid', stepId: 'x', values: {} }))).code).toBe('input-non-valido');
  });

  it('Avanti validates the form step with Form.io and stays with errors; values of the wrong type are errors', async () => {
    let r = await valueOf(h.api.pratiche.next({ id }));
    expect(r.moved).toBe(false);
    expect(r.pratica.currentStepId).toBe('modulo:mensa-alunno');
    expect(r.errors.map((e) => `${e.path}:${e.rule}`).sort()).toEqual(['classe:max', 'scuola:required']);
    await valueOf(h.api.pratiche.saveStep({ id, stepId: 'modulo:mensa-alunno', values: { classe: 'terza', scuola: 'rodari' } }));
    r = await valueOf(h.api.pratiche.next({ id }));
    expect(r.errors.map((e) => `${e.path}:${e.rule}`)).toEqual(['classe:number']);
    await valueOf(h.api.pratiche.saveStep({ id, stepId: 'modulo:mensa-alunno', values: { classe: 3 } }));
    r = await valueOf(h.api.pratiche.next({ id }));
    expect(r.moved).toBe(true);
    expect(r.pratica.currentStepId).toBe('allegati');
    expect((globalThis as { __sportelloPwned?: boolean }).__sportelloPwned).toBeUndefined();
  });

  it('Indietro goes back; Ricomincia returns to the first step keeping the data', async () => {
    expect((await valueOf(h.api.pratiche.back({ id }))).pratica.currentStepId).toBe('modulo:mensa-alunno');
    const r = await valueOf(h.api.pratiche.restart({ id }));
    expect(r.pratica.currentStepId).toBe('istruzioni');
    expect(r.pratica.data).toMatchObject({ nome_alunno: 'Luca', classe: 3, scuola: 'rodari' });
    expect(r.pratica.instructionsAccepted).toBe(true);
  });

  it('Modifica in the review goes back to the step named, never forward nor to a step the wizard lacks', async () => {
    const forward = await valueOf(h.api.pratiche.backTo({ id, stepId: 'modulo:mensa-richiedente' }));
    expect(forward).toMatchObject({ moved: false, pratica: { currentStepId: 'istruzioni' } });
    await valueOf(h.api.pratiche.next({ id }));
    expect((await valueOf(h.api.pratiche.next({ id }))).pratica.currentStepId).toBe('modulo:mensa-richiedente');
    expect((await valueOf(h.api.pratiche.backTo({ id, stepId: 'non-esiste' }))).pratica.currentStepId).toBe('modulo:mensa-richiedente');
    const back = await valueOf(h.api.pratiche.backTo({ id, stepId: 'istruzioni' }));
    expect(back).toMatchObject({ moved: true, errors: [], pratica: { currentStepId: 'istruzioni' } });
  });

  it('keeps a private note (at most 2000 characters) and a description', async () => {
    expect((await errorOf(h.api.pratiche.note({ id, note: 'x'.repeat(2001) }))).code).toBe('input-non-valido');
    const p = await valueOf(h.api.pratiche.note({ id, note: 'n'.repeat(2000), description: 'Mensa per Luca' }));
    expect(p.note).toHaveLength(2000);
    expect(p.description).toBe('Mensa per Luca');
    expect((await valueOf(h.api.pratiche.note({ id, note: 'breve' }))).description).toBe('Mensa per Luca');
  });

  it('shows, until seen, that the comune changed the service of the draft', async () => {
    expect((await valueOf(h.api.pratiche.get({ id }))).catalogueChangedAt).toBeNull();
    const { createRemoteRepo } = await import('../../../electron/core/store/remote-repo');
    const service = await valueOf(h.api.catalogue.get({ tenant: TENANT, service: 'iscrizione-mensa-scolastica' }));
    expect(createRemoteRepo(h.area.db).flagChangedDrafts(TENANT, service.id, '2026-11-24T09:00:00.000Z')).toBe(1);
    expect((await valueOf(h.api.pratiche.get({ id }))).catalogueChangedAt).toBe('2026-11-24T09:00:00.000Z');
    expect((await valueOf(h.api.pratiche.catalogueNoticeSeen({ id }))).catalogueChangedAt).toBeNull();
  });

  it('lists what is missing and refuses to submit until it is complete', async () => {
    const c = await valueOf(h.api.pratiche.completeness({ id }));
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual([{ stepId: 'allegati', stepTitle: 'Allegati', path: 'isee', message: 'Manca l\'allegato "Attestazione ISEE".' }]);
    const refused = await errorOf(h.api.pratiche.submit({ id }));
    expect(refused.code).toBe('pratica-incompleta');
    expect(refused.details).toEqual([{ path: 'isee', message: 'Manca l\'allegato "Attestazione ISEE".' }]);
  });
});
