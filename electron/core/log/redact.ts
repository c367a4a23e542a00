/**
 * Redaction applied to everything that is logged or traced.
 *
 * Field names that can hold a PIN, a PUK or a credential are replaced whatever their
 * value; calls declare their own secret fields in the contract as well, and dispatch
 * passes those fields' values so that a secret quoted inside an error message (a driver
 * that echoes what it was given) is blanked too.
 */
const SECRET_KEY = /^(pin|puk|newpin|oldpin|nuovopin|vecchiopin|pin\d*|puk\d*|password|secret|token|authorization|credentials?)$/i;

export const REDACTED = '[redatto]';

export interface RedactOptions {
  /** Field names secret for this call (the contract's secretFields). */
  keys?: readonly string[];
  /** Secret values that must not appear inside any string, whatever its field. */
  values?: readonly string[];
  /** Longer strings are replaced by their length (a trace must not copy an attachment's base64). */
  maxString?: number;
}

function scrub(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) if (v.length > 0) out = out.split(v).join(REDACTED);
  return out;
}

/** An Error has no enumerable fields: logged as such it would be `{}`, and the reason lost. */
function errorFields(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(error.stack ? { stack: error.stack.split('\n').slice(0, 6).join('\n') } : {}),
    ...(error.cause !== undefined ? { cause: error.cause } : {}),
  };
}

export function redact(value: unknown, options: RedactOptions = {}, depth = 0): unknown {
  const { keys = [], values = [], maxString } = options;
  if (depth > 8) return '[...]';
  if (typeof value === 'string') {
    if (maxString !== undefined && value.length > maxString) return `[${value.length} caratteri]`;
    return values.length > 0 ? scrub(value, values) : value;
  }
  if (value instanceof Error) return redact(errorFields(value), options, depth + 1);
  if (Array.isArray(value)) return value.map((v) => redact(v, options, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) || keys.includes(key) ? REDACTED : redact(v, options, depth + 1);
    }
    return out;
  }
  return value;
}

/** The values of a call's secret fields in its (validated) input, for redact's `values`. */
export function secretValues(input: unknown, keys: readonly string[]): string[] {
  if (!input || typeof input !== 'object') return [];
  return keys.flatMap((k) => {
    const v = (input as Record<string, unknown>)[k];
    return typeof v === 'string' && v.length > 0 ? [v] : [];
  });
}
