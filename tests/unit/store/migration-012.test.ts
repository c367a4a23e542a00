import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { createCittadiniRepo } from '../../../electron/core/store/cittadini-repo';
import { memoryDbUpTo } from './migrate-upto';

describe('migration 012-profili-cittadino', () => {
  it('rewrites the card data a previous version stored in the citizen shape core reads, contacts untouched', () => {
    const db = memoryDbUpTo(11);
    const insert = db.prepare(`INSERT INTO profiles (citizen_cf, card, email, phone, address, updated_at) VALUES (?, ?, ?, ?, ?, 'prima')`);
    // As the previous version's saveCard wrote them.
    insert.run('RSSMRA80A01H501U', JSON.stringify({ fiscalCode: 'RSSMRA80A01H501U', givenName: 'MARIO', familyName: 'ROSSI', birthDate: '1980-01-01', birthPlace: null }), 'mario@example.it', '3331234567', 'Via Roma 1');
    insert.run('BNCLRA85M41F205Z', JSON.stringify({ fiscalCode: 'BNCLRA85M41F205Z', givenName: 'LAURA', familyName: 'BIANCHI', birthDate: null, birthPlace: 'Milano' }), null, null, null);
    // Already in the new shape, and one with nothing to map: both left as they are.
    const current = JSON.stringify({ codiceFiscale: 'VRDGPP80A01F205X', nome: 'GIUSEPPE', cognome: 'VERDI', dataNascita: null });
    insert.run('VRDGPP80A01F205X', current, null, null, null);
    insert.run('VUOTO', '{}', null, null, null);

    expect(runMigrations(db, migrations.filter((m) => m.id <= 12))).toEqual([12]);

    const repo = createCittadiniRepo(db);
    expect(repo.get('RSSMRA80A01H501U')).toEqual({
      card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI', dataNascita: '1980-01-01' },
      email: 'mario@example.it',
      phone: '3331234567',
      address: 'Via Roma 1',
      updatedAt: 'prima',
    });
    expect(repo.get('BNCLRA85M41F205Z')?.card).toEqual({ codiceFiscale: 'BNCLRA85M41F205Z', nome: 'LAURA', cognome: 'BIANCHI', dataNascita: null });
    const stored = db.prepare('SELECT citizen_cf, card FROM profiles ORDER BY citizen_cf').all() as { citizen_cf: string; card: string }[];
    // Key order as core writes it, so the profile's "has the card changed?" comparison sees no change.
    expect(stored.find((r) => r.citizen_cf === 'RSSMRA80A01H501U')?.card).toBe(
      JSON.stringify({ codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI', dataNascita: '1980-01-01' }),
    );
    expect(stored.find((r) => r.citizen_cf === 'VRDGPP80A01F205X')?.card).toBe(current);
    expect(stored.find((r) => r.citizen_cf === 'VUOTO')?.card).toBe('{}');
  });
});
