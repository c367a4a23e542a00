/**
 * `npm run bench:sync`: 300 pratiche, each with 2 attachments of 200 KB and the module, synced by
 * the syncing process (a child, as in production) to the reference portal on 127.0.0.1. Prints
 * pratiche per second, the ratio to a raw upload of the same bytes to the same server in the same
 * run (target >= 0.7), and the peak RSS of the syncing process.
 *
 * The raw upload is the portal's three-step upload of every file, as the real portal takes it
 * (metadata without token, presigned PUT with the file's MIME type, finalisation 204), with the same
 * number of parallel lanes and no database, no application create: the floor the transfer costs. The
 * sync time is the syncing process's whole first pass (catalogue refresh and a status pull included),
 * from its first cycle until its outbox is empty.
 *
 * Then a first catalogue refresh of BENCH_SERVICES (500) real-shaped services (HTML texts, two steps,
 * nested forms on the form server) into an empty kiosk: its time is printed.
 */
import axios from 'axios';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../electron/core/log/logger';
import { createSyncService } from '../../electron/core/sync/sync-service';
import { createPortalClient } from '../../electron/adapters/portal/portal-client';
import { startPortal } from '../portal/server';
import { startSyncChild } from '../integration/sync/child';
import { KIOSK_ACCOUNT } from '../integration/sync/engine';
import { createKiosk, TEST_CATALOGUE } from '../integration/sync/kiosk';
import { filesOf } from '../support/database-location';
import { createRepositories } from '../../electron/composition/repositories';

const PRATICHE = Number(process.env.BENCH_PRATICHE ?? 300);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 500);
const LANES = 4;
const ATTACHMENT = 200 * 1024;
const MODULE = 60 * 1024;

async function rawUpload(portalUrl: string, tenant: string, files: Buffer[]): Promise<number> {
  const http = axios.create({ httpAgent: new Agent({ keepAlive: true, maxSockets: 16 }), maxBodyLength: Infinity });
  const base = `${portalUrl}/${tenant}`;
  const { createHash } = await import('node:crypto');
  const digests = files.map((f) => createHash('sha256').update(f).digest('hex'));
  const started = process.hrtime.bigint();
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const created = await http.post<{ id: string; uri: string }>(`${base}/it/upload`, { original_filename: `f${i}.pdf`, description: '', mime_type: 'application/pdf', protocol_required: true });
      await http.put(created.data.uri, files[i], { headers: { 'content-type': 'application/pdf' } });
      await http.put(`${base}/it/upload/${created.data.id}`, { file_hash: digests[i], check_signature: false });
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** A catalogue directory of `n` services like a real tenant's: HTML texts, two steps, nested forms, file fields. */
function bigCatalogue(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-catalogue-'));
  cpSync(TEST_CATALOGUE, dir, { recursive: true });
  const template = JSON.parse(readFileSync(join(TEST_CATALOGUE, 'services', 'certificato-residenza.json'), 'utf8')) as Record<string, unknown>;
  const form = JSON.parse(readFileSync(join(TEST_CATALOGUE, 'forms', 'certificato.json'), 'utf8')) as { components: unknown[] };
  for (let i = 0; i < n; i++) {
    const id = `b${String(i).padStart(7, '0')}-0000-4000-8000-000000000000`.slice(0, 36);
    writeFileSync(join(dir, 'forms', `bench-${i}.json`), JSON.stringify({ ...form, _id: `bench-${i}`, name: `bench${i}`, path: `bench-${i}` }));
    writeFileSync(
      join(dir, 'services', `bench-${i}.json`),
      JSON.stringify({
        ...template,
        id,
        slug: `servizio-di-prova-numero-${i}-con-un-nome-lungo-come-quelli-dei-portali-reali`,
        identifier: `bench-${i}`,
        name: `Servizio di prova ${i}`,
        description: `<p>Il servizio <strong>${i}</strong> permette di:</p><ul><li>chiedere</li><li>ricevere</li></ul>`,
        who: '<p>Tutti i <em>residenti</em>.</p>',
        flow_steps: [
          { identifier: 'dati', type: 'formio', parameters: { formio_id: `bench-${i}` } },
          { identifier: 'mensa', title: 'Altro', type: 'formio', parameters: { formio_id: 'mensa' } },
        ],
      }),
    );
  }
  return dir;
}

async function firstRefresh(): Promise<{ seconds: number; services: number; forms: number }> {
  const portal = await startPortal({ catalogueDir: bigCatalogue(SERVICES) });
  const kiosk = createKiosk();
  const engine = createSyncService({
    repos: createRepositories(kiosk.db),
    fidati: () => [],
    files: filesOf(kiosk.dataDir),
    portal: createPortalClient({ url: `${portal.url}/${portal.tenant}`, access: { kind: 'account', credentials: () => KIOSK_ACCOUNT } }),
    tenant: { slug: portal.tenant, name: 'Comune di Test' },
    retentionDays: 90,
    log: silentLogger,
    clock: { now: () => new Date() },
  });
  const started = process.hrtime.bigint();
  const report = await engine.refreshCatalogue();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  kiosk.close();
  await portal.close();
  return { seconds, services: report.imported?.services ?? 0, forms: report.fetchedForms };
}

async function main(): Promise<void> {
  const portal = await startPortal({ catalogueDir: TEST_CATALOGUE });
  const kiosk = createKiosk();
  const files: Buffer[] = [];
  for (let i = 0; i < PRATICHE; i++) {
    const set = [randomBytes(ATTACHMENT), randomBytes(ATTACHMENT), randomBytes(MODULE)];
    files.push(...set);
    kiosk.submit(set);
  }
  kiosk.close();
  const megabytes = files.reduce((n, f) => n + f.length, 0) / 1024 / 1024;

  // The machine is shared: the raw upload runs before and after the sync and the two are averaged.
  const rawBefore = await rawUpload(portal.url, portal.tenant, files);
  const child = startSyncChild(kiosk.dataDir, portal.url, [String(LANES)]);
  const result = await child.done;
  if (result.code !== 0) throw new Error(`sincronizzazione fallita: ${result.stderr}`);
  const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { seconds: number; maxRssBytes: number };
  const rawAfter = await rawUpload(portal.url, portal.tenant, files);
  const rawSeconds = (rawBefore + rawAfter) / 2;
  const applications = portal.db.prepare('SELECT count(*) FROM applications').pluck().get() as number;
  await portal.close();
  if (applications !== PRATICHE) throw new Error(`sul portale ${applications} pratiche invece di ${PRATICHE}`);

  const syncRate = PRATICHE / report.seconds;
  const rawRate = PRATICHE / rawSeconds;
  console.log(`pratiche: ${PRATICHE} (3 file ciascuna, ${megabytes.toFixed(1)} MB in tutto), ${LANES} invii in parallelo`);
  console.log(`sync: ${report.seconds.toFixed(2)} s, ${syncRate.toFixed(1)} pratiche/s`);
  console.log(`upload grezzo degli stessi byte (prima ${rawBefore.toFixed(2)} s, dopo ${rawAfter.toFixed(2)} s): media ${rawSeconds.toFixed(2)} s, ${rawRate.toFixed(1)} pratiche/s equivalenti`);
  console.log(`rapporto sync / grezzo: ${(syncRate / rawRate).toFixed(2)} (obiettivo >= 0.7)`);
  console.log(`picco di memoria (RSS) del processo di sincronizzazione: ${(report.maxRssBytes / 1024 / 1024).toFixed(1)} MB`);

  const refresh = await firstRefresh();
  console.log(`primo aggiornamento del catalogo: ${refresh.services} servizi, ${refresh.forms} moduli (annidati compresi) in ${refresh.seconds.toFixed(2)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
