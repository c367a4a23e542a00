/**
 * Calls the portal's own Form.io forms make while a citizen fills them in. OpenCity's forms fill
 * their selects through `window.FormioHelper.authenticatedCall(path)`, which on the real portal is
 * `GET <base>/api/<path>` answering the parsed JSON body (assets/js/utils/FormIoHelper.js). Here the
 * sandboxed form asks core, which answers only the few paths the portal's forms use
 * (core/catalogue/form-helper/allowlist.ts), from the portal or, offline, from what it kept.
 */
import { z } from 'zod';
import { call } from './define';
import { tenantSlugSchema } from './catalogue';

/** The largest answer handed to a form: a tenant's whole service list fits, a runaway body does not. */
export const FORM_HELPER_MAX_CHARS = 4 * 1024 * 1024;
const MAX_DEPTH = 32;
const MAX_NODES = 200_000;

/** Plain JSON (what a JSON body parses to), not deeper than MAX_DEPTH nor larger than the bounds. */
export function isBoundedJson(value: unknown): boolean {
  let nodes = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    if (v === null || typeof v === 'boolean' || typeof v === 'string') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
      continue;
    }
    if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const item of Object.values(v)) stack.push([item, depth + 1]);
  }
  try {
    return JSON.stringify(value).length <= FORM_HELPER_MAX_CHARS;
  } catch {
    return false;
  }
}

const boundedJsonSchema = z.unknown().refine(isBoundedJson, { message: 'risposta non JSON o troppo grande' });

export const formHelperAnswerSchema = z.object({
  /** The portal's JSON body, as FormioHelper.authenticatedCall resolves it. */
  data: boundedJsonSchema,
  /**
   * `cache`: the portal could not be reached in time; this is what it answered `ageSeconds` ago.
   * `catalogue`: no portal on this device (the demo); answered from its own catalogue.
   */
  source: z.enum(['portal', 'cache', 'catalogue']),
  fetchedAt: z.string().max(40),
  ageSeconds: z.number().int().nonnegative(),
});
export type FormHelperAnswer = z.infer<typeof formHelperAnswerSchema>;

export const moduliCalls = {
  /** `tenant`: the comune whose form asks; only the one this device's portal serves is answered. */
  'moduli.helper': call(z.object({ tenant: tenantSlugSchema, path: z.string().min(1).max(500) }).strict(), formHelperAnswerSchema),
};
