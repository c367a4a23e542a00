/**
 * Fields a citizen or an operator can see and hit: an empty input shows its edge (a
 * border wider than 0 px, at least 3:1 against the page, WCAG 1.4.11), a heading never
 * covers a field's label, and every checkbox and radio offers at least 44 × 44 px to
 * the finger (WCAG 2.5.5), the whole label included, with a drawn box of at least 24 px.
 */
import { test, expect } from './fixtures';
import { openApp, signIn } from './support/citizen';
import { drawnBox, expectVisibleEdge, hitArea } from './support/visibility';
import { field, formioForm } from './support/formio';

test.afterEach(({ card }) => card.remove());

test('profile: "Contatti" leaves the Email label clear, the empty fields show their edge', async ({ page, app, card, axe }) => {
  await openApp(page, app);
  await signIn(page, card);
  await page.getByTestId('menu-profilo').click();
  const heading = page.locator('#contenuto').getByRole('heading', { name: 'Contatti' });
  const label = page.getByText('Email', { exact: true });
  await expect(heading).toBeVisible();
  const h = (await heading.boundingBox())!;
  const l = (await label.boundingBox())!;
  expect(l.y, 'l’etichetta Email comincia sotto il titolo Contatti').toBeGreaterThanOrEqual(h.y + h.height);
  for (const field of ['profilo-email', 'profilo-telefono', 'profilo-indirizzo']) await expectVisibleEdge(page.getByTestId(field), field);
  await axe(page, 'profilo');
});

test('the wizard checkbox offers 44 × 44 px to the finger and toggles from anywhere on it', async ({ page, app, card, axe }) => {
  await openApp(page, app);
  await signIn(page, card);
  await page.getByTestId('menu-servizi').click();
  await page.getByTestId('servizio-iscrizione-mensa-scolastica').click();
  await page.getByTestId('accedi-servizio').click();
  const box = page.getByTestId('istruzioni-lette');
  await expect(page.getByTestId('passo-istruzioni')).toBeVisible();
  const area = await hitArea(page, box);
  expect(area.height, 'altezza toccabile').toBeGreaterThanOrEqual(44);
  expect(area.width, 'larghezza toccabile').toBeGreaterThanOrEqual(44);
  const drawn = await drawnBox(page, box);
  expect(drawn.width, 'casella disegnata: larghezza').toBeGreaterThanOrEqual(24);
  expect(drawn.height, 'casella disegnata: altezza').toBeGreaterThanOrEqual(24);
  // A tap near the bottom left corner of the label, away from the text, still ticks it.
  const label = (await page.locator(`label[for="${await box.getAttribute('id')}"]`).boundingBox())!;
  await page.mouse.click(label.x + 4, label.y + label.height - 3);
  await expect(box).toBeChecked();
  await axe(page, 'wizard istruzioni');

  // The form's own radios and checkboxes, drawn by Form.io: each with its label[for].
  await page.getByTestId('avanti').click();
  await page.getByTestId('avanti').click();
  await expect(field(page, 'name')).toHaveValue('MARIO', { timeout: 30_000 });
  const controls = formioForm(page).locator('input[type=checkbox]:visible, input[type=radio]:visible');
  expect(await controls.count(), 'caselle e scelte nel modulo').toBeGreaterThan(2);
  for (const control of await controls.all()) {
    const name = (await control.getAttribute('name')) ?? '?';
    const size = await hitArea(page, control);
    expect(size.height, `${name}: altezza toccabile`).toBeGreaterThanOrEqual(44);
    expect(size.width, `${name}: larghezza toccabile`).toBeGreaterThanOrEqual(44);
    const drawn = await drawnBox(page, control);
    expect(Math.min(drawn.width, drawn.height), `${name}: casella disegnata`).toBeGreaterThanOrEqual(24);
  }
});
