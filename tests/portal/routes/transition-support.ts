/**
 * What every `POST /{tenant}/api/applications/{id}/transition/<action>` of
 * src/Controller/Rest/ApplicationsAPIController.php shares: the body is the raw JSON (`processForm`),
 * success is 204 with no body, and an exception inside the action's `try` becomes 400
 * `{type: "error", title: "There was an error during transition process", description}` where
 * `description` is the exception's message (request-integration, accept-integration,
 * cancel-integration) or the generic support line (every other action). A voter refusal inside the
 * try is such an exception ("Access Denied."), and so is an unknown application for the actions that
 * throw it rather than answer 404.
 */
import { z } from 'zod';
import type { ApplicationRow } from '../applications-model';
import type { PortalContext } from '../context';
import { HttpError, type PortalRequest, type PortalResponse } from '../router';
import { TransitionError } from '../status-flow';

export const GENERIC = 'Contact technical support at support@opencontent.it';

export const transitionFailure = (description: string) => new HttpError(400, { type: 'error', title: 'There was an error during transition process', description });
export const validationError = (errors: unknown) => new HttpError(400, { type: 'validation_error', title: 'There was a validation error', errors });

/** Runs an action's `try`; `wording` says which description its `catch` gives. */
export async function inTry(wording: 'message' | 'generic', action: () => Promise<void> | void): Promise<PortalResponse> {
  try {
    await action();
  } catch (error) {
    if (error instanceof TransitionError) throw transitionFailure(wording === 'message' ? error.message : GENERIC);
    throw error;
  }
  return { status: 204 };
}

/** `$repository->find($id)` then `throw new Exception('Application not found')`. */
export function applicationOrFail(ctx: PortalContext, id: string): ApplicationRow {
  const row = ctx.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
  if (!row) throw new TransitionError('Application not found');
  return row;
}

/** `denyAccessUnlessGranted` inside the try. */
export function grant(allowed: boolean): void {
  if (!allowed) throw new TransitionError('Access Denied.');
}

/** The raw JSON body as an object (FOSRest decodes it; anything but an object submits nothing). */
export async function bodyOf(req: PortalRequest): Promise<Record<string, unknown>> {
  const raw: unknown = await req.json(z.unknown());
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/** A TextType child with NotBlank + NotNull: its errors as FormUtils nests them, or null. */
export function requiredText(body: Record<string, unknown>, field: string): string[] | null {
  const v = body[field];
  if (typeof v === 'number') return null;
  if (typeof v === 'string' && v !== '') return null;
  return [`This value should not be blank.: ${field}`, `This value should not be null.: ${field}`];
}

export const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

