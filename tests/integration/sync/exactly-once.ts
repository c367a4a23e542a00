/** The property every sync test ends with: each submitted pratica is on the portal once, with its files byte-identical. */
import { expect } from 'vitest';
import { applicationCount, applicationsWithReference } from '../../portal/inspect';
import type { Portal } from '../../portal/server';
import { CLIENT_REFERENCE_KEY } from '../../../electron/core/sync/submission';
import type { Kiosk } from './kiosk';

export function expectExactlyOnce(portal: Portal, kiosk: Kiosk): void {
  for (const [praticaId, digests] of kiosk.expected) {
    const found = applicationsWithReference(portal, CLIENT_REFERENCE_KEY, praticaId);
    expect(found, `pratica ${praticaId}`).toHaveLength(1);
    expect(found[0]!.attachmentDigests).toEqual(digests);
  }
  expect(applicationCount(portal)).toBe(kiosk.expected.size);
}
