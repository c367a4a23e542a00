/**
 * `npm run bench:sync`: 300 pratiche, each with 2 attachments of 200 KB and the module, synced by
 * the syncing process (a child, as in production) to the reference portal on 127.0.0.1. Prints
 * pratiche per second, the ratio to a raw upload of the same bytes to the same server in the same
 * run (target >= 0.5), and the peak RSS of the syncing process.
 *
 * The raw upload is the portal's three-step upload of every file, with the same number of
 * parallel lanes and no database, no application create: the floor the transfer costs. The sync
 * time is the syncing process's whole first pass (catalogue refresh and a status pull included),
 * from its first cycle until its outbox is empty.
 */
import axios from 'axios';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { startPortal } from '../portal/server';
import { startSyncChild } from '../integration/sync/child';
import { KIOSK_ACCOUNT } from '../integration/sync/engine';
import { createKiosk, TEST_CATALOGUE } from '../integration/sync/kiosk';

const PRATICHE = Number(process.env.BENCH_PRATICHE ?? 300);
const LANES = 4;
const ATTACHMENT = 200 * 1024;
const MODULE = 60 * 1024;

async function rawUpload(portalUrl: string, tenant: string, files: Buffer[]): Promise<number> {
  const http = axios.create({ httpAgent: new Agent({ keepAlive: true, maxSockets: 16 }), maxBodyLength: Infinity });
  const api = `${portalUrl}/${tenant}`;
  const { data } = await http.post<{ token: string }>(`${api}/api/auth`, KIOSK_ACCOUNT);
  const headers = { authorization: `Bearer ${data.token}` };
  const { createHash } = await import('node:crypto');
  const digests = files.map((f) => createHash('sha256').update(f).digest('hex'));
  const started = process.hrtime.bigint();
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const created = await http.post<{ id: string; uri: string }>(`${api}/it/upload`, { original_filename: `f${i}.pdf`, mime_type: 'application/pdf' }, { headers });
      await http.put(created.data.uri, files[i], { headers: { 'content-type': 'application/octet-stream' } });
      await http.put(`${api}/it/upload/${created.data.id}`, { file_hash: digests[i] }, { headers });
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  return Number(process.hrtime.bigint() - started) / 1e9;
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
  console.log(`rapporto sync / grezzo: ${(syncRate / rawRate).toFixed(2)} (obiettivo >= 0.5)`);
  console.log(`picco di memoria (RSS) del processo di sincronizzazione: ${(report.maxRssBytes / 1024 / 1024).toFixed(1)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
