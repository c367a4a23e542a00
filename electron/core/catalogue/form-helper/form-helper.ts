/**
 * FormioHelper.authenticatedCall as core answers it. The real helper (assets/js/utils/FormIoHelper.js)
 * GETs `<origin>/<tenant>/api/<path>` and resolves the parsed body; here the path must be one the
 * portal's forms use (allowlist.ts), the portal is asked with a deadline on the whole call, and its
 * answer is kept. When the portal cannot be reached in time the kept answer is given, with its age;
 * with none, a clear error. What the portal refuses (a calendar that no longer exists) is forgotten
 * and reported, never replaced by an old answer. The same request asked twice at once goes out once.
 * With no portal (the demo) this device's catalogue answers what it knows (catalogue-answers.ts).
 */
import type { FormHelperAnswer } from '../../../shared/contract/moduli';
import { DomainError } from '../../errors';
import type { Logger } from '../../log/logger';
import type { Clock } from '../../ports/clock';
import { parseHelperPath, type HelperRequest } from './allowlist';
import { checkedAnswer } from './answer-shapes';
import type { FormHelperCache } from './cache-repo';
import { catalogueAnswer, type FormHelperCatalogue } from './catalogue-answers';
import { FormHelperPortalFailure, type FormHelperPortal } from './portal-port';

/** A select waits for this at most: then the kept answer, or the error. */
const FORM_HELPER_DEADLINE_MS = 8_000;

export interface FormHelperOptions {
  /** Null on a device without a portal (the demo). */
  portal: FormHelperPortal | null;
  /** Without a portal: the device's catalogue answers what it knows; without either, an error. */
  catalogue?: FormHelperCatalogue | null;
  cache: FormHelperCache;
  clock: Clock;
  log: Logger;
  deadlineMs?: number;
}

export interface FormHelper {
  /** `tenant`: the comune whose form asks; `path`: what it passed to authenticatedCall. */
  answer(tenant: string, path: string): Promise<FormHelperAnswer>;
}

const notConfigured = () =>
  new DomainError('portale-non-configurato', 'Questa postazione non è collegata al portale del Comune: le scelte di questo campo non sono disponibili.');
const otherTenant = () =>
  new DomainError('comune-non-collegato', 'Il portale collegato a questa postazione è di un altro Comune: le scelte di questo campo non sono disponibili.');
const unreachable = () =>
  new DomainError(
    'portale-non-raggiungibile',
    "Il portale del Comune non ha dato le scelte di questo campo e su questa postazione non ce n'è ancora una copia. Riprova tra qualche minuto o rivolgiti allo sportello.",
  );

class DeadlinePassed extends Error {}

export function createFormHelper(o: FormHelperOptions): FormHelper {
  const deadlineMs = o.deadlineMs ?? FORM_HELPER_DEADLINE_MS;
  const inFlight = new Map<string, Promise<FormHelperAnswer>>();

  /** The portal's body, or throws FormHelperPortalFailure / DeadlinePassed; never waits past the deadline. */
  async function ask(portal: FormHelperPortal, request: HelperRequest): Promise<unknown> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new DeadlinePassed());
      }, deadlineMs);
    });
    try {
      return await Promise.race([portal.get({ segments: request.segments, query: request.query }, controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  function fromCache(tenant: string, request: HelperRequest, why: string): FormHelperAnswer {
    const kept = o.cache.get(tenant, request.key);
    o.log.warn('dati del modulo: portale non disponibile', { richiesta: request.key, motivo: why, archivio: kept ? kept.fetchedAt : null });
    if (!kept) throw unreachable();
    const ageSeconds = Math.max(0, Math.floor((o.clock.now().getTime() - Date.parse(kept.fetchedAt)) / 1000));
    return { data: kept.data, source: 'cache', fetchedAt: kept.fetchedAt, ageSeconds };
  }

  async function fetchAndKeep(portal: FormHelperPortal, request: HelperRequest): Promise<FormHelperAnswer> {
    let body: unknown;
    try {
      body = await ask(portal, request);
    } catch (error) {
      if (error instanceof DeadlinePassed) return fromCache(portal.tenant, request, `nessuna risposta in ${deadlineMs} ms`);
      if (!(error instanceof FormHelperPortalFailure)) throw error;
      if (error.reason === 'unreachable') return fromCache(portal.tenant, request, error.message);
      o.cache.forget(portal.tenant, request.key);
      o.log.warn('dati del modulo: richiesta rifiutata dal portale', { richiesta: request.key, stato: error.status });
      throw new DomainError(
        'richiesta-rifiutata-dal-portale',
        `Il portale del Comune non ha dato le scelte di questo campo${error.status ? ` (errore ${error.status})` : ''}. Controlla le scelte precedenti o rivolgiti allo sportello.`,
      );
    }
    const data = checkedAnswer(request.kind, body);
    if (data === null) return fromCache(portal.tenant, request, 'risposta del portale non valida');
    const now = o.clock.now();
    try {
      o.cache.put(portal.tenant, request.key, data, now);
    } catch (error) {
      // Not keeping a copy costs only the offline fallback: the citizen still gets the answer.
      o.log.warn('dati del modulo: copia non salvata', { richiesta: request.key, errore: error instanceof Error ? error.message : String(error) });
    }
    return { data, source: 'portal', fetchedAt: now.toISOString(), ageSeconds: 0 };
  }

  return {
    async answer(tenant, path) {
      const request = parseHelperPath(path);
      const portal = o.portal;
      if (!portal) {
        if (!o.catalogue) throw notConfigured();
        const data = checkedAnswer(request.kind, catalogueAnswer(o.catalogue, tenant, request));
        if (data === null) throw notConfigured();
        return { data, source: 'catalogue', fetchedAt: o.clock.now().toISOString(), ageSeconds: 0 };
      }
      if (tenant !== portal.tenant) throw otherTenant();
      const pending = inFlight.get(request.key);
      if (pending) return pending;
      const started = fetchAndKeep(portal, request).finally(() => inFlight.delete(request.key));
      inFlight.set(request.key, started);
      return started;
    },
  };
}
