/**
 * A draft left at a kiosk is readable only with its citizen's card: sealed with a key the card
 * gives after the PIN (pratiche/cassetta-bozze.ts), forgotten when the card leaves or the citizen
 * presses Esci. Read with every key of the installation (the database decrypted, the keystore at
 * hand), the draft's data and note are not there; the citizen back with the same card finds them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import type { CardIdentity } from '../../../electron/core/ports/card';
import { MARIO_ROSSI } from '../../e2e/support/scripted-card';
import { coreWithCard, type CoreWithCard } from '../../support/core-with-card';
import { filesContaining } from '../../support/data-directory-scan';
import { locationOf } from '../../support/database-location';
import { createdPratica } from '../../support/created-pratica';
import { errorOf, valueOf } from '../../support/sportello';

const TENANT = 'comune-di-prova';
const SERVICE = 'iscrizione-mensa-scolastica';
const NOTE = 'Nota di Mario: Sofia è allergica alle arachidi';
const LAURA: CardIdentity = { ...MARIO_ROSSI, codiceFiscale: 'BNCLRA90C41L219B', nome: 'LAURA', cognome: 'BIANCHI', seriale: '6120016461039010' };

let current: CoreWithCard | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

let dataDir: string | undefined;
async function kiosk() {
  const k = await coreWithCard('kiosk');
  current = k;
  dataDir = k.dataDir;
  return {
    ...k,
    /** Card in, PIN, and the comune's terms accepted when asked. */
    async signIn(identity: CardIdentity = MARIO_ROSSI) {
      await k.cardInWithPin(identity);
      const terms = await valueOf(k.api.pratiche.terms({ tenant: TENANT }));
      if (terms.mustAccept && terms.version) await valueOf(k.api.pratiche.acceptTerms({ tenant: TENANT, version: terms.version }));
    },
  };
}

async function newDraft(k: CoreWithCard): Promise<string> {
  return (await createdPratica(k.api.pratiche.start({ tenant: TENANT, service: SERVICE, newDraft: true }))).id;
}

describe('a kiosk draft, sealed by the citizen’s card', () => {
  it('is nowhere in the directory even read with every key, and whole again with the same card', async () => {
    const k = await kiosk();
    await k.signIn();
    const id = await newDraft(k);
    await valueOf(k.api.pratiche.note({ id, note: NOTE, description: 'Mensa di Sofia 2026-2027' }));
    // Sealed as they are written, card in or not: the note and the description the citizen gave the draft.
    expect(filesContaining(dataDir!, 'arachidi')).toEqual([]);
    expect(filesContaining(dataDir!, 'Mensa di Sofia')).toEqual([]);
    // The scan does read the pratica's row: its service is there in clear.
    expect(filesContaining(dataDir!, SERVICE).length).toBeGreaterThan(0);
    await k.cardOut();

    expect(filesContaining(dataDir!, 'arachidi')).toEqual([]);
    // The repository of the installation, with the database open, cannot read it either.
    const db = openDatabase(locationOf(dataDir!));
    try {
      expect(() => createPraticheRepo(db).get(id, MARIO_ROSSI.codiceFiscale)).toThrow(SyntaxError);
    } finally {
      db.close();
    }

    // Another citizen at the kiosk: their session opens nothing of Mario's.
    await k.signIn(LAURA);
    expect(await k.api.pratiche.get({ id })).toMatchObject({ ok: false });
    await k.cardOut();

    await k.signIn();
    const back = await valueOf(k.api.pratiche.get({ id }));
    expect(back.note).toBe(NOTE);
    expect(back.description).toBe('Mensa di Sofia 2026-2027');
    expect((await valueOf(k.api.pratiche.list({ group: 'bozza' }))).pratiche.map((p) => p.description)).toContain('Mensa di Sofia 2026-2027');
    // As long as the app lets a citizen write, accents included: sealed, it still fits.
    const lunga = 'è'.repeat(2000);
    await valueOf(k.api.pratiche.note({ id, note: lunga, description: 'à'.repeat(500) }));
    expect((await valueOf(k.api.pratiche.get({ id }))).note).toBe(lunga);
  });

  it('Esci with the card still in locks it again; a different card of the same citizen cannot open it', async () => {
    const k = await kiosk();
    await k.signIn();
    const id = await newDraft(k);
    await valueOf(k.api.pratiche.note({ id, note: NOTE }));
    await valueOf(k.api.card.endSession({}));
    expect(filesContaining(dataDir!, 'arachidi')).toEqual([]);
    await k.cardOut();

    // Same codice fiscale, a renewed card (another key): the draft is refused with a message, not shown as empty.
    await k.signIn({ ...MARIO_ROSSI, seriale: '6120016461039999' });
    expect(await errorOf(k.api.pratiche.get({ id }))).toMatchObject({ code: 'bozza-protetta', message: expect.stringMatching(/solo con la carta di chi l'ha iniziata/) });
  });
});
