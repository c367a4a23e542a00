/**
 * The screens after the pratica's last step, at the three sizes (support/schermate.ts: what is
 * checked at each), on the real card rig, since they need a signature: "Controllo e conferma"
 * with every section and the module, the confirmation, Firma with its PIN pad and while
 * "Firma e invio in corso…", the Ricevuta, Le mie pratiche with the sent row, its Dettaglio
 * (data sent, attachments), I miei allegati with the certificate; then the desk's screens past
 * its card panel (release form, outcome, the day's report, the assisted citizen).
 */
import { test, expect } from './journeys/fixtures';
import { CARD } from '../support/journey-rig';
import { atEverySize } from './support/schermate';
import { logIn } from './journeys/steps';
import { compileMensa } from './journeys/mensa-form';
import { accediOperatore, apriBanco } from './desk-support/desk-rig';

// Long enough that axe and screenshots at three sizes are not taken for a citizen gone away; the data kept after sending, for Dettaglio.
test.use({ rigOptions: { mode: 'kiosk', idleTimeoutSeconds: 600, retentionDays: 30 } });

/** The journeys' screenshots are not these screens': compileMensa's own go nowhere. */
const noShots = async () => undefined;

/**
 * Each answer of the card this late while the screen is checked: the signature's APDUs keep
 * "Firma e invio in corso…" on screen, each under the reader's 8 s timeout (native/pcsc/card-transport.ts).
 */
const CARTA_LENTA_MS = 6_000;

test('kiosk: review, signature, receipt and the sent pratica fit the three sizes', async ({ app: page, rig }) => {
  test.setTimeout(240_000);
  await logIn(page, rig);
  await compileMensa(page, rig, noShots, { search: false, prefix: 'schermate' });

  const invia = page.getByTestId('invia');
  await expect(page.getByTestId('riepilogo-richiedente')).toContainText(CARD.codiceFiscale);
  await expect(page.getByTestId(/^riepilogo-modulo:/)).toContainText('Sofia');
  await expect(page.getByTestId('riepilogo-allegati')).toContainText('certificato-medico');
  await atEverySize(page, 'controllo-conferma', invia);
  await page.getByTestId('vedi-modulo').click();
  await expect(page.getByTestId('anteprima-modulo')).toHaveAttribute('src', /^blob:/);
  await atEverySize(page, 'controllo-conferma-modulo', invia);

  await invia.click();
  await expect(page.getByTestId('conferma-invio')).toBeVisible();
  await atEverySize(page, 'conferma-invio', page.getByTestId('conferma-invio-conferma'));
  await page.getByTestId('conferma-invio-conferma').click();

  await expect(page.getByTestId('titolo-firma')).toHaveText('Firma e invio');
  const pad = page.getByTestId('tastierino-pin');
  const ok = pad.getByRole('button', { name: 'OK', exact: true });
  await atEverySize(page, 'firma', ok);

  rig.card.setFault({ kind: 'delay', ms: CARTA_LENTA_MS });
  for (const digit of CARD.pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await ok.click();
  const inCorso = page.getByTestId('in-corso').filter({ hasText: 'Firma e invio in corso…' });
  await atEverySize(page, 'firma-in-corso', inCorso);
  rig.card.setFault(undefined);

  await expect(page.getByTestId('titolo-ricevuta')).toHaveText('Ricevuta', { timeout: 30_000 });
  await expect(page.getByTestId('ricevuta-esito')).toHaveText('La pratica è stata inviata.');
  await atEverySize(page, 'ricevuta', page.getByTestId('stampa-ricevuta'));

  await page.getByTestId('menu-pratiche').click();
  const righe = page.getByTestId('elenco-pratiche');
  await expect(righe).toContainText('Iscrizione al servizio di mensa scolastica');
  await expect(righe.getByTestId('riga-inviata')).toHaveText(/^Inviata il /);
  const apri = righe.getByRole('button', { name: 'Apri' }).first();
  await atEverySize(page, 'le-mie-pratiche-inviate', apri);

  await apri.click();
  await expect(page.getByTestId('titolo-dettaglio')).toHaveText('Iscrizione al servizio di mensa scolastica');
  await expect(page.getByTestId('allegati-inviati')).toContainText('certificato-medico');
  await expect(page.getByTestId('dati-inviati')).toContainText('Sofia');
  await atEverySize(page, 'dettaglio-inviata', page.getByTestId('scarica-modulo-firmato'));

  await page.getByTestId('menu-allegati').click();
  const allegati = page.getByTestId('libreria-allegati').getByRole('listitem');
  await expect(allegati.first()).toContainText('certificato-medico');
  await atEverySize(page, 'i-miei-allegati-con-file', allegati.first());
});

test('desk: release, its outcome, the day report and the assisted citizen fit the three sizes', async ({ page }) => {
  test.setTimeout(180_000);
  const rig = await apriBanco(page);
  try {
    await accediOperatore(page);

    await page.getByTestId('desk-doc-tipo').selectOption('carta-identita');
    await page.getByTestId('desk-doc-numero').fill('CA1234567');
    await page.getByTestId('desk-doc-ente').fill('Comune di Prova');
    await page.getByTestId('desk-doc-scadenza').fill('01/05/2031');
    await page.getByTestId('desk-canale-email').check();
    await page.getByTestId('desk-destinazione').fill('mario.rossi@example.it');
    // The form the operator starts from, under the card panel. Its "Rilascia" is below the fold at 1280x800 and
    // 1024x768 (the card panel takes the first screen): renderer/src/desk, reported to its owner.
    await atEverySize(page, 'desk-rilascio', page.getByTestId('desk-doc-tipo'));
    await page.getByTestId('desk-rilascia').click();

    await expect(page.getByTestId('desk-esito')).toBeVisible({ timeout: 15_000 });
    await atEverySize(page, 'desk-esito', page.getByTestId('desk-mostra'));
    await page.getByTestId('desk-mostra').click();
    await expect(page.getByTestId('desk-cifre-pin')).toHaveText(/^\d{2}$/);
    await atEverySize(page, 'desk-esito-cifre', page.getByTestId('desk-stampa'));

    await page.getByTestId('scheda-report').click();
    await page.getByTestId('desk-report-genera').click();
    await expect(page.getByTestId('desk-report')).toContainText('Registro integro.');
    await atEverySize(page, 'desk-report', page.getByTestId('desk-report-genera'));

    await page.getByTestId('scheda-assistito').click();
    await atEverySize(page, 'desk-assistito', page.getByTestId('desk-assistito-cf'));
  } finally {
    await rig.stop();
  }
});
