/** A citizen's profile (card data + editable contatti) and terms-of-use acceptances. */
import type { Cittadino } from '../ports/card';
import { guard, type Db } from './database';

/** How the comune reaches the citizen: the part of the profile they edit. */
export interface Contatti {
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface ProfileRecord extends Contatti {
  card: Cittadino;
  updatedAt: string;
}

export function createCittadiniRepo(db: Db) {
  const s = {
    upsertCard: db.prepare(`INSERT INTO profiles (citizen_cf, card, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (citizen_cf) DO UPDATE SET card = excluded.card, updated_at = excluded.updated_at`),
    get: db.prepare('SELECT card, email, phone, address, updated_at FROM profiles WHERE citizen_cf = ?'),
    contatti: db.prepare('UPDATE profiles SET email = ?, phone = ?, address = ?, updated_at = ? WHERE citizen_cf = ?'),
    accept: db.prepare('INSERT OR IGNORE INTO terms_acceptances (citizen_cf, tenant_slug, version, accepted_at) VALUES (?, ?, ?, ?)'),
    accepted: db.prepare('SELECT accepted_at FROM terms_acceptances WHERE citizen_cf = ? AND tenant_slug = ? AND version = ?').pluck(),
  };
  return {
    /** The card is the source of truth for identity fields: every session refreshes them. */
    saveCard: (card: Cittadino, now: string): void => void guard(() => s.upsertCard.run(card.codiceFiscale, JSON.stringify(card), now)),
    get(cf: string): ProfileRecord | undefined {
      const r = s.get.get(cf) as { card: string; email: string | null; phone: string | null; address: string | null; updated_at: string } | undefined;
      return r ? { card: JSON.parse(r.card) as Cittadino, email: r.email, phone: r.phone, address: r.address, updatedAt: r.updated_at } : undefined;
    },
    updateContatti: (cf: string, c: Contatti, now: string): boolean => guard(() => s.contatti.run(c.email, c.phone, c.address, now, cf).changes === 1),
    acceptTerms: (cf: string, tenant: string, version: string, now: string): void => void guard(() => s.accept.run(cf, tenant, version, now)),
    acceptedAt: (cf: string, tenant: string, version: string): string | null => (s.accepted.get(cf, tenant, version) as string | undefined) ?? null,
  };
}

export type CittadiniRepo = ReturnType<typeof createCittadiniRepo>;
