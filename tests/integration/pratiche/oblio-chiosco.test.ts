/**
 * A kiosk forgets a citizen: after their card is out and their pratica has reached the
 * reference portal, nothing of them is left in the data directory (database, WAL, copies,
 * attachment files, read with the keys) but their drafts, until those expire; the sent pratica stays listed for
 * them under a pseudonym. Before the fix, the draft, the profile, the library row and the
 * bytes of "Certificato Mario Rossi.pdf" all stayed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger';
import { createOblioChiosco } from '../../../electron/core/pratiche/oblio-chiosco';
import { pseudonimoDi } from '../../../electron/core/pratiche/pseudonimo';
import { createAllegatiRepo } from '../../../electron/core/store/allegati-repo';
import { backups } from '../../../electron/core/store/backup';
import { createCittadiniRepo } from '../../../electron/core/store/cittadini-repo';
import { createModuliFirmatiRepo } from '../../../electron/core/store/moduli-firmati-repo';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { startPortal } from '../../portal/server';
import { memoryKeystore } from '../../support/keystore';
import { filesContaining, rawFilesContaining } from '../../support/data-directory-scan';
import { syncUntilEmpty, testEngine } from '../sync/engine';
import { expectExactlyOnce } from '../sync/exactly-once';
import { createKiosk, SERVICE, TENANT, TEST_CATALOGUE } from '../sync/kiosk';
import { filesOf } from '../../support/database-location';

const MARIO = 'RSSMRA80A01H501U'; // the kiosk rig's first submission
const LAURA = 'BNCLRA90C41L219K';
const EMAIL = 'mario.rossi.privato@example.it';
const SENT_NAME = 'Certificato Mario Rossi.pdf';
const OLD_DRAFT_NAME = 'Referto pediatrico Rossi.pdf';
const DAY = 86_400_000;

describe('chiosco: i dati di chi è uscito', () => {
  it('dopo l’invio nulla del cittadino resta tranne le bozze, che poi scadono; la pratica inviata resta sua sotto pseudonimo', async () => {
    const portal = await startPortal({ catalogueDir: TEST_CATALOGUE });
    const kiosk = createKiosk();
    onTestFinished(async () => {
      kiosk.close();
      await portal.close();
    });
    const { db, dataDir } = kiosk;
    let now = new Date();
    const at = () => now.toISOString();
    const allegati = createAllegatiRepo(db);
    const cittadini = createCittadiniRepo(db);
    const blobs = filesOf(dataDir).allegati;
    const pseudonimo = pseudonimoDi(memoryKeystore(), dataDir);
    const pratiche = createPraticheRepo(db, pseudonimo);
    const library = (cf: string, name: string, bytes: Buffer, linkTo?: [pratica: string, slot: string]) => {
      const sha256 = blobs.put(bytes);
      const entry = allegati.add({ id: randomUUID(), citizenCf: cf, sha256, name, mimeType: 'application/pdf', size: bytes.length, pdfa: null, createdAt: at(), sealedSha256: null });
      if (linkTo) allegati.link(linkTo[0], linkTo[1], entry.id, at());
      return sha256;
    };
    const draft = (cf: string, created: Date) => {
      const id = randomUUID();
      pratiche.create({ id, citizenCf: cf, tenantSlug: TENANT, serviceSlug: SERVICE.slug, serviceId: SERVICE.id, status: 1000, stepId: 'certificato', data: { email: EMAIL }, openedBy: null }, created.toISOString());
      return id;
    };

    // Mario: a sent pratica with its files in his library and a signed module, contacts, terms,
    // a document in his library only, a recent draft and one untouched for 40 days.
    const files = [randomBytes(4096), randomBytes(4096)];
    const sent = kiosk.submit(files);
    const sentShas = [library(MARIO, SENT_NAME, files[0]!, [sent, 'allegati']), library(MARIO, 'modulo.pdf', files[1]!, [sent, 'modulo'])];
    const moduleShas = [blobs.put(randomBytes(2048)), blobs.put(randomBytes(3072))];
    createModuliFirmatiRepo(db).save({ praticaId: sent, pdfSha256: moduleShas[0]!, p7mSha256: moduleShas[1]!, p7mSize: 3072, dataSha256: 'a'.repeat(64), signerCf: MARIO, signedAt: at() });
    cittadini.saveCard({ codiceFiscale: MARIO, nome: 'MARIO', cognome: 'ROSSI', dataNascita: '1980-01-01' }, at());
    cittadini.updateContatti(MARIO, { email: EMAIL, phone: '3331234567', address: 'Via Garibaldi 12' }, at());
    cittadini.acceptTerms(MARIO, TENANT, '1', at());
    const libraryOnly = library(MARIO, 'Carta identità Rossi.pdf', randomBytes(1024));
    const recent = draft(MARIO, now);
    const recentSha = library(MARIO, 'Bozza Rossi.pdf', randomBytes(1024), [recent, 'allegati']);
    const old = draft(MARIO, new Date(now.getTime() - 40 * DAY));
    const oldSha = library(MARIO, OLD_DRAFT_NAME, randomBytes(1024), [old, 'allegati']);
    // Laura is at the kiosk now, with her card in.
    cittadini.saveCard({ codiceFiscale: LAURA, nome: 'LAURA', cognome: 'BIANCHI', dataNascita: null }, at());
    const lauraSha = library(LAURA, 'Documento Bianchi.pdf', randomBytes(1024));

    const oblio = createOblioChiosco({ db, dataDir, allegati: blobs, esiti: filesOf(dataDir).esiti, clock: { now: () => now }, log: silentLogger, present: () => LAURA, pseudonimo, draftRetentionDays: 30 });
    const blobFile = (sha: string) => existsSync(blobs.pathOf(sha));

    // Not sent yet: Mario's data is still needed.
    expect(oblio.run()).toBe(0);
    expect(cittadini.get(MARIO)?.email).toBe(EMAIL);

    await syncUntilEmpty(testEngine({ db, dataDir, portalUrl: portal.url }));
    expectExactlyOnce(portal, kiosk);
    expect(oblio.run()).toBe(1);

    expect(cittadini.get(MARIO)).toBeUndefined();
    expect(cittadini.acceptedAt(MARIO, TENANT, '1')).toBeNull();
    expect(allegati.library(MARIO).map((a) => a.name)).toEqual(['Bozza Rossi.pdf']);
    expect(db.prepare('SELECT count(*) FROM moduli_firmati').pluck().get()).toBe(0);
    expect(db.prepare('SELECT payload FROM outbox WHERE pratica_id = ?').pluck().get(sent)).toBe('{"purged":true}');
    expect(db.prepare('SELECT citizen_cf, data FROM pratiche WHERE id = ?').get(sent)).toEqual({ citizen_cf: pseudonimo(MARIO), data: '{}' });
    expect(pratiche.get(old, MARIO)).toBeUndefined();
    for (const sha of [...sentShas, ...moduleShas, libraryOnly, oldSha]) expect(blobFile(sha), sha).toBe(false);
    expect(blobFile(recentSha)).toBe(true);
    expect(blobFile(lauraSha)).toBe(true);
    expect(cittadini.get(LAURA)).toBeDefined();
    // Mario, back with his card, still finds his sent pratica and his draft.
    expect(pratiche.listByCitizen(MARIO).map((p) => p.id).sort()).toEqual([sent, recent].sort());
    expect(pratiche.get(sent, MARIO)?.status).toBeGreaterThanOrEqual(1900);

    // Nowhere in the directory: not in the database, its WAL, its copies, nor a file.
    expect(backups(dataDir)).toHaveLength(1);
    // (The recent draft still holds the e-mail and the codice fiscale: drafts stay until they expire.)
    for (const text of ['Via Garibaldi 12', '3331234567', SENT_NAME, OLD_DRAFT_NAME, 'Carta identit']) expect(filesContaining(dataDir, text), text).toEqual([]);
    // The scan finds what is there (Laura is still at the kiosk)...
    expect(filesContaining(dataDir, LAURA).length).toBeGreaterThan(0);
    // ...and a copy of the disk without the keys shows not even her.
    expect(rawFilesContaining(dataDir, LAURA)).toEqual([]);

    // Nothing new to forget: no new copy is taken.
    const copy = backups(dataDir)[0]!.path;
    expect(oblio.run()).toBe(0);
    expect(backups(dataDir).map((b) => b.path)).toEqual([copy]);

    // A month later the draft expires, and Mario is gone from the directory altogether.
    now = new Date(now.getTime() + 31 * DAY);
    expect(oblio.run()).toBe(1);
    expect(blobFile(recentSha)).toBe(false);
    for (const text of [MARIO, EMAIL, 'Bozza Rossi']) expect(filesContaining(dataDir, text), text).toEqual([]);
    expect(pratiche.listByCitizen(MARIO).map((p) => p.id)).toEqual([sent]);
  }, 60_000);
});
