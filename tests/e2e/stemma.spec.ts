/**
 * The comune's coat of arms as the portal gives it (the ente's `meta.logo`): after the first sync the
 * header and the attract screen show the image itself, named by the comune's name, from a `data:` URL
 * (no address outside the app); without a logo the plain shield stays. In the portrait totem the
 * footer stays compact, with privacy, accessibility statement and contacts within reach. axe clean,
 * screenshots at the three sizes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startTestHost, type TestHost } from '../support/host';
import { startPortal, type Portal } from '../portal/server';
import { rendererDir } from '../support/journey-rig';
import { openApp } from './support/citizen';

const CATALOGUE = join(__dirname, '../portal/fixtures/comune-di-test');
const PNG = readFileSync(join(__dirname, '../fixtures/stemma/stemma-comune.png'));
const CREDENTIALS = { usernameVar: 'SPORTELLO_STEMMA_PORTAL_USER', passwordVar: 'SPORTELLO_STEMMA_PORTAL_PASSWORD' } as const;
const COMUNE = 'Comune di Test';
const SIZES = [
  { width: 1080, height: 1920 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

let portal: Portal | undefined;
let host: TestHost | undefined;
let portalDir: string | undefined;
test.afterEach(async () => {
  await host?.stop();
  await portal?.close();
  if (portalDir) rmSync(portalDir, { recursive: true, force: true });
  host = portal = portalDir = undefined;
});

/** Shown and decoded: an image that did not load has no natural size. */
async function expectDecoded(img: Locator): Promise<void> {
  await expect(img).toBeVisible();
  expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(96);
  expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
}

async function atEverySize(page: Page, shoot: (page: Page, name: string) => Promise<string>, axe: (page: Page, screen: string) => Promise<void>, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await axe(page, `${name} a ${size.width}x${size.height}`);
    await shoot(page, `${name}-${size.width}x${size.height}`);
  }
}

test.use({ appConfig: { mode: 'kiosk', idleTimeoutSeconds: 600 } });

test('the portal\'s coat of arms in the header and on the attract screen, named by the comune', async ({ page, card, shoot, axe }) => {
  test.setTimeout(120_000);
  portalDir = mkdtempSync(join(tmpdir(), 'sportello-stemma-portal-'));
  portal = await startPortal({ catalogueDir: CATALOGUE, dataDir: portalDir, enteLogo: { bytes: PNG, contentType: 'image/png' } });
  process.env[CREDENTIALS.usernameVar] = 'chiosco';
  process.env[CREDENTIALS.passwordVar] = 'chiosco-demo';
  host = await startTestHost(
    {
      mode: 'kiosk',
      idleTimeoutSeconds: 600,
      comune: { id: portal.tenant, nome: COMUNE },
      portal: { url: portal.url, tenant: portal.tenant, credentials: { from: 'env', ...CREDENTIALS } },
      sync: { intervalSeconds: 1 },
    },
    { rendererDir: rendererDir(), cardPortFactory: card.factory },
  );
  const remote: string[] = [];
  page.on('request', (r) => r.resourceType() === 'image' && !r.url().startsWith('data:') && remote.push(r.url()));
  await page.goto(host.host.url);
  await expect(page.getByTestId('attract-istruzione')).toBeVisible({ timeout: 60_000 });

  const banner = page.getByRole('banner');
  await expectDecoded(banner.getByRole('img', { name: COMUNE, exact: true }));
  await expect(banner.getByTestId('nome-comune')).toHaveText(COMUNE);
  await expectDecoded(page.locator('.attract').getByRole('img', { name: COMUNE, exact: true }));
  await expectDecoded(page.getByTestId('piede').getByRole('img', { name: COMUNE, exact: true }));
  expect(remote, 'immagini caricate da fuori della pagina').toEqual([]);
  await atEverySize(page, shoot, axe, 'stemma-attract');
});

test('without a logo on the portal the plain shield stays, named "Stemma del ..."; the portrait footer is compact', async ({ page, app, shoot, axe }) => {
  await openApp(page, app);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('img', { name: 'Stemma del Comune di Prova' })).toBeVisible();
  await expect(banner.locator('img')).toHaveCount(0);
  await expect(page.locator('.attract').getByRole('img')).toHaveCount(0);

  await page.setViewportSize({ width: 1080, height: 1920 });
  const footer = page.getByTestId('piede');
  const box = await footer.boundingBox();
  expect(box?.height ?? Infinity, 'altezza del piè di pagina sul totem verticale').toBeLessThanOrEqual(FOOTER_MAX_PORTRAIT);
  for (const link of ['Informativa privacy', 'Dichiarazione di accessibilità', 'Note legali', 'Contatti']) await expect(footer.getByRole('link', { name: link })).toBeVisible();
  await footer.getByRole('link', { name: 'Contatti' }).click();
  const contatti = page.getByRole('dialog', { name: 'Contatti' });
  await expect(contatti).toContainText('Piazza del Municipio 1, 00000 Prova (PR)');
  await axe(page, 'contatti sul totem');
  await shoot(page, 'stemma-contatti-1080x1920');
  await contatti.getByRole('button', { name: 'Chiudi' }).click();
  await expect(contatti).toBeHidden();
  await axe(page, 'attract sul totem, piè di pagina compatto');
  await shoot(page, 'stemma-piede-compatto-1080x1920');
});

/** One sixth of what Designers Italia's full footer takes there would still leave the page its height: 220 px of 1920. */
const FOOTER_MAX_PORTRAIT = 220;
