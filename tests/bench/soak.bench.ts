/**
 * `npm run bench:soak`: a kiosk through a working day and more. SOAK_SESSIONS (default 1,000)
 * citizen sessions through the real browser host in headless Chromium, each as at the kiosk:
 * a fresh page (the renderer recreated), card in, PIN, terms, a service opened and its first
 * step saved as a draft, card out.
 *
 * Prints the main process's heap and RSS after a garbage collection, at the end of the warm-up
 * and at the end (target growth < 5 MB for both), the renderer's JS heap of the first and the
 * last sessions, and whether anything of any citizen is left in the data directory once their
 * drafts have expired (read with the keys: database, WAL, copies, files). Exit code 1 when a
 * target is missed.
 */
import { execFileSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { chromium, type Browser } from '@playwright/test';
import { startTestHost, type TestHost } from '../support/host';
import { filesContaining } from '../support/data-directory-scan';
import { MARIO_ROSSI, PIN, ScriptedCard } from '../e2e/support/scripted-card';
import type { CardIdentity } from '../../electron/core/ports/card';

const SESSIONS = Number(process.env.SOAK_SESSIONS ?? 1000);
const WARM_UP = Math.min(50, Math.floor(SESSIONS / 5));
const GROWTH_TARGET_MB = 5;
const DAY = 86_400_000;

/** Citizens whose codici fiscali and surnames appear nowhere in the catalogue's forms (Mario Rossi's is their example). */
const CITIZENS: CardIdentity[] = [
  { ...MARIO_ROSSI, codiceFiscale: 'GLLNNA85T45H501I', nome: 'ANNA', cognome: 'GALLI', dataNascita: '1985-12-05', sesso: 'F', seriale: '6120016461039011' },
  { ...MARIO_ROSSI, codiceFiscale: 'VRDLGU75B12F205B', nome: 'LUIGI', cognome: 'VERDI', dataNascita: '1975-02-12', seriale: '6120016461039009' },
  { ...MARIO_ROSSI, codiceFiscale: 'BNCLRA90C41L219B', nome: 'LAURA', cognome: 'BIANCHI', dataNascita: '1990-03-01', sesso: 'F', seriale: '6120016461039010' },
];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mb = (bytes: number) => bytes / 1024 / 1024;

function mainMemory(): { heapMb: number; rssMb: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapMb: mb(m.heapUsed), rssMb: mb(m.rss) };
}

async function session(browser: Browser, app: TestHost, card: ScriptedCard, citizen: CardIdentity): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(app.host.url);
    await page.getByTestId('attract-istruzione').waitFor();
    card.insert(citizen);
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
    card.remove();
    await page.getByTestId('attract-istruzione').waitFor();
    return mb(heap);
  } catch (error) {
    await context.pages()[0]?.screenshot({ path: '/tmp/soak-errore.png' }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  const card = new ScriptedCard();
  const app = await startTestHost({ mode: 'kiosk' }, { cardPortFactory: card.factory, clock });
  const browser = await chromium.launch({ executablePath: process.env.SPORTELLO_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const renderer: number[] = [];
    let warm = mainMemory();
    const started = Date.now();
    for (let i = 0; i < SESSIONS; i++) {
      renderer.push(await session(browser, app, card, CITIZENS[i % CITIZENS.length]!));
      if (i + 1 === WARM_UP) warm = mainMemory();
      if ((i + 1) % 100 === 0) console.log(`  ${i + 1} sessioni, ${((Date.now() - started) / (i + 1)).toFixed(0)} ms l'una`);
    }
    const end = mainMemory();

    // The drafts expire (draftRetentionDays, 30 by default): a card in and out makes the kiosk forget.
    offset = 31 * DAY;
    card.insert(CITIZENS[0]!);
    card.remove();
    const left = async () => CITIZENS.flatMap((c) => [c.codiceFiscale, c.cognome]).flatMap((text) => filesContaining(app.dataDir, text).map((file) => `${text} in ${file}`));
    const deadline = Date.now() + 10_000;
    let remaining = await left();
    while (remaining.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
      remaining = await left();
    }

    const heapGrowth = end.heapMb - warm.heapMb;
    const rssGrowth = end.rssMb - warm.rssMb;
    console.log(`\n${SESSIONS} kiosk sessions in ${((Date.now() - started) / 1000).toFixed(0)} s (warm-up ${WARM_UP})`);
    console.log(`main heap:   ${warm.heapMb.toFixed(1)} MB -> ${end.heapMb.toFixed(1)} MB, growth ${heapGrowth.toFixed(2)} MB (target < ${GROWTH_TARGET_MB} MB)`);
    console.log(`main RSS:    ${warm.rssMb.toFixed(1)} MB -> ${end.rssMb.toFixed(1)} MB, growth ${rssGrowth.toFixed(2)} MB (target < ${GROWTH_TARGET_MB} MB)`);
    console.log(`renderer JS heap per session: first ${renderer[0]!.toFixed(1)} MB, last ${renderer.at(-1)!.toFixed(1)} MB, max ${Math.max(...renderer).toFixed(1)} MB`);
    console.log(`left of the citizens in the data directory (with the keys): ${remaining.length === 0 ? 'nothing' : remaining.join(', ')}`);
    process.exitCode = heapGrowth < GROWTH_TARGET_MB && rssGrowth < GROWTH_TARGET_MB && remaining.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await app.stop();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
