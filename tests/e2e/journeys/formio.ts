/**
 * Filling a Form.io form the way a citizen does on the kiosk: typing into fields (the
 * on-screen keyboard opens under them and is closed before touching anything else),
 * picking from Form.io's Choices.js selects and its calendar, touching radio and
 * checkbox labels. Components are found by Form.io's own `formio-component-<key>` class.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { closeKeyboard } from './steps';

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

export async function choose(page: Page, scope: Locator, key: string, value: string): Promise<void> {
  await closeKeyboard(page);
  const field = component(scope, key);
  await field.locator('.choices').click();
  await field.locator(`.choices__item--choice[data-value="${value}"]`).click();
  await expect(field.locator('.choices__list--single .choices__item')).toHaveAttribute('data-value', value);
  await closeKeyboard(page);
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
