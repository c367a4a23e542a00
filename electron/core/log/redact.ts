/**
 * Redaction applied to everything that is logged or traced.
 *
 * Field names that can hold a PIN, a PUK or a credential are replaced whatever their
 * value; calls declare their own secret fields in the contract as well.
 */
const SECRET_KEY = /^(pin|puk|newpin|oldpin|nuovopin|vecchiopin|pin\d*|puk\d*|password|secret|token|authorization|credentials?)$/i;

export const REDACTED = '[redatto]';

export function redact(value: unknown, extraKeys: readonly string[] = [], depth = 0): unknown {
  if (depth > 8) return '[...]';
  if (Array.isArray(value)) return value.map((v) => redact(v, extraKeys, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) || extraKeys.includes(key) ? REDACTED : redact(v, extraKeys, depth + 1);
    }
    return out;
  }
  return value;
}
