/**
 * Journey 3: the portal goes down while a citizen sends a pratica. Signing and sending
 * still work (the receipt shows), the pratica waits in the outbox and the status bar
 * says so; when the portal comes back the outbox empties and the portal has the
 * application of this citizen, exactly once.
 */
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { logIn } from './steps';
import { compileMensa, signAndSend } from './mensa-form';

test('portal down during submission: outbox, status bar, sync when it returns', async ({ app: page, rig, shoot }) => {
  const portalState = page.getByTestId('stato-portale');
  const queue = page.getByTestId('stato-coda');
  await logIn(page, rig);
  await expect(portalState).toHaveText('Collegato al Comune');
  await compileMensa(page, rig, shoot, { search: false, prefix: 'portale-giu' });

  await rig.portal.stop();
  await signAndSend(page, shoot, 'portale-giu');
  // Sending starts a sync cycle at once (the rig syncs every second): it fails and the pratica stays queued.
  await expect(queue).toHaveText('1 pratica in attesa di invio al Comune', { timeout: 20_000 });
  await expect(portalState).toHaveText('Comune non raggiungibile: le pratiche inviate partiranno appena possibile', { timeout: 20_000 });
  await shoot('portale-giu-in-coda');
  expect(rig.portal.up).toBe(false);

  await rig.portal.start();
  // Nothing left to send: the count is gone from the bar.
  await expect(queue).toHaveCount(0, { timeout: 35_000 });
  await expect(portalState).toHaveText('Collegato al Comune');
  await shoot('portale-giu-sincronizzata');
  const sent = rig.portal.applications().filter((a) => a.fiscalCode === CARD.codiceFiscale && a.serviceSlug === 'iscrizione-mensa-scolastica');
  expect(sent).toHaveLength(1);
});
