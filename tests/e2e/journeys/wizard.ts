/**
 * "Avanti" on a wizard step that must be accepted. When the step is refused, the
 * failure names the fields core still finds missing (the screen shows only "Campo
 * obbligatorio."), read through the same contract call the Stato della compilazione
 * screen uses.
 */
import { expect, type Page } from '@playwright/test';
import type { JourneyRig } from '../../support/journey-rig';
import { sportelloOf, valueOf } from '../../support/sportello';
import type { Completeness } from '../../../electron/shared/contract/pratiche';

type Missing = Completeness['missing'][number];

export async function nextStepAccepted(page: Page, rig: JourneyRig): Promise<void> {
  const titleBefore = await page.getByTestId('titolo-passo').textContent();
  await page.getByTestId('avanti').click();
  const refused = page.getByTestId('errori-passo');
  await expect(refused.or(page.getByTestId('titolo-passo').filter({ hasNotText: titleBefore ?? '' }))).toBeVisible();
  if (!(await refused.isVisible())) return;

  const api = sportelloOf(rig.app.core, { transport: 'test', clientId: 'journey' });
  const list = await valueOf(api.pratiche.list({ group: 'bozza' }));
  const missing: Missing[] = [];
  for (const { id } of list.pratiche) {
    const { missing: ofPratica } = await valueOf(api.pratiche.completeness({ id }));
    missing.push(...ofPratica.filter((m) => titleBefore?.endsWith(`: ${m.stepTitle}`)));
  }
  const applicantOnly = missing.length > 0 && missing.every((m) => m.path?.startsWith('applicant.'));
  throw new Error(
    `passo "${titleBefore}" rifiutato; campi mancanti secondo core: ${missing.map((m) => m.path).join(', ')}` +
      (applicantOnly
        ? '. Core ricostruisce "applicant" solo da carta e profilo (electron/core/pratiche/applicant.ts, pratiche.ts) e scarta sesso, luogo di nascita e indirizzo scritti dal cittadino'
        : ''),
  );
}
