/**
 * The demo catalogue's school-canteen pratica, filled from its sample through the renderer's API,
 * as the integration tests that sign and send one need it complete.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Sportello } from '../../electron/shared/contract/api';
import { pdfA } from './allegati';
import { valueOf } from './sportello';

export const MENSA = { tenant: 'comune-di-prova', service: 'iscrizione-mensa-scolastica', step: 'modulo:iscrizione-mensa-scolastica' } as const;

export const mensaSample = JSON.parse(
  readFileSync(join(__dirname, '../../electron/core/catalogue/demo/samples/iscrizione-mensa-scolastica.json'), 'utf8'),
) as { data: Record<string, unknown> };

/** Instructions, the form's data, the payment seen, the medical certificate: nothing missing. */
export async function fillMensa(api: Sportello, id: string): Promise<void> {
  await valueOf(api.pratiche.acceptInstructions({ id, accepted: true }));
  await valueOf(api.pratiche.saveStep({ id, stepId: MENSA.step, values: mensaSample.data }));
  await valueOf(api.pratiche.acknowledgePayment({ id, acknowledged: true }));
  // The sample asks for a diet for health reasons: the medical certificate is required with it.
  const missing = await valueOf(api.pratiche.completeness({ id }));
  expect(missing.missing.map((m) => m.path)).toEqual(['certificato_medico']);
  const certificato = Buffer.from(await pdfA()).toString('base64');
  await valueOf(api.pratiche['attachments.add']({ id, slot: 'certificato_medico', name: 'certificato.pdf', contentBase64: certificato }));
  expect((await valueOf(api.pratiche.completeness({ id }))).missing).toEqual([]);
}
