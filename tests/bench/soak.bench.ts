/**
 * `npm run bench:soak`: a kiosk through a working day and more. SOAK_SESSIONS (default 1,000)
 * citizen sessions through the real browser host in headless Chromium, each as at the kiosk:
 * a fresh page (the renderer recreated), card in, PIN, terms, a service opened and its first
 * step saved as a draft, card out.
 *
 * The kiosk runs in a process of its own (soak-kiosk.ts), as the app's main process does, so its
 * figures are the app's alone, not this driver's (Playwright's client grows with every page).
 * Prints that process's heap and RSS after a garbage collection, at the end of the warm-up
 * and at the end (target growth < 5 MB for both), the renderer's JS heap of the first and the
 * last sessions, and whether anything of any citizen is left in the data directory once their
 * drafts have expired (read with the keys: database, WAL, copies, files). Exit code 1 when a
 * target is missed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from '@playwright/test';
import { filesContaining } from '../support/data-directory-scan';
import { PIN } from '../e2e/support/scripted-card';
import { CITIZENS } from './soak-citizens';

const SESSIONS = Number(process.env.SOAK_SESSIONS ?? 1000);
const WARM_UP = Math.min(50, Math.floor(SESSIONS / 5));
const GROWTH_TARGET_MB = 5;
// The kiosk's keys: the bench reads its directory with them at the end.
process.env.SPORTELLO_KEY_DIR ??= join(tmpdir(), 'sportello-test-chiavi');

interface Memory {
  heapMb: number;
  rssMb: number;
}

/** The kiosk process and one request-answer exchange per command. */
async function startKiosk() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'soak-kiosk.ts')], { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error('il chiosco è uscito');
    return JSON.parse(value as string) as Record<string, unknown>;
  };
  const ask = async (command: string) => {
    child.stdin.write(`${command}\n`);
    const reply = await next();
    if ('errore' in reply) throw new Error(String(reply.errore));
    return reply;
  };
  const ready = await next();
  return { dataDir: String(ready.dataDir), ask, memory: async () => (await ask('memoria')) as unknown as Memory, kill: () => child.kill('SIGKILL') };
}

type Kiosk = Awaited<ReturnType<typeof startKiosk>>;

async function session(browser: Browser, kiosk: Kiosk, citizen: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(String((await kiosk.ask('url')).url));
    await page.getByTestId('attract-istruzione').waitFor();
    await kiosk.ask(`inserisci ${citizen}`);
    await page.getByTestId('pin').fill(PIN);
    await page.getByTestId('pin').press('Enter');
    const terms = page.getByTestId('accetta-termini');
    const profile = page.getByTestId('profilo-dopo');
    await terms.or(profile).first().waitFor();
    if (await terms.isVisible()) await terms.click();
    await profile.click();
    await page.getByTestId('menu-servizi').click();
    await page.getByTestId('servizio-iscrizione-mensa-scolastica').click();
    await page.getByTestId('accedi-servizio').click();
    // The citizen's earlier draft (they were here before) is offered: resumed, as they would.
    const resume = page.getByRole('button', { name: 'Riprendi', exact: true });
    const instructions = page.getByText('Ho letto le istruzioni');
    const applicant = page.getByTestId('richiedente');
    await instructions.or(applicant).or(resume).first().waitFor();
    if (await resume.isVisible()) {
      await resume.click();
      await instructions.or(applicant).first().waitFor();
    }
    if (await applicant.isVisible()) {
      await page.getByTestId('indietro').click();
      await instructions.waitFor();
    }
    if (!(await page.getByTestId('istruzioni-lette').isChecked())) await instructions.click();
    await page.getByTestId('avanti').click();
    await applicant.waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = await cdp.send('Performance.getMetrics');
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    await kiosk.ask('estrai');
    await page.getByTestId('attract-istruzione').waitFor();
    return heap / 1024 / 1024;
  } catch (error) {
    await context.pages()[0]?.screenshot({ path: join(tmpdir(), 'soak-errore.png') }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  const kiosk = await startKiosk();
  const browser = await chromium.launch({ executablePath: process.env.SPORTELLO_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const renderer: number[] = [];
    let warm = await kiosk.memory();
    const started = Date.now();
    for (let i = 0; i < SESSIONS; i++) {
      renderer.push(await session(browser, kiosk, i));
      if (i + 1 === WARM_UP) warm = await kiosk.memory();
      if ((i + 1) % 100 === 0) console.log(`  ${i + 1} sessioni, ${((Date.now() - started) / (i + 1)).toFixed(0)} ms l'una`);
    }
    const end = await kiosk.memory();

    // The drafts expire (draftRetentionDays, 30 by default): a card in and out makes the kiosk forget.
    await kiosk.ask('scadenza 31');
    await kiosk.ask('inserisci 0');
    await kiosk.ask('estrai');
    const left = () => CITIZENS.flatMap((c) => [c.codiceFiscale, c.cognome]).flatMap((text) => filesContaining(kiosk.dataDir, text).map((file) => `${text} in ${file}`));
    const deadline = Date.now() + 10_000;
    let remaining = left();
    while (remaining.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
      remaining = left();
    }

    const heapGrowth = end.heapMb - warm.heapMb;
    const rssGrowth = end.rssMb - warm.rssMb;
    console.log(`\n${SESSIONS} kiosk sessions in ${((Date.now() - started) / 1000).toFixed(0)} s (warm-up ${WARM_UP})`);
    console.log(`kiosk heap:  ${warm.heapMb.toFixed(1)} MB -> ${end.heapMb.toFixed(1)} MB, growth ${heapGrowth.toFixed(2)} MB (target < ${GROWTH_TARGET_MB} MB)`);
    console.log(`kiosk RSS:   ${warm.rssMb.toFixed(1)} MB -> ${end.rssMb.toFixed(1)} MB, growth ${rssGrowth.toFixed(2)} MB (target < ${GROWTH_TARGET_MB} MB)`);
    console.log(`renderer JS heap per session: first ${renderer[0]!.toFixed(1)} MB, last ${renderer.at(-1)!.toFixed(1)} MB, max ${Math.max(...renderer).toFixed(1)} MB`);
    console.log(`left of the citizens in the data directory (with the keys): ${remaining.length === 0 ? 'nothing' : remaining.join(', ')}`);
    process.exitCode = heapGrowth < GROWTH_TARGET_MB && rssGrowth < GROWTH_TARGET_MB && remaining.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await kiosk.ask('fine').catch(() => kiosk.kill());
  }
}

void main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  // The kiosk's pipes and Playwright's driver may keep handles open: the figures are out, the bench ends.
  .finally(() => process.exit());
