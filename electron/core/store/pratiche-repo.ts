/**
 * Pratiche, their history, and the outbox row written on submission. Every read and
 * write is scoped by the citizen's codice fiscale, so one citizen can never load or
 * change another's pratica by guessing an id.
 */
import { DomainError } from '../errors';
import { guard, type Db } from './database';
import { unsealed, type TextSealer } from './text-sealer';
import type { OutboxPayload } from './outbox-payload';

export interface PraticaRecord {
  id: string;
  citizenCf: string;
  tenantSlug: string;
  serviceSlug: string;
  serviceId: string;
  status: number;
  stepId: string;
  instructionsAccepted: boolean;
  paymentAcknowledged: boolean;
  data: Record<string, unknown>;
  note: string;
  description: string;
  openedBy: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Set by sync (migration 103) when the comune changed the service of this draft; cleared once seen. */
  catalogueChangedAt: string | null;
}

export type PraticaSummaryRecord = Omit<PraticaRecord, 'data' | 'note'>;

export interface HistoryEntry {
  status: number;
  at: string;
  message: string | null;
}

export interface OutboxEntry {
  kind: 'pratica.submit';
  tenantSlug: string;
  payload: OutboxPayload;
}

interface Row {
  id: string;
  citizen_cf: string;
  tenant_slug: string;
  service_slug: string;
  service_id: string;
  status: number;
  step_id: string;
  instructions_accepted: number;
  payment_acknowledged: number;
  data?: string;
  note?: string;
  description: string;
  opened_by: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  catalogue_changed_at: string | null;
}

const SUMMARY_COLUMNS = `id, citizen_cf, tenant_slug, service_slug, service_id, status, step_id, instructions_accepted,
  payment_acknowledged, description, opened_by, revision, created_at, updated_at, submitted_at, catalogue_changed_at`;

function summaryOf(r: Row, description: string): PraticaSummaryRecord {
  return {
    id: r.id,
    citizenCf: r.citizen_cf,
    tenantSlug: r.tenant_slug,
    serviceSlug: r.service_slug,
    serviceId: r.service_id,
    status: r.status,
    stepId: r.step_id,
    instructionsAccepted: r.instructions_accepted === 1,
    paymentAcknowledged: r.payment_acknowledged === 1,
    description,
    openedBy: r.opened_by,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    catalogueChangedAt: r.catalogue_changed_at,
  };
}

/**
 * `alias`: the other name a citizen's pratiche may be kept under on this device (a kiosk's
 * pseudonym, pratiche/pseudonimo.ts); reads find both, writes only touch the citizen's own drafts.
 * `sealer`: how the form's data, the note and the description are protected at rest (text-sealer.ts).
 */
export function createPraticheRepo(db: Db, alias: (cf: string) => string | null = () => null, sealer: TextSealer = unsealed) {
  const s = {
    insert: db.prepare(`INSERT INTO pratiche (id, citizen_cf, tenant_slug, service_slug, service_id, status, step_id, data, opened_by, created_at, updated_at)
      VALUES (@id, @citizenCf, @tenantSlug, @serviceSlug, @serviceId, @status, @stepId, @data, @openedBy, @now, @now)`),
    history: db.prepare('INSERT INTO pratiche_history (pratica_id, status, at, message) VALUES (?, ?, ?, ?)'),
    get: db.prepare(`SELECT ${SUMMARY_COLUMNS}, data, note FROM pratiche WHERE id = @id AND citizen_cf IN (@cf, @alias)`),
    drafts: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM pratiche WHERE citizen_cf = ? AND tenant_slug = ? AND service_slug = ? AND status = 1000 ORDER BY updated_at DESC`),
    list: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM pratiche WHERE citizen_cf IN (@cf, @alias) ORDER BY updated_at DESC LIMIT @limit`),
    saveData: db.prepare(`UPDATE pratiche SET data = ?, updated_at = ?, revision = revision + 1
      WHERE id = ? AND citizen_cf = ? AND status = 1000`),
    revision: db.prepare('SELECT revision FROM pratiche WHERE id = ?').pluck(),
    setStep: db.prepare('UPDATE pratiche SET step_id = ?, updated_at = ? WHERE id = ? AND citizen_cf = ?'),
    setFlags: db.prepare(`UPDATE pratiche SET instructions_accepted = ?, payment_acknowledged = ?, updated_at = ?, revision = revision + 1
      WHERE id = ? AND citizen_cf = ? AND status = 1000`),
    noticeSeen: db.prepare('UPDATE pratiche SET catalogue_changed_at = NULL WHERE id = ? AND citizen_cf = ?'),
    setTexts: db.prepare('UPDATE pratiche SET note = ?, description = ?, updated_at = ? WHERE id = ? AND citizen_cf = ?'),
    submit: db.prepare(`UPDATE pratiche SET status = ?, submitted_at = ?, updated_at = ? WHERE id = ? AND citizen_cf = ? AND status = 1000`),
    outbox: db.prepare(`INSERT INTO outbox (kind, pratica_id, tenant_slug, payload, created_at) VALUES (?, ?, ?, ?, ?)`),
    status: db.prepare('UPDATE pratiche SET status = ?, updated_at = ? WHERE id = ?'),
    historyOf: db.prepare('SELECT status, at, message FROM pratiche_history WHERE pratica_id = ? ORDER BY seq'),
  };

  const summary = (r: Row): PraticaSummaryRecord => summaryOf(r, sealer.open(r.citizen_cf, r.description));
  // A list shows every row: one whose description cannot be opened now (sealed by another card) shows none.
  const listed = (r: Row): PraticaSummaryRecord => {
    try {
      return summary(r);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return summaryOf(r, '');
    }
  };

  const create = db.transaction((p: Omit<PraticaRecord, 'revision' | 'createdAt' | 'updatedAt' | 'submittedAt' | 'instructionsAccepted' | 'paymentAcknowledged' | 'note' | 'description' | 'catalogueChangedAt'>, now: string) => {
    s.insert.run({ ...p, data: sealer.seal(p.citizenCf, JSON.stringify(p.data)), now });
    s.history.run(p.id, p.status, now, null);
  });

  const submit = db.transaction((id: string, cf: string, status: number, now: string, outbox: OutboxEntry): boolean => {
    if (s.submit.run(status, now, now, id, cf).changes !== 1) return false;
    s.history.run(id, status, now, null);
    s.outbox.run(outbox.kind, id, outbox.tenantSlug, JSON.stringify(outbox.payload), now);
    return true;
  });

  // An explicit transaction, not UPDATE ... RETURNING with get(): there a failing implicit
  // COMMIT (disk full) goes unreported and a lost save would be acknowledged.
  const saveData = db.transaction((id: string, cf: string, data: string, now: string): number | null =>
    s.saveData.run(data, now, id, cf).changes === 1 ? (s.revision.get(id) as number) : null,
  );

  const recordStatus = db.transaction((id: string, status: number, at: string, message: string | null): boolean => {
    if (s.status.run(status, at, id).changes !== 1) return false;
    s.history.run(id, status, at, message);
    return true;
  });

  return {
    create: (p: Parameters<typeof create>[0], now: string): void => guard(() => create(p, now)),
    get(id: string, cf: string): PraticaRecord | undefined {
      const r = s.get.get({ id, cf, alias: alias(cf) }) as Row | undefined;
      if (!r) return undefined;
      const data = JSON.parse(sealer.open(r.citizen_cf, r.data ?? '{}')) as Record<string, unknown>;
      return { ...summary(r), data, note: sealer.open(r.citizen_cf, r.note ?? '') };
    },
    drafts: (cf: string, tenant: string, service: string): PraticaSummaryRecord[] => (s.drafts.all(cf, tenant, service) as Row[]).map(listed),
    listByCitizen: (cf: string, limit = 1000): PraticaSummaryRecord[] => (s.list.all({ cf, alias: alias(cf), limit }) as Row[]).map(listed),
    /** The autosave: returns the new revision, or null when the pratica is no longer a draft of this citizen. */
    saveData: (id: string, cf: string, data: Record<string, unknown>, now: string): number | null =>
      guard(() => saveData(id, cf, sealer.seal(cf, JSON.stringify(data)), now)),
    setStep: (id: string, cf: string, stepId: string, now: string): void => void guard(() => s.setStep.run(stepId, now, id, cf)),
    setFlags: (id: string, cf: string, flags: { instructionsAccepted: boolean; paymentAcknowledged: boolean }, now: string): void =>
      void guard(() => s.setFlags.run(flags.instructionsAccepted ? 1 : 0, flags.paymentAcknowledged ? 1 : 0, now, id, cf)),
    /** The citizen saw that the comune changed the service of this draft. */
    clearCatalogueChanged: (id: string, cf: string): void => void guard(() => s.noticeSeen.run(id, cf)),
    setTexts: (id: string, cf: string, texts: { note: string; description: string }, now: string): void =>
      void guard(() => s.setTexts.run(sealer.seal(cf, texts.note), sealer.seal(cf, texts.description), now, id, cf)),
    /** Draft -> `status`, history and outbox row in one transaction; false if it was not a draft any more. */
    submit: (id: string, cf: string, status: number, now: string, outbox: OutboxEntry): boolean => guard(() => submit(id, cf, status, now, outbox)),
    /** For sync: a status the portal reported, with its history entry. */
    recordStatus: (id: string, status: number, at: string, message: string | null = null): boolean => guard(() => recordStatus(id, status, at, message)),
    history: (id: string): HistoryEntry[] => s.historyOf.all(id) as HistoryEntry[],
  };
}

export type PraticheRepo = ReturnType<typeof createPraticheRepo>;
