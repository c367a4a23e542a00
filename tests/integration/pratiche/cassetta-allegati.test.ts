/**
 * A kiosk draft's documents are sealed with the citizen's card like its texts
 * (pratiche/cassetta-bozze.ts, pratiche/allegati): read with every key of the installation, the
 * attached certificate is not in the directory; the citizen back with the same card reuses it;
 * another card cannot. Once the pratica is sent the document is stored as itself, so sync can
 * upload it after the card is out, and the sealed copy goes. The documents' names ("Certificato
 * Mario Rossi.pdf" says whose it is) are sealed the same way, and stored as themselves when sent.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardIdentity } from '../../../electron/core/ports/card';
import { sha256Of } from '../../../electron/core/store/blob-store';
import { openDatabase } from '../../../electron/core/store/database';
import { MARIO_ROSSI, ScriptedCard } from '../../e2e/support/scripted-card';
import { randomBytes } from 'node:crypto';
import { silentLogger } from '../../../electron/core/log/logger';
import { createCassettaBozze } from '../../../electron/core/pratiche/cassetta-bozze';
import { ANNA, createHarness } from './harness';
import { pdfA } from '../../support/allegati';
import { coreWithCard, type CoreWithCard } from '../../support/core-with-card';
import { createdPratica } from '../../support/created-pratica';
import { filesContaining } from '../../support/data-directory-scan';
import { filesOf, locationOf } from '../../support/database-location';
import { fillMensa, MENSA } from '../../support/mensa-demo';
import { errorOf, valueOf } from '../../support/sportello';

const NOME = 'Certificato medico Mario Rossi.pdf';
const LAURA: CardIdentity = { ...MARIO_ROSSI, codiceFiscale: 'BNCLRA90C41L219B', nome: 'LAURA', cognome: 'BIANCHI', seriale: '6120016461039010' };

let current: CoreWithCard | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function signIn(k: CoreWithCard, identity: CardIdentity = MARIO_ROSSI) {
  await k.cardInWithPin(identity);
  const terms = await valueOf(k.api.pratiche.terms({ tenant: MENSA.tenant }));
  if (terms.mustAccept && terms.version) await valueOf(k.api.pratiche.acceptTerms({ tenant: MENSA.tenant, version: terms.version }));
}

const sealedOf = (dataDir: string, sha256: string): string | null => {
  const db = openDatabase(locationOf(dataDir));
  try {
    return db.prepare('SELECT sealed_sha256 FROM allegati WHERE sha256 = ?').pluck().get(sha256) as string | null;
  } finally {
    db.close();
  }
};

/** The files' names in the outbox payload sync uploads from (sync/outbox-sender.ts), with no card. */
const uploadedNames = (dataDir: string, praticaId: string): string[] => {
  const db = openDatabase(locationOf(dataDir));
  try {
    const payload = JSON.parse(db.prepare(`SELECT payload FROM outbox WHERE pratica_id = ? AND kind = 'pratica.submit'`).pluck().get(praticaId) as string) as { attachments: { name: string }[] };
    return payload.attachments.map((a) => a.name);
  } finally {
    db.close();
  }
};

const nameOf = (dataDir: string, sha256: string): string => {
  const db = openDatabase(locationOf(dataDir));
  try {
    return db.prepare('SELECT name FROM allegati WHERE sha256 = ?').pluck().get(sha256) as string;
  } finally {
    db.close();
  }
};

describe("a kiosk draft's documents, sealed by the citizen's card", () => {
  it('are not in the directory read with every key; the same card reuses them, another cannot', async () => {
    const k = await coreWithCard('kiosk');
    current = k;
    await signIn(k);
    const { id } = await createdPratica(k.api.pratiche.start({ tenant: MENSA.tenant, service: MENSA.service, newDraft: true }));
    await fillMensa(k.api, id);
    const certificato = Buffer.from(await pdfA());
    const sha = sha256Of(certificato);
    const files = filesOf(k.dataDir);

    // On disk only the sealed copy: the installation's file key does not give the document.
    expect(files.allegati.has(sha)).toBe(false);
    const sealed = sealedOf(k.dataDir, sha);
    expect(sealed).toMatch(/^[0-9a-f]{64}$/);
    expect(files.allegati.has(sealed!)).toBe(true);
    // No PDF anywhere (none is signed yet): the catalogue names the document too, so its words cannot tell.
    expect(filesContaining(k.dataDir, '%PDF-')).toEqual([]);
    await valueOf(k.api.pratiche['attachments.add']({ id, slot: 'certificato_medico', name: NOME, contentBase64: certificato.toString('base64') }));
    // The name is sealed as it is written; the scan does read the rows (the document's type is there in clear).
    expect(filesContaining(k.dataDir, 'Mario Rossi')).toEqual([]);
    expect(filesContaining(k.dataDir, 'application/pdf').length).toBeGreaterThan(0);
    const library = await valueOf(k.api.pratiche['attachments.library']({}));
    expect(library.map((a) => a.name).sort()).toEqual([NOME, 'certificato.pdf']);
    const allegato = library.find((a) => a.name === 'certificato.pdf');
    await k.cardOut();
    expect(filesContaining(k.dataDir, 'Mario Rossi')).toEqual([]);
    expect(filesContaining(k.dataDir, 'certificato.pdf')).toEqual([]);

    // Another citizen: nothing of Mario's opens.
    await signIn(k, LAURA);
    expect((await errorOf(k.api.pratiche['attachments.reuse']({ id, slot: 'certificato_medico', allegatoId: allegato!.id }))).code).toBe('pratica-sconosciuta');
    await k.cardOut();

    // A renewed card of Mario's (another key) cannot open the document: refused with a message.
    await signIn(k, { ...MARIO_ROSSI, seriale: '6120016461039999' });
    // His library still lists the documents, without the names it cannot open.
    expect((await valueOf(k.api.pratiche['attachments.library']({}))).map((a) => a.name)).toEqual(['documento', 'documento']);
    expect(await errorOf(k.api.pratiche['attachments.reuse']({ id, slot: 'certificato_medico', allegatoId: allegato!.id }))).toMatchObject({ code: 'bozza-protetta' });
    await k.cardOut();

    // The same card: the document is checked again and reused.
    await signIn(k);
    expect((await valueOf(k.api.pratiche['attachments.library']({}))).map((a) => a.name).sort()).toEqual([NOME, 'certificato.pdf']);
    const reused = await valueOf(k.api.pratiche['attachments.reuse']({ id, slot: 'certificato_medico', allegatoId: allegato!.id }));
    expect(reused.allegato).toMatchObject({ id: allegato!.id, name: 'certificato.pdf' });
    // The same document under the same name again: the library keeps the one it has.
    await valueOf(k.api.pratiche['attachments.add']({ id, slot: 'certificato_medico', name: NOME, contentBase64: certificato.toString('base64') }));
    expect(await valueOf(k.api.pratiche['attachments.library']({}))).toHaveLength(2);
  });

  it('sent, a sealed document is stored as itself and its sealed copy goes; refused, it stays sealed', async () => {
    const card = new ScriptedCard();
    card.insert();
    const cassetta = createCassettaBozze({ installationKey: randomBytes(32), log: silentLogger });
    await cassetta.unlock(ANNA.card.codiceFiscale, card.signer());
    const h = createHarness({ cassetta });
    try {
      h.as(ANNA);
      await valueOf(h.api.pratiche.acceptTerms({ tenant: 'comune-alfa', version: '2026-01' }));
      await valueOf(h.api.pratiche.updateProfile({ email: 'anna@example.it', phone: null, address: null }));
      const { id } = await createdPratica(h.api.pratiche.start({ tenant: 'comune-alfa', service: 'iscrizione-mensa-scolastica' }));
      const isee = Buffer.from(await pdfA());
      const sha = sha256Of(isee);
      await valueOf(h.api.pratiche['attachments.add']({ id, slot: 'isee', name: 'ISEE Anna Verdi.pdf', contentBase64: isee.toString('base64') }));
      const files = filesOf(h.dataDir);
      const sealed = sealedOf(h.dataDir, sha)!;
      expect(files.allegati.has(sha)).toBe(false);
      expect(files.allegati.has(sealed)).toBe(true);
      expect(filesContaining(h.dataDir, 'Anna Verdi')).toEqual([]);

      // Incomplete: refused, and no copy of the document as itself is left behind.
      expect((await errorOf(h.api.pratiche.submit({ id }))).code).toBe('pratica-incompleta');
      expect(files.allegati.has(sha)).toBe(false);
      expect(sealedOf(h.dataDir, sha)).toBe(sealed);

      await valueOf(h.api.pratiche.acceptInstructions({ id, accepted: true }));
      await valueOf(h.api.pratiche.saveStep({ id, stepId: 'modulo:mensa-alunno', values: { nome_alunno: 'Luca', scuola: 'collodi', classe: 2 } }));
      // The card leaves before Invia: the document cannot be opened, nothing is sent.
      cassetta.lock();
      expect((await errorOf(h.api.pratiche.submit({ id }))).code).toBe('bozza-protetta');
      await cassetta.unlock(ANNA.card.codiceFiscale, card.signer());

      await valueOf(h.api.pratiche.submit({ id }));
      cassetta.lock();
      // Sync uploads it with the card out: the file store alone gives it.
      expect(files.allegati.read(sha).equals(isee)).toBe(true);
      expect(sealedOf(h.dataDir, sha)).toBeNull();
      expect(files.allegati.has(sealed)).toBe(false);
      expect(readdirSync(join(h.dataDir, 'allegati'))).toHaveLength(1);
      // ...under its name: what the outbox gives the portal, and the row the citizen sees.
      expect(uploadedNames(h.dataDir, id)).toEqual(['ISEE Anna Verdi.pdf']);
      expect(nameOf(h.dataDir, sha)).toBe('ISEE Anna Verdi.pdf');
    } finally {
      h.close();
    }
  });
});
