/**
 * Journey: booking an appointment on a kiosk whose portal has gone away. The booking form's lists
 * (the portal's own bookings.json, through FormioHelper) come from the kiosk's copy with a notice
 * of its age; the pratica is signed and queued, and its slot reads "da confermare" on the receipt,
 * in Dettaglio and in La mia stanza; the portal back, the pratica goes once, the portal books the
 * slot (CalendarsBackOffice at 2000) and Dettaglio shows the appointment confirmed.
 */
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { closeKeyboard, logIn } from './steps';
import { chooseListed, component, typeOnScreen } from './formio';
import { formioForm } from '../support/formio';
import { signAndSend } from './mensa-form';
import { openService } from './servizio-reale';

test.use({ rigOptions: { mode: 'kiosk', catalogueDir: join(__dirname, '../../fixtures/catalogue/moduli-reali') } });

test('Prenotazione senza portale: le scelte dalla copia con la sua data, la pratica in coda "da confermare", poi confermata una volta', async ({ app: page, rig, shoot }) => {
  await logIn(page, rig);
  await openService(page, 'prenotazione-appuntamento', 'Prenotazione appuntamento');
  const form = formioForm(page);
  const listed = (key: string) => component(form, key).locator('select option:not([value=""])');
  const notice = page.getByTestId('disponibilita-copia');

  // Online: the office, its days and reasons, a day's times, as the portal lists them (and the kiosk keeps them).
  await chooseListed(page, form, 'user_group', 'Ufficio Anagrafe');
  await expect(listed('service').first()).toBeAttached();
  const dayLabel = await chooseListed(page, form, 'day', null);
  await expect(listed('time').first()).toBeAttached();
  await expect(notice).toHaveCount(0);

  // The portal goes away; the form drawn again asks for its lists again: they come from the copy, and the citizen is told.
  await rig.portal.stop();
  const title = page.getByTestId('titolo-passo');
  await page.getByTestId('indietro').click();
  await expect(title).toHaveText(/Richiedente$/);
  await page.getByTestId('avanti').click();
  await expect(title).toHaveText(/Modulo$/);
  await expect(notice).toContainText(/^Disponibilità aggiornata al .+\d{2}:\d{2}: l'orario sarà confermato dal Comune\.$/, { timeout: 15_000 });
  await chooseListed(page, form, 'user_group', 'Ufficio Anagrafe');
  await chooseListed(page, form, 'day', dayLabel);
  const slot = (await chooseListed(page, form, 'time', null)).match(/^(\d{2}:\d{2}) - (\d{2}:\d{2})$/);
  expect(slot, 'un orario "HH:MM - HH:MM" dalla copia').not.toBeNull();
  await chooseListed(page, form, 'service', null);
  await typeOnScreen(page, form, 'user_message', 'Rinnovo carta');
  await typeOnScreen(page, component(form, 'applicant'), 'phone_number', '+393337654321');
  await closeKeyboard(page);
  await shoot('prenotazione-offline-copia');
  await page.getByTestId('avanti').click();
  await expect(title).toHaveText(/Controllo e conferma$/);

  await signAndSend(page, shoot, 'prenotazione-offline');
  const when = `${slot![1]}–${slot![2]}`;
  await expect(page.getByTestId('ricevuta')).toContainText(`${when} (da confermare)`);
  await expect(page.getByTestId('stato-coda')).toHaveText('1 pratica in attesa di invio al Comune', { timeout: 20_000 });

  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Apri' }).click();
  const chiesta = page.getByTestId('prenotazione-chiesta');
  await expect(chiesta).toHaveAttribute('data-stato', 'da-confermare');
  await expect(chiesta.getByTestId('quando-prenotazione')).toContainText(when);
  await expect(chiesta.getByTestId('stato-prenotazione')).toHaveText("Da confermare: il Comune conferma l'orario appena riceve la domanda.");
  await shoot('prenotazione-offline-da-confermare');
  await page.getByTestId('menu-stanza').click();
  await expect(page.getByTestId('stanza-dal-comune').getByTestId('riga-prenotazione')).toContainText('Appuntamento da confermare:');

  // The portal back: the pratica goes once, the portal books the slot, Dettaglio says it is confirmed.
  await rig.portal.start();
  const remote = await rig.portal.waitForApplication(CARD.codiceFiscale, 'prenotazione-appuntamento', 35_000);
  await expect.poll(() => rig.portal.meetings().filter((m) => m.applicationIds.includes(remote.id)).map((m) => m.status), { timeout: 20_000 }).toEqual([1]);
  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Apri' }).click();
  const appuntamento = page.getByTestId('appuntamento');
  await expect(appuntamento.getByTestId('stato-appuntamento')).toHaveText('Confermato', { timeout: 25_000 });
  await expect(appuntamento.getByTestId('quando-appuntamento')).toContainText(when);
  await expect(chiesta).toHaveCount(0);
  await shoot('prenotazione-offline-confermata');
  expect(rig.portal.applications().filter((a) => a.serviceSlug === 'prenotazione-appuntamento')).toHaveLength(1);
});
