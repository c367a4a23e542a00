/**
 * A kiosk's data directory for sync tests: the real database (all migrations), attachment
 * bytes stored by SHA-256 as the allegati code stores them, and pratiche submitted through
 * pratiche-repo exactly as a citizen's submit writes them (status 1900 + outbox row).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { filesOf } from '../../support/database-location';

export const TEST_CATALOGUE = join(__dirname, '../../portal/fixtures/comune-di-test');
export const TENANT = 'comune-di-test';
export const SERVICE = { id: 'c0000000-0000-4000-8000-000000000001', slug: 'certificato-residenza' };

export interface Kiosk {
  dataDir: string;
  db: Db;
  /** SHA-256 of each submitted pratica's files, by pratica id. */
  expected: Map<string, string[]>;
  /** A pratica with `files` (the last under `keys[1]`, the others under `keys[0]`), for `service` (the test catalogue's certificate by default). */
  submit(files?: Buffer[], status?: 'submit' | 'draft', options?: { service?: { id: string; slug: string }; keys?: [string, string]; tenant?: string; data?: Record<string, unknown> }): string;
  close(): void;
}

const FISCAL_CODES = ['RSSMRA80A01H501U', 'VRDLGU75B12F205X', 'BNCLRA90C41L219K'];

export function createKiosk(dataDir = mkdtempSync(join(tmpdir(), 'sportello-kiosk-'))): Kiosk {
  const db = openDatabase(locationOf(dataDir));
  const pratiche = createPraticheRepo(db);
  const allegati = filesOf(dataDir).allegati;
  const expected = new Map<string, string[]>();
  let n = 0;
  return {
    dataDir,
    db,
    expected,
    submit(files = [randomBytes(4096), randomBytes(4096)], status = 'submit', options = {}) {
      const service = options.service ?? SERVICE;
      const [many, last] = options.keys ?? ['allegati', 'modulo'];
      const tenant = options.tenant ?? TENANT;
      const id = randomUUID();
      const cf = FISCAL_CODES[n++ % FISCAL_CODES.length]!;
      const now = new Date().toISOString();
      const attachments = files.map((bytes, i) => {
        const sha256 = allegati.put(bytes);
        return { key: i === files.length - 1 ? last : many, sha256, name: `documento-${i + 1}.pdf`, mimeType: 'application/pdf', size: bytes.length };
      });
      const data = options.data ?? { applicant: { data: { completename: { data: { name: 'Maria', surname: 'Rossi' } } } }, motivo: `richiesta ${n}` };
      pratiche.create({ id, citizenCf: cf, tenantSlug: tenant, serviceSlug: service.slug, serviceId: service.id, status: 1000, stepId: 'certificato', data, openedBy: null }, now);
      if (status === 'submit') {
        const payload = { serviceId: service.id, serviceSlug: service.slug, citizenFiscalCode: cf, openedBy: null, data, attachments, submittedAt: now };
        if (!pratiche.submit(id, cf, 1900, now, { kind: 'pratica.submit', tenantSlug: tenant, payload })) throw new Error('submit non riuscito');
        expected.set(id, attachments.map((a) => a.sha256).sort());
      }
      return id;
    },
    close: () => db.close(),
  };
}
