/**
 * A portal serves a form that tries every way Form.io lets a form carry code (see
 * tests/fixtures/catalogue/moduli-ostili/README.md). The form's logic must still work
 * (its templates, calculations, conditions and validation run, in the sandbox), and none of
 * it may run with the page's powers: no mark on the page's window, no storage, no title
 * change, no second WebSocket, no hooked send; and when the card comes out the next citizen
 * gets a page of their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { test, expect } from './fixtures';
import { startTestHost, type TestHost } from '../support/host';
import { startPortal, type Portal } from '../portal/server';
import { rendererDir } from '../support/journey-rig';
import { field, formioForm } from './support/formio';
import { enterPin, openServiceForm, signIn } from './support/citizen';
import { PIN } from './support/scripted-card';

const CATALOGUE = join(__dirname, '../fixtures/catalogue/moduli-ostili');
const CREDENTIALS = { usernameVar: 'SPORTELLO_OSTILE_PORTAL_USER', passwordVar: 'SPORTELLO_OSTILE_PORTAL_PASSWORD' } as const;

let portal: Portal | undefined;
let host: TestHost | undefined;
let portalDir: string | undefined;
test.afterEach(async ({ card }) => {
  card.remove();
  await host?.stop();
  await portal?.close();
  if (portalDir) rmSync(portalDir, { recursive: true, force: true });
});

type Marks = { ostile: unknown; catturato: unknown; title: string; storage: string | null; pagina: unknown };
const marks = (page: import('@playwright/test').Page): Promise<Marks> =>
  page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { ostile: w.__ostile, catturato: w.__catturato, title: document.title, storage: sessionStorage.getItem('ostile'), pagina: w.__pagina };
  });

test('a hostile form runs nothing with the page\'s powers, and the next citizen gets a new page', async ({ page, card }) => {
  test.setTimeout(120_000);
  portalDir = mkdtempSync(join(tmpdir(), 'sportello-ostile-portal-'));
  portal = await startPortal({ catalogueDir: CATALOGUE, dataDir: portalDir });
  process.env[CREDENTIALS.usernameVar] = 'chiosco';
  process.env[CREDENTIALS.passwordVar] = 'chiosco-demo';
  host = await startTestHost(
    { mode: 'kiosk', portal: { url: portal.url, tenant: portal.tenant, credentials: { from: 'env', ...CREDENTIALS } }, sync: { intervalSeconds: 1 } },
    { rendererDir: rendererDir(), cardPortFactory: card.factory },
  );
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  const evalRefused: string[] = [];
  // Strings evaluated as code would be refused by the CSP and reported here; none may even be tried.
  page.on('console', (m) => /evaluate a string as JavaScript|EvalError/i.test(m.text()) && evalRefused.push(m.text()));
  const title = 'Sportello';

  await page.goto(host.host.url);
  await expect(page.getByTestId('attract-istruzione')).toBeVisible({ timeout: 60_000 });
  await signIn(page, card);
  await openServiceForm(page, 'modulo-ostile');

  // The form's logic works, inside the sandbox.
  const form = formioForm(page);
  await expect(form.getByText('testo-calcolato', { exact: true })).toBeVisible();
  await expect(form).toContainText('nessun ponte');
  await expect(field(page, 'sonda')).toHaveValue('isolato');
  // The label's template is rendered by the sandbox (Form.io's own look-up would show "Nome undefined").
  await expect(form.locator('.formio-component-nome label').first()).toContainText('Nome in sandbox');
  await expect(form.locator('select[name="data[scelta]"] option', { hasText: 'nessun ponte' })).toHaveCount(1);
  await field(page, 'nome').fill('logica');
  await expect(field(page, 'maiuscolo')).toHaveValue('LOGICA');
  await expect(field(page, 'logica')).toHaveValue('logica applicata');
  await field(page, 'nome').fill('no');
  await field(page, 'nome').blur();
  await expect(form).toContainText('Il nome non può essere no');
  await expect(field(page, 'infinito')).toBeAttached();

  // ...the sanitiser left no event handler in the form's HTML...
  expect(await form.evaluate((el) => [...el.querySelectorAll('*')].flatMap((n) => n.getAttributeNames().filter((a) => a.startsWith('on'))))).toEqual([]);
  // ...and nothing of it reached the page.
  await expect.poll(() => marks(page)).toMatchObject({ ostile: undefined, catturato: undefined, title, storage: null });
  expect(sockets).toHaveLength(1);

  // Esci, card out: the page is replaced, with a new token.
  await page.evaluate(() => Object.assign(window, { __pagina: 'del cittadino precedente' }));
  await page.getByTestId('esci').click();
  card.remove();
  // The old page shows only "closing", so the attract screen seen now is the new page's.
  await expect(page.getByTestId('attract-istruzione')).toBeVisible();
  expect((await marks(page)).pagina).toBeUndefined();
  await expect.poll(() => sockets.length).toBe(2);

  // The next citizen's PIN goes through a page that no form ever touched.
  card.insert();
  await expect(page.getByTestId('tentativi-rimasti')).toBeVisible();
  await enterPin(page, PIN);
  await expect(page.getByTestId('accetta-termini').or(page.getByTestId('titolo-stanza')).or(page.getByTestId('profilo-dopo'))).toBeVisible();
  expect(await marks(page)).toMatchObject({ ostile: undefined, catturato: undefined, title, storage: null });
  expect(evalRefused).toEqual([]);
});
