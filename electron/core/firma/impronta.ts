/**
 * The fingerprint of what a signed module shows: the form data and the attachments
 * (slot and content). Keys are sorted so the same data always give the same
 * fingerprint, whatever order the saves put them in.
 */
import { createHash } from 'node:crypto';

function canonico(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonico);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonico((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function improntaDati(data: Record<string, unknown>, attachments: readonly { key: string; sha256: string }[]): string {
  const allegati = attachments.map((a) => `${a.key}:${a.sha256}`).sort();
  return createHash('sha256').update(JSON.stringify(canonico({ data, allegati }))).digest('hex');
}
