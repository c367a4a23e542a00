/**
 * The kiosk's forgetting as the app runs it (composition.ts): the citizen's profile is in the
 * database while their card is in, and gone as soon as the card leaves; at home it stays.
 */
import { join } from 'node:path';
import { openEncrypted } from '../../../electron/core/store/cipher';
import { locationOf } from '../../support/database-location';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/store/database';
import { MARIO_ROSSI } from '../../e2e/support/scripted-card';
import { coreWithCard, type CoreWithCard } from '../../support/core-with-card';
import { valueOf } from '../../support/sportello';

let kiosk: CoreWithCard | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

async function kioskWithProfile(mode: 'kiosk' | 'home'): Promise<{ profiles: () => number }> {
  kiosk = await coreWithCard(mode);
  const { dataDir } = kiosk;
  await kiosk.cardInWithPin();
  await valueOf(kiosk.api.pratiche.updateProfile({ email: 'mario.rossi@example.it', phone: null, address: null }));
  const file = join(dataDir, DATABASE_FILE);
  const { key } = locationOf(dataDir);
  const profiles = () => {
    const db = openEncrypted(file, key, { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM profiles WHERE citizen_cf = ?').pluck().get(MARIO_ROSSI.codiceFiscale) as number;
    } finally {
      db.close();
    }
  };
  expect(profiles()).toBe(1);
  await kiosk.cardOut();
  return { profiles };
}

describe('chiosco: la carta esce, i dati del cittadino se ne vanno', () => {
  it('in modalità chiosco il profilo è eliminato all’uscita della carta', async () => {
    const { profiles } = await kioskWithProfile('kiosk');
    expect(profiles()).toBe(0);
  });

  it('a casa il profilo resta', async () => {
    const { profiles } = await kioskWithProfile('home');
    expect(profiles()).toBe(1);
  });
});
