/**
 * "Avanti" on a wizard step that must be accepted. When the step is refused, the
 * failure names the fields core still finds missing (the screen shows only "Campo
 * obbligatorio."), read through the same contract call the Stato della compilazione
 * screen uses.
 */
import { expect, type Page } from '@playwright/test';
import type { JourneyRig } from '../../support/journey-rig';

interface Missing {
  stepId: string;
  stepTitle: string;
  path: string | null;
  message: string;
}

export async function nextStepAccepted(page: Page, rig: JourneyRig): Promise<void> {
  const titleBefore = await page.getByTestId('titolo-passo').textContent();
  await page.getByTestId('avanti').click();
  const refused = page.getByTestId('errori-passo');
  await expect(refused.or(page.getByTestId('titolo-passo').filter({ hasNotText: titleBefore ?? '' }))).toBeVisible();
  if (!(await refused.isVisible())) return;

  const context = { transport: 'test', clientId: 'journey' } as const;
  const list = (await rig.app.core.dispatch('pratiche.list', { group: 'bozza' }, context)) as { ok: boolean; value?: { pratiche: { id: string }[] } };
  const missing: Missing[] = [];
  for (const { id } of list.value?.pratiche ?? []) {
    const result = (await rig.app.core.dispatch('pratiche.completeness', { id }, context)) as { ok: boolean; value?: { missing: Missing[] } };
    missing.push(...(result.value?.missing ?? []).filter((m) => titleBefore?.endsWith(`: ${m.stepTitle}`)));
  }
  const applicantOnly = missing.length > 0 && missing.every((m) => m.path?.startsWith('applicant.'));
  throw new Error(
    `passo "${titleBefore}" rifiutato; campi mancanti secondo core: ${missing.map((m) => m.path).join(', ')}` +
      (applicantOnly
        ? '. Core ricostruisce "applicant" solo da carta e profilo (electron/core/pratiche/applicant.ts, pratiche.ts) e scarta sesso, luogo di nascita e indirizzo scritti dal cittadino'
        : ''),
  );
}
