/**
 * One outbox item against a scripted portal: the look-up before a repeated create reads every page
 * of the service's list (by slug, `createdAt[after]` a day earlier) and matches the client reference;
 * any look-up failure is transient (never a create after an incomplete look-up); a 403 of an operator
 * who sees nothing yet means "not there"; files go under file components; what the portal did not
 * link is written on the pratica.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutboxItem, OutboxRepo } from '../../../electron/core/store/outbox-repo';
import { sendItem, type SenderDeps } from '../../../electron/core/sync/outbox-sender';
import type { ApplicationQuery, PortalClient } from '../../../electron/core/sync/portal-port';
import { PortalError } from '../../../electron/core/sync/portal-error';
import type { Application } from '../../../electron/core/sync/portal-schemas';
import { createBlobStore, sha256Of } from '../../../electron/core/store/blob-store';

const CONTENT = Buffer.from('abcd');
const SHA = sha256Of(CONTENT);
const payload = {
  serviceId: 'c0000000-0000-4000-8000-000000000001',
  serviceSlug: 'certificato-residenza',
  citizenFiscalCode: 'RSSMRA80A01H501U',
  data: { motivo: 'x' },
  attachments: [{ key: 'allegati', sha256: SHA, name: 'documento.pdf', mimeType: 'application/pdf', size: 4 }],
  submittedAt: '2026-11-24T08:00:00Z',
};
const app = (id: string, ref: string, attachments: string[] = []): Application =>
  ({ id, status: 2000, data: { sportello_client_reference: ref }, attachments: attachments.map((a) => ({ id: a })) }) as Application;

function setup(portal: Partial<PortalClient>, item: Partial<OutboxItem> = {}) {
  const allegati = createBlobStore(mkdtempSync(join(tmpdir(), 'sportello-sender-')), randomBytes(32));
  allegati.put(CONTENT);
  const calls: string[] = [];
  const notes: string[] = [];
  const sent: string[] = [];
  const started: string[] = [];
  const outbox = {
    markSent: (_i: OutboxItem, remoteId: string) => void sent.push(remoteId),
    markCreateStarted: () => void started.push('create'),
    hold: () => {},
  } as unknown as OutboxRepo;
  const deps: SenderDeps = {
    portal: {
      authenticate: async () => {},
      upload: async () => (calls.push('upload'), 'u-1'),
      createApplication: async () => (calls.push('create'), app('nuova', 'p-1', ['u-1'])),
      ...portal,
    } as PortalClient,
    outbox,
    allegati,
    now: () => new Date('2026-11-24T09:00:00Z'),
    settleMs: 0,
    leaseMs: 60_000,
    notePratica: (_id, message) => void notes.push(message),
  };
  const full: OutboxItem = { outboxId: 1, kind: 'pratica.submit', praticaId: 'p-1', tenantSlug: 'comune-di-test', payload, attempts: 1, createStartedAt: '2026-11-24T08:30:00Z', uploads: new Map(), unsaved: [], ...item };
  return { deps, item: full, calls, notes, sent, started };
}

describe('invio di una pratica: ricerca prima di ricreare', () => {
  it('cerca per slug del servizio da un giorno prima, e trova la pratica tra tutte quelle restituite', async () => {
    const queries: ApplicationQuery[] = [];
    const s = setup({ listApplications: async (q) => (queries.push(q), [app('altra', 'p-9'), app('trovata', 'p-1')]) });
    await expect(sendItem(s.deps, s.item)).resolves.toMatchObject({ kind: 'sent', remoteId: 'trovata', found: true });
    expect(queries).toEqual([{ serviceSlug: 'certificato-residenza', createdAfter: new Date('2026-11-23T08:30:00Z') }]);
    expect(s.calls).toEqual([]);
  });

  it.each([
    ['404 Service not found', new PortalError('permanent', 'ricerca pratica: richiesta rifiutata dal portale (404: Service not found)', 404, null, 'Service not found')],
    ['400', new PortalError('permanent', 'x', 400, null, 'Limit parameter is too high')],
    ['pagina mancante', new PortalError('transient', 'ricerca pratica: pagina incompleta a 100', null)],
  ])('un errore della ricerca (%s) è transitorio: nessuna creazione', async (_name, error) => {
    const s = setup({ listApplications: async () => Promise.reject(error) });
    await expect(sendItem(s.deps, s.item)).rejects.toMatchObject({ kind: 'transient' });
    expect(s.calls).toEqual([]);
  });

  it('403 di un operatore che non vede ancora nulla: la pratica non c\'è, si crea', async () => {
    const s = setup({ listApplications: async () => Promise.reject(new PortalError('permanent', 'x', 403, null, 'You are not allowed to view applications')) });
    await expect(sendItem(s.deps, s.item)).resolves.toMatchObject({ kind: 'sent', remoteId: 'nuova', found: false });
    expect(s.calls).toEqual(['upload', 'create']);
  });

  it('403 per il servizio: problema dell\'account, nessuna pratica sospesa', async () => {
    const s = setup({ listApplications: async () => Promise.reject(new PortalError('permanent', 'x', 403, null, 'You are not allowed to view applications of passed service')) });
    await expect(sendItem(s.deps, s.item)).rejects.toMatchObject({ kind: 'account' });
    expect(s.calls).toEqual([]);
  });
});

describe('invio di una pratica: il token prima della creazione', () => {
  it("senza accesso (l'account o, a casa, la carta) la creazione non risulta avviata: niente attesa di verifica dopo", async () => {
    const s = setup({ authenticate: async () => Promise.reject(new PortalError('account', 'accesso con la carta necessario', null)) }, { createStartedAt: null });
    await expect(sendItem(s.deps, s.item)).rejects.toMatchObject({ kind: 'account' });
    expect(s.started).toEqual([]);
    expect(s.calls).toEqual(['upload']);
    expect(s.item.createStartedAt).toBeNull();
  });
});

describe('invio di una pratica: allegati', () => {
  it('un allegato che il portale non collega viene scritto sulla pratica, mai perso in silenzio', async () => {
    const s = setup({ createApplication: async () => app('nuova', 'p-1', []) }, { createStartedAt: null });
    await expect(sendItem(s.deps, s.item)).resolves.toMatchObject({ kind: 'sent', missingAttachments: ['documento.pdf'] });
    expect(s.notes).toEqual([expect.stringContaining('senza l\'allegato "documento.pdf"')]);
  });

  it('un allegato senza campo file nel modulo del servizio: sospesa prima di caricare o creare', async () => {
    const s = setup({}, { createStartedAt: null });
    s.deps.formFiles = () => ({ paths: new Set(['altro_campo']), label: () => undefined });
    await expect(sendItem(s.deps, s.item)).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('non ha un campo per "documento.pdf"') });
    expect(s.calls).toEqual([]);
  });

  it('i file vanno sotto la chiave del campo file, nella forma dei file di sdcfile, con la descrizione dello slot', async () => {
    let body: { data: Record<string, unknown> } | undefined;
    const s = setup({ createApplication: async (b) => ((body = b), app('nuova', 'p-1', ['u-1'])) }, { createStartedAt: null });
    s.deps.formFiles = () => ({ paths: new Set(['allegati']), label: () => 'Documento di identità' });
    await sendItem(s.deps, s.item);
    expect(body!.data.allegati).toEqual([
      { storage: 'url', name: 'documento.pdf', originalName: 'documento.pdf', size: 4, type: 'application/pdf', mime_type: 'application/pdf', fileType: 'Documento di identità', protocol_required: true, data: { id: 'u-1' } },
    ]);
    expect(s.notes).toEqual([]);
  });
});
