/**
 * Journey 6: the real portal's own forms (tests/fixtures/catalogue/moduli-reali: unchanged copies of
 * the Stanza del Cittadino's sub-forms and built-in services) filled on the kiosk's screen, where
 * tests/integration/portal/moduli-reali.test.ts fills them through the contract. The citizen
 * touches and types (the on-screen keyboard under each text field), the forms' own rules refuse
 * on screen what the portal refuses, the selects come from the portal's lists through
 * FormioHelper, and the portal stores what was typed and chosen.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { CARD } from '../../support/journey-rig';
import { closeKeyboard, logIn } from './steps';
import { chooseListed, component, pickValue, tick, typeOnScreen } from './formio';
import { formioForm } from '../support/formio';
import { signAndSend } from './mensa-form';
import { openService } from './servizio-reale';
import { CLIENT_REFERENCE_KEY } from '../../../electron/core/sync/submission';

test.use({ rigOptions: { mode: 'kiosk', catalogueDir: join(__dirname, '../../fixtures/catalogue/moduli-reali') } });

/** The receipt's "Identificativo": the pratica's id on the kiosk, which the portal keeps as the client's reference. */
async function praticaId(page: Page): Promise<string> {
  const id = await page.getByTestId('ricevuta').locator('dt', { hasText: 'Identificativo' }).locator('xpath=following-sibling::dd[1]').textContent();
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

test('Certificato anagrafico on the full Anagrafica: the card\'s data in the fields\' format, the CAP refused with the form\'s message, signed, sent, stored', async ({ app: page, rig, shoot }) => {
  await logIn(page, rig);
  await openService(page, 'certificato-anagrafico', 'Certificato anagrafico');
  const form = formioForm(page);
  const applicant = component(form, 'applicant');
  const cf = component(applicant, 'fiscal_code').locator('input');

  // What the card says, in each field's own format: the birth date in its 99/99/9999 mask.
  await expect(component(applicant, 'name').locator('input')).toHaveValue('MARIO');
  await expect(component(applicant, 'surname').locator('input')).toHaveValue('ROSSI');
  await expect(component(applicant, 'natoAIl').locator('input')).toHaveValue('01/01/1980');
  await expect(cf).toHaveValue(CARD.codiceFiscale);
  await expect(component(applicant, 'email_address').locator('input')).toHaveValue('mario.rossi@example.it');
  await shoot('reali-anagrafica-dalla-carta');

  // What the card does not say, touched and typed on the on-screen keyboard; the province in its AA mask.
  await pickValue(page, applicant, 'gender', 'maschio');
  await typeOnScreen(page, applicant, 'place_of_birth', 'Roma');
  await typeOnScreen(page, applicant, 'address', 'Via Roma');
  await typeOnScreen(page, applicant, 'house_number', '1');
  await typeOnScreen(page, applicant, 'municipality', 'Roma');
  await typeOnScreen(page, applicant, 'county', 'RM');
  await typeOnScreen(page, applicant, 'postal_code', '0010');
  await typeOnScreen(page, form, 'motivo', 'Iscrizione a scuola');
  await closeKeyboard(page);
  // With the gender known, each change runs the sub-form's fiscal code check (an XMLHttpRequest to an
  // outside service): the card's code must still be there, not wiped by a check that cannot run.
  await expect(cf).toHaveValue(CARD.codiceFiscale);
  await expect(component(applicant, 'fiscal_code')).not.toContainText('CF non valido');

  // Four digits: the step is refused with the form's own message, named by the field's label, beside the field too.
  await page.getByTestId('avanti').click();
  const refused = page.getByTestId('errori-passo');
  await expect(refused).toBeVisible();
  await expect(refused.getByTestId('errore-campo')).toHaveText(['CAP: Non hai inserito un CAP valido']);
  await expect(component(applicant, 'postal_code')).toContainText('Non hai inserito un CAP valido');
  await expect(page.getByTestId('titolo-passo')).toHaveText(/Modulo$/);
  await shoot('reali-anagrafica-cap-rifiutato');

  // The citizen touches the message (the field comes into view), adds the missing digit, goes on.
  await refused.getByTestId('errore-campo').click();
  await expect(component(applicant, 'postal_code').locator('input')).toBeFocused();
  await typeOnScreen(page, applicant, 'postal_code', '0', '00100');
  await closeKeyboard(page);
  await expect(component(applicant, 'postal_code')).not.toContainText('Non hai inserito un CAP valido');
  await page.getByTestId('avanti').click();
  await expect(page.getByTestId('titolo-passo')).toHaveText(/^Passo 4 di 4: Controllo e conferma$/);

  await signAndSend(page, shoot, 'reali-anagrafica');
  await expect(page.getByTestId('ricevuta')).toContainText('Certificato anagrafico');
  const id = await praticaId(page);
  await shoot('reali-anagrafica-ricevuta');

  // The portal: the application with what the card said and what was typed, in the forms' own shape.
  const remote = await rig.portal.waitForApplication(CARD.codiceFiscale, 'certificato-anagrafico', 30_000);
  const stored = rig.portal.stored(remote.id).data as {
    applicant: { data: Record<string, { data: Record<string, unknown> }> };
    motivo: string;
  } & Record<string, unknown>;
  expect(stored[CLIENT_REFERENCE_KEY]).toBe(id);
  const { data: person } = stored.applicant;
  expect(person.completename!.data).toMatchObject({ name: 'MARIO', surname: 'ROSSI' });
  expect(person.gender!.data).toEqual({ gender: 'maschio' });
  expect(person.Born!.data).toMatchObject({ natoAIl: '01/01/1980', place_of_birth: 'Roma' });
  expect(person.fiscal_code!.data.fiscal_code).toBe(CARD.codiceFiscale);
  expect(person.address!.data).toMatchObject({ address: 'Via Roma', house_number: '1', municipality: 'Roma', county: 'RM', postal_code: '00100' });
  expect(stored.motivo).toBe('Iscrizione a scuola');
  // This service's form has a field for the signed module: it goes with the application.
  expect(rig.portal.stored(remote.id).attachmentDigests).toHaveLength(1);
});

test('Richiesta assistenza: category and service from the portal\'s lists, stored as objects; sent without the signed module its form has no field for', async ({ app: page, rig, shoot }) => {
  await logIn(page, rig);
  await openService(page, 'richiesta-assistenza', 'Richiesta assistenza');
  const form = formioForm(page);
  await expect(component(component(form, 'applicant'), 'fiscal_code').locator('input')).toHaveValue(CARD.codiceFiscale);

  // The service list is asked again for the category chosen (refreshOn): the citizen waits for it to be redrawn.
  const services = component(form, 'service').locator('select');
  const before = await services.locator('option:not([value=""])').first().elementHandle();
  await chooseListed(page, form, 'category', 'Anagrafe e stato civile');
  await expect.poll(() => before!.evaluate((o) => o.isConnected), { message: 'elenco dei servizi chiesto di nuovo per la categoria' }).toBe(false);
  await chooseListed(page, form, 'service', 'Certificato anagrafico');
  await typeOnScreen(page, form, 'details', 'Non riesco ad allegare il file');
  await tick(page, form, 'privacy');
  await shoot('reali-assistenza-modulo');
  await page.getByTestId('avanti').click();
  await expect(page.getByTestId('titolo-passo')).toHaveText(/^Passo 4 di 4: Controllo e conferma$/);

  await signAndSend(page, shoot, 'reali-assistenza');
  const id = await praticaId(page);

  const remote = await rig.portal.waitForApplication(CARD.codiceFiscale, 'richiesta-assistenza', 30_000);
  const stored = rig.portal.stored(remote.id);
  expect(stored.data[CLIENT_REFERENCE_KEY]).toBe(id);
  expect(stored.data).toMatchObject({
    category: { id: '3a5b5c1e-0000-4000-8000-0000000000a1', name: 'Anagrafe e stato civile' },
    service: { id: 'c0000000-0000-4000-8000-0000000000a1', name: 'Certificato anagrafico' },
    details: 'Non riesco ad allegare il file',
    privacy: true,
  });
  // The portal's own front end does not sign its built-in services: the application has no signed module.
  expect(stored.attachmentDigests).toEqual([]);

  // The citizen finds it among the sent ones; its history says why the module stayed on the kiosk.
  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('scheda-inviate').click();
  const list = page.getByTestId('elenco-pratiche');
  await expect(list).toContainText('Richiesta assistenza');
  await expect(async () => {
    await page.getByTestId('menu-pratiche').click();
    await page.getByTestId('scheda-inviate').click();
    await list.getByRole('button', { name: 'Apri' }).click();
    await expect(page.getByTestId('iter')).toContainText('non prevede il modulo firmato', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('titolo-dettaglio')).toHaveText('Richiesta assistenza');
  await shoot('reali-assistenza-dettaglio');
});

test('Prenotazione appuntamento: the required choices refused, then office, day and time from the portal\'s calendar, sent and stored with the slot', async ({ app: page, rig, shoot }) => {
  const formLogicWarnings: string[] = [];
  page.on('console', (m) => m.text().includes('logica del modulo') && formLogicWarnings.push(m.text()));
  await logIn(page, rig);
  await openService(page, 'prenotazione-appuntamento', 'Prenotazione appuntamento');
  const form = formioForm(page);
  await expect(component(component(form, 'applicant'), 'fiscal_code').locator('input')).toHaveValue(CARD.codiceFiscale);
  // Each list shows its placeholder once, before and after its options come.
  for (const [key, placeholder] of [['user_group', 'Seleziona opzione'], ['day', 'Seleziona il giorno'], ['time', "Seleziona l'orario"]] as const) {
    await expect(component(form, key).locator('option', { hasText: placeholder })).toHaveCount(1);
  }

  // Nothing chosen: the step is refused, each required choice named, and marked in Italian beside its field.
  await page.getByTestId('avanti').click();
  const refused = page.getByTestId('errori-passo');
  await expect(refused).toBeVisible();
  const choices = ['user_group', 'day', 'time'] as const;
  for (const label of ['Ufficio selezionato', 'Giorno selezionato', 'Orario selezionato']) {
    await expect(refused.getByTestId('errore-campo').filter({ hasText: `${label}: Campo obbligatorio.` })).toHaveCount(1);
  }
  for (const key of choices) await expect(component(form, key).locator('.formio-errors')).toHaveText('Campo obbligatorio.');
  await expect(page.getByTestId('titolo-passo')).toHaveText(/Modulo$/);
  await shoot('reali-appuntamento-rifiutato');

  // Office, then a day of its calendar, then a time of that day, then the reason: each list from the portal.
  await chooseListed(page, form, 'user_group', 'Ufficio Anagrafe');
  // The office chosen, its days and reasons are asked for at once: listed before the citizen touches them.
  const listed = (key: string) => component(form, key).locator('select option:not([value=""])');
  await expect(listed('day').first()).toBeAttached();
  await expect(listed('service').first()).toBeAttached();
  await expect(component(form, 'day').locator('select')).not.toBeFocused();
  await expect(component(form, 'day').locator('option', { hasText: 'Seleziona il giorno' })).toHaveCount(1);
  // Touching a list already there opens it as it is: its options are never taken away to be asked for again.
  const emptied = await component(form, 'day').evaluateHandle((el) => {
    const seen = { emptied: false };
    new MutationObserver(() => {
      if (el.querySelectorAll('option:not([value=""])').length === 0) seen.emptied = true;
    }).observe(el, { subtree: true, childList: true });
    return seen;
  });
  const dayLabel = await chooseListed(page, form, 'day', null);
  const day = await component(form, 'day').locator('select').inputValue();
  await expect(listed('time').first()).toBeAttached();
  await expect(component(form, 'time').locator('select')).not.toBeFocused();
  expect(await emptied.evaluate((seen) => seen.emptied), 'la lista dei giorni svuotata al tocco').toBe(false);
  expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(dayLabel).toContain(String(Number(day.slice(8))));
  const slot = (await chooseListed(page, form, 'time', null)).match(/^(\d{2}:\d{2}) - (\d{2}:\d{2})$/);
  expect(slot, 'un orario "HH:MM - HH:MM"').not.toBeNull();
  const reason = await chooseListed(page, form, 'service', null);
  for (const key of choices) await expect(component(form, key).locator('.formio-errors')).toHaveText('');
  // What Form.io says to a screen reader of the 600-character field, as the citizen touches it: in Italian.
  const spoken = await component(form, 'user_message').evaluateHandle((el) => {
    const heard: string[] = [];
    el.querySelectorAll('[aria-live]').forEach((region) =>
      new MutationObserver(() => region.textContent && heard.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true }),
    );
    return heard;
  });
  await typeOnScreen(page, form, 'user_message', "Rinnovo carta d'identità");
  await expect.poll(() => spoken.evaluate((heard) => heard)).toContain('Al massimo 600 caratteri.');
  expect(await spoken.evaluate((heard) => heard.filter((h) => /characters?|remaining/.test(h)))).toEqual([]);
  // The Anagrafica lite of the form wants a phone: typed with its international prefix.
  await typeOnScreen(page, component(form, 'applicant'), 'phone_number', '+393337654321');
  await closeKeyboard(page);
  await shoot('reali-appuntamento-modulo');
  // Every script of the form ran in the sandbox, the Anagrafica lite's phone rule (it looks its field up in the document) too.
  expect(formLogicWarnings).toEqual([]);
  await page.getByTestId('avanti').click();
  await expect(page.getByTestId('titolo-passo')).toHaveText(/^Passo 4 di 4: Controllo e conferma$/);

  await signAndSend(page, shoot, 'reali-appuntamento');
  await expect(page.getByTestId('ricevuta')).toContainText('Prenotazione appuntamento');
  const id = await praticaId(page);

  const remote = await rig.portal.waitForApplication(CARD.codiceFiscale, 'prenotazione-appuntamento', 30_000);
  const stored = rig.portal.stored(remote.id);
  const data = stored.data as { user_group: { calendar_id: string }; time: { opening_hour: string }; meeting_id: string } & Record<string, unknown>;
  expect(data[CLIENT_REFERENCE_KEY]).toBe(id);
  expect(data).toMatchObject({
    user_group: { id: '4b6c6d2f-0000-4000-8000-0000000000b1', name: 'Ufficio Anagrafe' },
    day,
    time: { date: day, start_time: slot![1], end_time: slot![2] },
    service: { name: reason },
    user_message: "Rinnovo carta d'identità",
    applicant: { data: { fiscal_code: { data: { fiscal_code: CARD.codiceFiscale } }, phone_number: '+393337654321' } },
  });
  expect(data.user_group.calendar_id).toMatch(/^[0-9a-f-]{36}$/);
  // The string the portal books the appointment from (CalendarsBackOffice::getMeetingData), computed by the form's own script.
  const [yyyy, mm, dd] = day.split('-');
  expect(data.calendar).toBe(`${dd}/${mm}/${yyyy} @ ${slot![1]}-${slot![2]} (${data.user_group.calendar_id}#${data.meeting_id}#${data.time.opening_hour})`);
  // A built-in service of the portal: no field for the signed module, sent without it.
  expect(stored.attachmentDigests).toEqual([]);

  // The portal books the slot from the application (CalendarsBackOffice, at 2000); the pratica shows the appointment.
  await expect.poll(() => rig.portal.meetings().filter((m) => m.applicationIds.includes(remote.id)).map((m) => m.status)).toEqual([1]);
  const meeting = rig.portal.meetings().find((m) => m.applicationIds.includes(remote.id))!;
  expect(meeting.fromTime).toBe(`${day}T${slot![1]}:00`);
  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Apri' }).click();
  const appuntamento = page.getByTestId('appuntamento');
  await expect(appuntamento.getByTestId('stato-appuntamento')).toHaveText('Confermato', { timeout: 25_000 });
  await expect(appuntamento.getByTestId('quando-appuntamento')).toContainText(`${Number(dd)} `);
  await expect(appuntamento.getByTestId('quando-appuntamento')).toContainText(`${slot![1]}–${slot![2]}`);
  await shoot('reali-appuntamento-dettaglio');
  // La mia stanza reminds it.
  await page.getByTestId('menu-stanza').click();
  await expect(page.getByTestId('stanza-dal-comune').getByTestId('riga-appuntamento')).toContainText(`Appuntamento: ${Number(dd)} `);
  await page.getByTestId('menu-pratiche').click();
  await page.getByTestId('elenco-pratiche').getByRole('button', { name: 'Apri' }).click();

  // Moved by the citizen to another free slot of the office's calendar, as the portal lists them.
  await appuntamento.getByTestId('sposta').click();
  const picker = page.getByTestId('sposta-appuntamento');
  // A month first, as a calendar grid Monday to Sunday: every day of the month shown, the free ones choosable, the
  // others said full and not choosable; the earliest month first.
  const month = picker.getByTestId('mese-libero');
  await expect(month.getByRole('grid')).toHaveAccessibleName(/^[a-z]+ \d{4}$/);
  await expect(month.getByRole('columnheader')).toHaveText(['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom']);
  await expect(picker.getByTestId('mese-precedente')).toBeDisabled();
  const shown = await month.getByRole('gridcell').getByRole('button').count();
  expect(shown).toBeGreaterThanOrEqual(28);
  expect(shown).toBeLessThanOrEqual(31);
  // One day in the Tab order, the first free one.
  const first = month.getByTestId('giorno-libero').first();
  await expect(first).toHaveAttribute('tabindex', '0');
  await expect(month.locator('button[tabindex="0"]')).toHaveCount(1);
  const full = month.getByTestId('giorno-pieno');
  if (await full.count()) {
    await expect(full.first()).toHaveAttribute('aria-disabled', 'true');
    await expect(full.first()).toHaveAccessibleName(/: nessun posto libero$/);
    // Playwright waits for an aria-disabled button to be enabled: a citizen's tap is forced.
    await full.first().click({ force: true });
    await expect(picker.getByTestId('giorno-orari')).toHaveCount(0);
    await expect(full.first()).toHaveAttribute('tabindex', '0');
  }
  // The keyboard: the arrows from day to day, Enter chooses.
  const n = Number(await first.textContent());
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveText(n === shown ? '1' : String(n + 1));
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(picker.getByTestId('giorno-orari').getByRole('heading')).toHaveText(/^Orari liberi: \d+ [a-z]+ \d{4}$/);
  await expect(picker.getByTestId('orario-libero').first()).toBeVisible();
  const later = picker.getByTestId('mese-successivo');
  while (await later.isEnabled()) await later.click();
  await shoot('reali-appuntamento-mese');
  // The week view opens at the chosen day's week, a week at a time, Monday to Sunday; the furthest week last.
  await picker.getByTestId('vista-settimana').click();
  await expect(picker.getByTestId('vista-settimana')).toHaveAttribute('aria-pressed', 'true');
  await expect(picker.getByTestId('giorni-settimana').getByRole('button')).toHaveCount(7);
  await expect(picker.getByTestId('giorni-settimana').getByRole('button', { pressed: true })).toHaveCount(1);
  await expect(picker.getByTestId('settimana-precedente')).toBeDisabled();
  await expect(picker.getByTestId('settimana-libera')).toContainText(/Settimana dal \d+ \w+ \d{4} al \d+ \w+ \d{4}/);
  const laterWeek = picker.getByTestId('settimana-successiva');
  while (await laterWeek.isEnabled()) await laterWeek.click();
  await expect(picker.getByTestId('settimana-precedente')).toBeEnabled();
  await shoot('reali-appuntamento-settimana');
  await picker.getByTestId('giorno-libero').last().click();
  // Back to the month: at the chosen day's month, the last one.
  await picker.getByTestId('vista-mese').click();
  await expect(picker.getByTestId('mese-successivo')).toBeDisabled();
  await expect(month.getByRole('button', { pressed: true })).toHaveCount(1);
  const other = picker.getByTestId('orario-libero').filter({ hasNotText: `${slot![1]}–${slot![2]}` }).first();
  const [, newStart, newEnd] = (await other.textContent())!.match(/^(\d{2}:\d{2})–(\d{2}:\d{2})$/)!;
  await other.click();
  await expect(appuntamento.getByTestId('quando-appuntamento')).toContainText(`${newStart}–${newEnd}`, { timeout: 25_000 });
  await expect(appuntamento.getByTestId('stato-appuntamento')).toHaveText('Confermato');
  const moved = rig.portal.meetings().find((m) => m.id === meeting.id)!;
  expect(moved.fromTime.slice(11, 16)).toBe(newStart);
  expect(moved.rescheduled).toBe(1);
  await shoot('reali-appuntamento-spostato');

  // Cancelled by the citizen: asked once more, sent to the portal, the slot freed there.
  await appuntamento.getByTestId('annulla-appuntamento').click();
  await page.getByTestId('conferma-annulla-appuntamento').getByRole('button', { name: 'Sì, annulla' }).click();
  await expect(appuntamento.getByTestId('stato-appuntamento')).toHaveText('Annullato', { timeout: 25_000 });
  await expect(appuntamento.getByTestId('annulla-appuntamento')).toHaveCount(0);
  expect(rig.portal.meetings().find((m) => m.id === meeting.id)?.status).toBe(5);
  // The slot is free again for others, as the portal's own calendar lists it.
  const freed = await fetch(`${rig.portal.url}/${rig.portal.tenant}/api/calendars/${meeting.calendarId}/availabilities/${moved.fromTime.slice(0, 10)}?available=true`);
  expect(((await freed.json()) as { start_time: string }[]).map((o) => o.start_time)).toContain(newStart);
  await shoot('reali-appuntamento-annullato');
});
