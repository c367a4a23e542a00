/**
 * The citizen's menu buttons keep AA contrast in every state a finger, a mouse or the
 * keyboard puts them in: at rest, current, hovered, focused, pressed, and the moment a
 * button stops being the current one. axe measures each button in each state, and
 * every button must be among axe's passes (not merely absent from its violations: a
 * colour axe cannot work out is no pass).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, settled } from './fixtures';
import { openApp, signIn } from './support/citizen';
import { MENU } from '../../renderer/src/navigation/navigation';

test.afterEach(({ card }) => card.remove());

async function contrastOf(page: Page, selector: string): Promise<{ passes: number; problems: string[] }> {
  const result = await new AxeBuilder({ page }).include(selector).withRules(['color-contrast']).analyze();
  const problems = [...result.violations, ...result.incomplete].flatMap((r) => r.nodes.map((n) => `${r.id}: ${n.failureSummary ?? n.any.map((a) => a.message).join('; ')}`));
  return { passes: result.passes.reduce((count, r) => count + r.nodes.length, 0), problems };
}

async function expectReadable(page: Page, item: string, state: string): Promise<void> {
  const selector = `button[data-testid="menu-${item}"]`;
  const { passes, problems } = await contrastOf(page, selector);
  expect(problems, `${item} (${state})`).toEqual([]);
  expect(passes, `${item} (${state}): axe non ha potuto misurare il contrasto`).toBe(1);
}

test('menu buttons: AA contrast at rest, current, hovered, focused, pressed and just left', async ({ page, app, card }) => {
  // Six menu items in five states each, with one axe run per state: about 30 s on a quiet machine, so
  // twice the default budget leaves room for a loaded one.
  test.setTimeout(120_000);
  await openApp(page, app);
  await signIn(page, card);
  await settled(page);

  for (const item of MENU) {
    const button = page.getByTestId(`menu-${item}`);
    await expectReadable(page, item, item === 'stanza' ? 'corrente' : 'a riposo');

    await button.hover();
    await settled(page);
    await expectReadable(page, item, 'sotto il puntatore');

    const box = await button.boundingBox();
    if (!box) throw new Error(`menu-${item} non è visibile`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await settled(page);
    await expectReadable(page, item, 'premuto');
    await page.mouse.up();
    await expect(button).toHaveAttribute('aria-current', 'page');

    // The button just left is measured at once: with reduced motion it has no transition to wait for.
    const previous = MENU[(MENU.indexOf(item) + MENU.length - 1) % MENU.length];
    if (previous !== item && item !== 'stanza') await expectReadable(page, previous!, 'appena lasciato');

    await page.mouse.move(0, 0);
    await button.focus();
    await settled(page);
    await expectReadable(page, item, 'con il focus');
  }

  // Keyboard focus (focus-visible) on a button that is not the current one.
  await page.getByTestId('menu-stanza').click();
  await page.mouse.move(0, 0);
  await page.getByTestId('cittadino').click();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('menu-stanza')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('menu-servizi')).toBeFocused();
  await expectReadable(page, 'servizi', 'focus da tastiera');
  const transitions = await page.getByTestId('menu-servizi').evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transitions.split(',').every((d) => Number.parseFloat(d) === 0), `transizioni con movimento ridotto: ${transitions}`).toBe(true);
});
