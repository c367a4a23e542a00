/**
 * A first start on a real installation: the page opens before the catalogue has come from
 * the portal (the portal is unreachable, or just slow on the first sync). The citizen sees
 * that the catalogue is on its way, and the home screen as soon as it arrives, with no
 * reload: the page never gives up on a catalogue that is late.
 */
import { test, expect } from './fixtures';
import { startTestHost, type TestHost } from '../support/host';
import { startJourneyPortal, type JourneyPortal } from '../support/journey-portal';
import { rendererDir } from '../support/journey-rig';

const CREDENTIALS = { usernameVar: 'SPORTELLO_CATALOGO_PORTAL_USER', passwordVar: 'SPORTELLO_CATALOGO_PORTAL_PASSWORD' } as const;

let portal: JourneyPortal | undefined;
let host: TestHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  await portal?.close();
});

test('the page waits for the catalogue that is late and shows the home screen when it arrives', async ({ page, shoot }) => {
  // The sync's retries after a refused connection spread over several seconds on a loaded machine.
  test.setTimeout(120_000);
  portal = await startJourneyPortal();
  await portal.stop();
  process.env[CREDENTIALS.usernameVar] = 'chiosco';
  process.env[CREDENTIALS.passwordVar] = 'chiosco-demo';
  host = await startTestHost(
    {
      mode: 'kiosk',
      reader: { nameFilter: 'nessun-lettore-per-questo-test' },
      portal: { url: portal.url, tenant: portal.tenant, credentials: { from: 'env', ...CREDENTIALS } },
      sync: { intervalSeconds: 1 },
    },
    { rendererDir: rendererDir() },
  );
  await page.goto(host.host.url);
  await expect(page.getByTestId('in-corso')).toContainText('Scaricamento del catalogo dei servizi dal portale del comune…');
  await shoot(page, 'catalogo-in-arrivo');
  await expect(page.getByTestId('attract-istruzione')).toHaveCount(0);

  await portal.start();
  await expect(page.getByTestId('attract-istruzione')).toBeVisible({ timeout: 60_000 });
});
