/// <reference lib="dom" />
/** Filling Form.io fields the way a citizen does: typing, tapping choices, radios and checkboxes. */
import { expect, type Locator, type Page } from '@playwright/test';

export function field(page: Page, name: string, index = 0): Locator {
  return page.locator(`[data-testid=modulo-formio] [name="data[${name}]"]`).nth(index);
}

/** A select (drawn by the browser: see renderer/src/forms/formio-renderer.ts): pick by label, or the first real option. */
export async function choose(page: Page, name: string, option: string | null, index = 0): Promise<void> {
  const select = page.locator(`[data-testid=modulo-formio] select[name="data[${name}]"]`).nth(index);
  if (option !== null) {
    await select.selectOption({ label: option });
    return;
  }
  const first = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== ''));
  if (!first) throw new Error(`no option in ${name}`);
  await select.selectOption(first);
}

/** A date field: flatpickr shows its own input beside Form.io's hidden one. */
export async function typeDate(page: Page, name: string, date: string, index = 0): Promise<void> {
  const visible = page.locator(`[data-testid=modulo-formio] [name="data[${name}]"]`).nth(index).locator('xpath=following-sibling::input[1]');
  await visible.click();
  await visible.fill(date);
  await visible.press('Enter');
  await expect(visible).toHaveValue(date);
}
