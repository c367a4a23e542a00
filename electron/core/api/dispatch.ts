/**
 * The single entry point for every call from a renderer, whichever transport
 * carried it (Electron IPC or the browser host's WebSocket).
 *
 * It validates the input against the contract, runs the handler, validates the
 * output, and turns every outcome into a `Result`. Secrets named by the contract are
 * redacted before anything is logged.
 */
import type { z } from 'zod';
import type { CallContext, CallMap, Handlers, Result, ApiError } from '../../shared/contract/define';
import { isUserFacing } from '../errors';
import type { Logger } from '../log/logger';
import { redact, secretValues, type RedactOptions } from '../log/redact';

export type Dispatch = (call: string, input: unknown, context: CallContext) => Promise<Result<unknown>>;

const INTERNAL: ApiError = {
  code: 'errore-interno',
  message: "Si è verificato un errore interno. Riprova; se si ripete, rivolgiti allo sportello.",
};

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export function createDispatch<M extends CallMap>(calls: M, handlers: Handlers<M>, log: Logger): Dispatch {
  return async (name, input, context) => {
    if (!Object.prototype.hasOwnProperty.call(calls, name)) {
      return { ok: false, error: { code: 'chiamata-sconosciuta', message: `Operazione non prevista: ${String(name).slice(0, 60)}` } };
    }
    const spec = calls[name]!;
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'input-non-valido', message: 'I dati inviati non sono validi.', details: issuesOf(parsed.error) },
      };
    }
    const handler = handlers[name as keyof M];
    const secrets: RedactOptions = { keys: spec.secretFields ?? [], values: secretValues(parsed.data, spec.secretFields ?? []) };
    // The call trace (debug level): what came in, by which transport, without the call's secrets.
    log.debug('chiamata', { call: name, transport: context.transport, input: redact(parsed.data, { ...secrets, maxString: 200 }) });
    try {
      const value = await handler(parsed.data as never, context);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error('risposta non conforme al contratto', { call: name, issues: issuesOf(checked.error) });
        return { ok: false, error: INTERNAL };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (isUserFacing(error)) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
      }
      // The error may quote what the handler was given (a driver echoing a PIN): its secrets are blanked too.
      log.error('errore nella chiamata', redact({ call: name, error }, secrets) as Record<string, unknown>);
      return { ok: false, error: INTERNAL };
    }
  };
}
