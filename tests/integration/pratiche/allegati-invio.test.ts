import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Of } from '../../../electron/core/store/blob-store';
import { pdfA, pdfCon, PNG } from '../../support/allegati';
import { ANNA, BRUNO, createHarness, type Harness } from './harness';
import type { Result } from '../../../electron/shared/contract/define';
import { createdPratica } from '../../support/created-pratica';
import { errorOf, valueOf } from '../../support/sportello';
import { filesOf } from '../../support/database-location';

const TENANT = 'comune-alfa';
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const pngBytes = () => Buffer.from(PNG);

async function readyDraft(h: Harness): Promise<string> {
  await valueOf(h.api.pratiche.acceptTerms({ tenant: TENANT, version: '2026-01' }));
  await valueOf(h.api.pratiche.updateProfile({ email: 'anna@example.it', phone: null, address: null }));
  const { id } = await createdPratica(h.api.pratiche.start({ tenant: TENANT, service: 'iscrizione-mensa-scolastica' }));
  await valueOf(h.api.pratiche.acceptInstructions({ id, accepted: true }));
  await valueOf(h.api.pratiche.saveStep({ id, stepId: 'modulo:mensa-alunno', values: { nome_alunno: 'Luca', scuola: 'collodi', classe: 2 } }));
  return id;
}

describe('attachments, submission to the outbox, and "Le mie pratiche"', () => {
  let h: Harness;
  let id: string;
  let PDFA: Buffer;
  beforeAll(async () => {
    PDFA = Buffer.from(await pdfA());
    h = createHarness();
    h.as(ANNA);
    id = await readyDraft(h);
  });
  afterAll(() => h.close());

  const add = (slot: string, name: string, bytes: Uint8Array) => h.api.pratiche['attachments.add']({ id, slot, name, contentBase64: b64(bytes) });
  const codeOf = async (p: Promise<Result<unknown>>) => {
    const r = await p;
    return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
  };

  it('refuses empty, oversize, mismatched, not allowed and non PDF/A files', async () => {
    expect(await codeOf(add('isee', 'isee.pdf', Buffer.alloc(0)))).toMatch(/^allegato-vuoto: Il file "isee.pdf" è vuoto/);
    const big = Buffer.concat([PDFA, Buffer.alloc(1024 * 1024)]);
    expect(await codeOf(add('isee', 'isee.pdf', big))).toMatch(/^allegato-troppo-grande: .*1 MB/);
    expect(await codeOf(add('isee', 'isee.pdf', pngBytes()))).toMatch(/^allegato-contenuto-diverso: Il file "isee.pdf" non è davvero un file PDF: sembra un file PNG/);
    expect(await codeOf(add('isee', 'isee.png', pngBytes()))).toMatch(/^allegato-tipo-non-ammesso: .*solo file PDF/);
    expect(await codeOf(add('isee', 'isee.pdf', await pdfCon()))).toMatch(/^allegato-non-pdfa: .*PDF\/A/);
    expect(await codeOf(add('nessuno', 'isee.pdf', PDFA))).toMatch(/^allegato-non-previsto/);
    expect((await errorOf(h.api.pratiche['attachments.add']({ id, slot: 'isee', name: 'x.pdf', contentBase64: 'non base64!' }))).code).toBe('input-non-valido');
    expect((await valueOf(h.api.pratiche['attachments.library']({}))).length).toBe(0);
  });

  it('stores an accepted file by SHA-256 under a sanitised name', async () => {
    expect(await codeOf(add('isee', '../../x.pdf', PDFA))).toBe('ok');
    const p = await valueOf(h.api.pratiche.get({ id }));
    const [file] = p.attachmentSlots.find((s) => s.key === 'isee')!.files;
    expect(file).toMatchObject({ name: 'x.pdf', mimeType: 'application/pdf', size: PDFA.length, pdfa: '2b' });
    // Kept encrypted (store/blob-store.ts): the file's name is not its hash, its bytes are not the PDF's.
    const store = filesOf(h.dataDir).allegati;
    expect(store.read(sha256Of(PDFA)).equals(PDFA)).toBe(true);
    expect(readdirSync(join(h.dataDir, 'allegati'))).toEqual([basename(store.pathOf(sha256Of(PDFA)))]);
    expect(readdirSync(join(h.dataDir, 'allegati'))).not.toContain(sha256Of(PDFA));
    expect(readFileSync(store.pathOf(sha256Of(PDFA))).includes(PDFA.subarray(0, 64))).toBe(false);
    expect(readdirSync(h.dataDir).filter((n) => n.endsWith('.pdf'))).toEqual([]);
    expect(await codeOf(add('foto', 'foto.png', pngBytes()))).toBe('ok');
  });

  it('removes an attachment from a pratica but keeps it in "I miei allegati"', async () => {
    const library = await valueOf(h.api.pratiche['attachments.library']({}));
    const foto = library.find((a) => a.name === 'foto.png')!;
    const p = await valueOf(h.api.pratiche['attachments.remove']({ id, slot: 'foto', allegatoId: foto.id }));
    expect(p.attachmentSlots.find((s) => s.key === 'foto')!.files).toEqual([]);
    expect((await valueOf(h.api.pratiche['attachments.library']({}))).map((a) => a.name).sort()).toEqual(['foto.png', 'x.pdf']);
  });

  it('submits: status 1900, history, and one outbox row for sync, atomically', async () => {
    expect((await valueOf(h.api.pratiche.completeness({ id }))).complete).toBe(true);
    const p = await valueOf(h.api.pratiche.submit({ id }));
    expect(p).toMatchObject({ status: 1900, statusLabel: 'Inviata', group: 'inviate' });
    expect(p.history.map((x) => x.status)).toEqual([1000, 1900]);
    const rows = h.area.db.prepare('SELECT kind, pratica_id, tenant_slug, state, attempts, payload FROM outbox').all() as { payload: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'pratica.submit', pratica_id: id, tenant_slug: TENANT, state: 'pending', attempts: 0 });
    const payload = JSON.parse(rows[0]!.payload);
    expect(payload).toMatchObject({ serviceSlug: 'iscrizione-mensa-scolastica', citizenFiscalCode: ANNA.card.codiceFiscale, openedBy: null });
    expect(payload.data).toMatchObject({ nome_alunno: 'Luca', scuola: 'collodi', classe: 2 });
    expect(payload.attachments).toEqual([{ key: 'isee', sha256: sha256Of(PDFA), name: 'x.pdf', mimeType: 'application/pdf', size: PDFA.length }]);
    expect((await errorOf(h.api.pratiche.submit({ id }))).code).toBe('pratica-non-modificabile');
    // Sync is told once, for the one submission that went into the outbox.
    expect(h.announced).toEqual([id]);
    expect((await errorOf(h.api.pratiche.saveStep({ id, stepId: 'modulo:mensa-alunno', values: { classe: 1 } }))).code).toBe('pratica-non-modificabile');
    expect((await errorOf(h.api.pratiche['attachments.add']({ id, slot: 'foto', name: 'f.png', contentBase64: b64(pngBytes()) }))).code).toBe('pratica-non-modificabile');
  });

  it('offers to resume the draft instead of a second one, unless the service allows many', async () => {
    const first = await createdPratica(h.api.pratiche.start({ tenant: TENANT, service: 'iscrizione-mensa-scolastica' }));
    const again = await valueOf(h.api.pratiche.start({ tenant: TENANT, service: 'iscrizione-mensa-scolastica', newDraft: true }));
    expect(again).toMatchObject({ outcome: 'bozza-esistente', canCreateAnother: false, drafts: [{ id: first.id }] });
    const library = await valueOf(h.api.pratiche['attachments.library']({}));
    const reused = await valueOf(h.api.pratiche['attachments.reuse']({ id: first.id, slot: 'isee', allegatoId: library.find((a) => a.name === 'x.pdf')!.id }));
    expect(reused.pratica.attachmentSlots[0]!.files.map((f) => f.name)).toEqual(['x.pdf']);
    const foto = library.find((a) => a.name === 'foto.png')!;
    expect((await errorOf(h.api.pratiche['attachments.reuse']({ id: first.id, slot: 'isee', allegatoId: foto.id }))).code).toBe('allegato-tipo-non-ammesso');

    await valueOf(h.api.pratiche.start({ tenant: TENANT, service: 'scia-commercio' }));
    const offer = await valueOf(h.api.pratiche.start({ tenant: TENANT, service: 'scia-commercio' }));
    expect(offer).toMatchObject({ outcome: 'bozza-esistente', canCreateAnother: true });
    expect((await valueOf(h.api.pratiche.start({ tenant: TENANT, service: 'scia-commercio', newDraft: true }))).outcome).toBe('creata');
  });

  it('groups pratiche with counts, including those opened by an operator on the citizen\'s behalf', async () => {
    h.as({ ...ANNA, operator: 'operatore-01' });
    await valueOf(h.api.pratiche.start({ tenant: TENANT, service: 'scia-commercio', newDraft: true }));
    h.as(ANNA);
    h.area.praticheRepo.recordStatus(id, 4100, h.clock.now().toISOString(), 'Manca la firma');
    const all = await valueOf(h.api.pratiche.list({}));
    expect(all.counts).toEqual({ bozza: 4, inviate: 0, 'in-elaborazione': 0, accettate: 0, rifiutate: 0, 'da-integrare': 1, ritirate: 0, 'per-mio-conto': 1 });
    expect(all.pratiche).toHaveLength(5);
    const integrare = await valueOf(h.api.pratiche.list({ group: 'da-integrare' }));
    expect(integrare.pratiche).toEqual([expect.objectContaining({ id, serviceName: 'Iscrizione alla mensa scolastica', statusLabel: 'Da integrare', description: '' })]);
    expect((await valueOf(h.api.pratiche.list({ group: 'per-mio-conto' }))).pratiche).toEqual([expect.objectContaining({ openedBy: 'operatore-01' })]);
    expect((await valueOf(h.api.pratiche.get({ id }))).history.at(-1)).toMatchObject({ status: 4100, label: 'Da integrare', message: 'Manca la firma' });
  });

  it('never shows or changes another citizen\'s pratiche or documents', async () => {
    h.as(BRUNO);
    expect((await errorOf(h.api.pratiche.get({ id }))).code).toBe('pratica-sconosciuta');
    expect((await valueOf(h.api.pratiche.list({}))).pratiche).toEqual([]);
    expect(await valueOf(h.api.pratiche['attachments.library']({}))).toEqual([]);
    expect((await errorOf(h.api.pratiche.note({ id, note: 'intruso' }))).code).toBe('pratica-sconosciuta');
    h.as(ANNA);
    const library = await valueOf(h.api.pratiche['attachments.library']({}));
    h.as(BRUNO);
    await valueOf(h.api.pratiche.acceptTerms({ tenant: TENANT, version: '2026-01' }));
    const pratica = await createdPratica(h.api.pratiche.start({ tenant: TENANT, service: 'iscrizione-mensa-scolastica' }));
    expect((await errorOf(h.api.pratiche['attachments.reuse']({ id: pratica.id, slot: 'isee', allegatoId: library[0]!.id }))).code).toBe('allegato-sconosciuto');
    h.as(ANNA);
  });

  it('asks the terms again when the comune publishes a new version', async () => {
    const { importCatalogue } = await import('../../../electron/core/catalogue/import');
    const { readCatalogueDirectory } = await import('../../../electron/core/catalogue/read-directory');
    const alfa = readCatalogueDirectory(join(__dirname, '../../fixtures/catalogue/comune-alfa'));
    importCatalogue(h.area.catalogueRepo, { ...alfa, tenant: { ...alfa.tenant, termsOfUse: { version: '2026-02', text: 'Nuove condizioni.' } } }, h.clock);
    expect(await valueOf(h.api.pratiche.terms({ tenant: TENANT }))).toMatchObject({ version: '2026-02', mustAccept: true, text: 'Nuove condizioni.' });
    expect((await errorOf(h.api.pratiche.start({ tenant: TENANT, service: 'trasporto-scolastico' }))).code).toBe('condizioni-da-accettare');
    await valueOf(h.api.pratiche.acceptTerms({ tenant: TENANT, version: '2026-02' }));
    expect((await valueOf(h.api.pratiche.start({ tenant: TENANT, service: 'trasporto-scolastico' }))).outcome).toBe('creata');
  });

  it('asks to acknowledge the payment when the service requires one', async () => {
    const draft = (await valueOf(h.api.pratiche.list({ group: 'bozza' }))).pratiche.find((p) => p.serviceSlug === 'trasporto-scolastico')!;
    const before = await valueOf(h.api.pratiche.completeness({ id: draft.id }));
    expect(before.missing.map((m) => m.stepId)).toEqual(['istruzioni', 'modulo:trasporto:fermata', 'modulo:trasporto:orari', 'pagamento']);
    await valueOf(h.api.pratiche.acknowledgePayment({ id: draft.id, acknowledged: true }));
    const after = await valueOf(h.api.pratiche.completeness({ id: draft.id }));
    expect(after.missing.map((m) => m.stepId)).not.toContain('pagamento');
    expect((await errorOf(h.api.pratiche.acknowledgePayment({ id, acknowledged: true }))).code).toBe('pratica-non-modificabile');
  });

  it('prefills the profile from the card and lets only contacts change', async () => {
    const profile = await valueOf(h.api.pratiche.profile({}));
    expect(profile).toMatchObject({ codiceFiscale: ANNA.card.codiceFiscale, nome: 'Anna', cognome: 'Rossi', email: 'anna@example.it' });
    expect((await errorOf(h.sendUnchecked('pratiche.updateProfile', { email: 'a@b.it', phone: null, address: null, nome: 'Altro' }))).code).toBe('input-non-valido');
    expect((await errorOf(h.api.pratiche.updateProfile({ email: 'non-email', phone: null, address: null }))).code).toBe('input-non-valido');
    const updated = await valueOf(h.api.pratiche.updateProfile({ email: 'nuova@example.it', phone: '0612345678', address: 'Via Nuova 2' }));
    expect(updated).toMatchObject({ nome: 'Anna', email: 'nuova@example.it', phone: '0612345678', address: 'Via Nuova 2' });
  });
});
