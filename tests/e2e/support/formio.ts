/// <reference lib="dom" />
/** Filling Form.io fields the way a citizen does: typing, tapping choices, radios and checkboxes. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The wizard step's Form.io form once the app says it is drawn with its data and its
 * selects' options (renderer/src/forms/FormioStep.tsx sets data-stato="pronto"). Every
 * locator under it waits for that, so nothing is read from a form still loading.
 */
export function formioForm(page: Page): Locator {
  return page.locator('[data-testid=modulo-formio][data-stato=pronto]');
}

export function field(page: Page, name: string, index = 0): Locator {
  return formioForm(page).locator(`[name="data[${name}]"]`).nth(index);
}

/** A select (drawn by the browser: see renderer/src/forms/formio-renderer.ts): pick by label, or the first real option. */
export async function choose(page: Page, name: string, option: string | null, index = 0): Promise<void> {
  const select = formioForm(page).locator(`select[name="data[${name}]"]`).nth(index);
  if (option !== null) {
    await select.selectOption({ label: option });
    return;
  }
  // Form.io may redraw the select (a row added, a condition met): wait for a real option in the one drawn now.
  const firstReal = select.locator('option:not([value=""])').first();
  await expect(firstReal, `un'opzione in ${name}`).toBeAttached();
  const value = await firstReal.getAttribute('value');
  if (!value) throw new Error(`no option in ${name}`);
  await select.selectOption(value);
  await expect(select).toHaveValue(value);
}

/** A date field: flatpickr shows its own input beside Form.io's hidden one. */
export async function typeDate(page: Page, name: string, date: string, index = 0): Promise<void> {
  const visible = field(page, name, index).locator('xpath=following-sibling::input[1]');
  await visible.click();
  await visible.fill(date);
  await visible.press('Enter');
  await expect(visible).toHaveValue(date);
}
