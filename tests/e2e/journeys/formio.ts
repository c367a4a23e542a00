/**
 * Filling a Form.io form the way a citizen does on the kiosk: typing into fields (the
 * on-screen keyboard opens under them and is closed before touching anything else),
 * picking from selects and Form.io's calendar, touching radio and
 * checkbox labels. Components are found by Form.io's own `formio-component-<key>` class.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { closeKeyboard, typeOnKeyboard } from './steps';

export function component(scope: Locator, key: string): Locator {
  return scope.locator(`.formio-component-${key}`).first();
}

export async function typeIn(scope: Locator, key: string, value: string): Promise<void> {
  const input = component(scope, key).locator('input:visible, textarea:visible').first();
  await input.fill(value);
  await expect(input).toHaveValue(value);
}

/** A calendar field: typed as the citizen reads it (dd/MM/yyyy). */
export async function typeDate(page: Page, scope: Locator, key: string, ddMMyyyy: string): Promise<void> {
  const input = component(scope, key).locator('input:visible').first();
  await input.fill(ddMMyyyy);
  await input.press('Enter');
  await expect(input).toHaveValue(ddMMyyyy);
  await closeKeyboard(page);
}

/** A select: the app draws Form.io's selects as the browser's own <select> (large and native on touch). */
export async function choose(page: Page, scope: Locator, key: string, value: string): Promise<void> {
  await closeKeyboard(page);
  const select = component(scope, key).locator('select');
  await select.selectOption(value);
  await expect(select).toHaveValue(value);
}

export async function pick(page: Page, scope: Locator, key: string, label: string): Promise<void> {
  await closeKeyboard(page);
  const option = component(scope, key).getByText(label, { exact: true });
  await option.click();
  await expect(component(scope, key).getByLabel(label, { exact: true })).toBeChecked();
}

export async function tick(page: Page, scope: Locator, key: string): Promise<void> {
  await closeKeyboard(page);
  const box = component(scope, key).locator('input[type="checkbox"]');
  await component(scope, key).locator('label').first().click();
  await expect(box).toBeChecked();
}

/** A radio option by its value (labels can be long sentences). */
export async function pickValue(page: Page, scope: Locator, key: string, value: string): Promise<void> {
  await closeKeyboard(page);
  const input = component(scope, key).locator(`input[type="radio"][value="${value}"]`);
  // Form.io's template puts the input inside its label, Bootstrap Italia's beside it (label[for]).
  const id = await input.getAttribute('id');
  const beside = component(scope, key).locator(`label[for="${id}"]`);
  await ((await beside.count()) > 0 ? beside : input.locator('xpath=..')).first().click();
  await expect(input).toBeChecked();
}

/**
 * A text field typed on the kiosk's on-screen keyboard: the citizen touches the field (the
 * keyboard opens under it) and then the keys; the field must show what was typed, as it
 * shows it (an input mask may format it: `shown`).
 */
export async function typeOnScreen(page: Page, scope: Locator, key: string, text: string, shown = text): Promise<void> {
  const input = component(scope, key).locator('input:visible, textarea:visible').first();
  await input.click();
  await typeOnKeyboard(page, text);
  await expect(input).toHaveValue(shown);
}

/**
 * A select whose list the form asks the portal for (a `data.custom` script calling
 * FormioHelper.authenticatedCall): the citizen touches it, waits for the choice among the
 * options the portal gave, and takes it. `label` null takes the first real option; the
 * label chosen is returned (a day of the portal's calendar is known only once listed).
 */
export async function chooseListed(page: Page, scope: Locator, key: string, label: string | null): Promise<string> {
  await closeKeyboard(page);
  const select = component(scope, key).locator('select');
  await select.click();
  const option = label === null ? select.locator('option:not([value=""])').first() : select.locator('option').filter({ hasText: label });
  await expect(option, `la scelta ${label ?? '(la prima)'} in ${key}`).toBeAttached();
  const chosen = (await option.textContent())!.trim();
  await select.selectOption({ label: chosen });
  await expect(select.locator('option:checked')).toHaveText(chosen);
  return chosen;
}
