/**
 * The issuing system over HTTP: a system of its own (configuration `issuer`: its address and
 * account), not the municipal portal, which has no such service. The contract is ours
 * (README.md, "The issuing system"; the reference issuer is tests/portal/issuing, a server of
 * its own). One attempt per release: a retry could make the issuer send the second half twice,
 * and the operator sees the outcome and decides. The answer is parsed before use; its digits are
 * never logged.
 */
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import { DomainError } from '../../core/errors';
import { withDeadline } from '../http/deadline';
import type { PortalCredentials } from '../../core/sync/credentials';
import type { EsitoRilascio, IssuingPort, RichiestaRilascio } from '../../core/desk/issuing-port';

export interface HttpIssuerOptions {
  /** The issuer's base URL: `<url>/auth`, `<url>/pin-releases`. */
  url: string;
  credentials: () => PortalCredentials;
  timeoutMs?: number;
}

const tokenSchema = z.object({ token: z.string().min(1) });
const releaseSchema = z.object({
  id: z.string().min(1).max(100),
  pin_first_digits: z.string().regex(/^\d{2}$/),
  puk_first_digits: z.string().regex(/^\d{2}$/),
});
/** The issuer's refusals name what they are, so a 404 of a wrong address is never taken for "unknown card". */
const problemSchema = z.object({ error: z.string().max(60), detail: z.string().max(500) }).partial();

const ISSUER_DOWN = () =>
  new DomainError(
    'emittente-non-disponibile',
    "Servizio di rilascio PIN non raggiungibile: il PIN NON è stato rilasciato. Riprova più tardi; se il problema continua, avvisa l'assistenza.",
  );

/** The request may have reached the issuer: say so, so nobody repeats a release blindly. */
const UNCERTAIN = () =>
  new DomainError(
    'emittente-esito-incerto',
    "Il sistema di emissione non ha dato una risposta valida: il rilascio potrebbe essere avvenuto. Prima di ripeterlo chiedi all'assistenza di verificarlo.",
  );

const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function refusal(status: number, data: unknown): DomainError {
  const problem = problemSchema.safeParse(data).data;
  if (status === 401 || status === 403) {
    return new DomainError('emittente-accesso-negato', "Il servizio di rilascio PIN ha rifiutato le credenziali di questa postazione: avvisa l'assistenza.");
  }
  if (status === 404 && problem?.error === 'carta-sconosciuta') {
    return new DomainError('carta-sconosciuta-emittente', 'Il sistema di emissione non conosce questa carta: il PIN non può essere rilasciato qui.');
  }
  // Any other 404 or 405: nothing answers for releases at that address (a wrong `issuer.url`).
  if (status === 404 || status === 405) return ISSUER_DOWN();
  if (status === 409) {
    return new DomainError('carta-non-del-cittadino', 'Il sistema di emissione non associa questa carta a questo codice fiscale: il PIN non è stato rilasciato.');
  }
  return new DomainError('rilascio-rifiutato', `Il sistema di emissione ha rifiutato il rilascio${problem?.detail ? `: ${problem.detail}` : '.'}`);
}

export function createHttpIssuer(options: HttpIssuerOptions): IssuingPort {
  const api = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const http: AxiosInstance = withDeadline(axios.create({ timeout: timeoutMs, maxRedirects: 0, validateStatus: () => true }), timeoutMs);

  const post = async (path: string, body: unknown, token?: string) => {
    try {
      return await http.post(`${api}${path}`, body, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw path === '/auth' || (typeof code === 'string' && NEVER_SENT.has(code)) ? ISSUER_DOWN() : UNCERTAIN();
    }
  };

  return {
    async requestRelease(request: RichiestaRilascio): Promise<EsitoRilascio> {
      let account: PortalCredentials;
      try {
        account = options.credentials();
      } catch {
        throw new DomainError('emittente-credenziali-mancanti', "Le credenziali della postazione per il sistema di emissione non sono disponibili: avvisa l'assistenza.");
      }
      const auth = await post('/auth', { username: account.username, password: account.password });
      if (auth.status >= 500 || auth.status === 404 || auth.status === 405) throw ISSUER_DOWN();
      const token = tokenSchema.safeParse(auth.data);
      if (auth.status !== 200 || !token.success) throw refusal(401, auth.data);

      const res = await post(
        '/pin-releases',
        {
          fiscal_code: request.codiceFiscale,
          card_serial: request.serialeCarta,
          operator: request.operatore,
          identity_document: {
            type: request.documento.tipo,
            number: request.documento.numero,
            issued_by: request.documento.rilasciatoDa,
            expires_on: request.documento.scadenza,
          },
          channel: { type: request.canale.tipo, destination: request.canale.destinazione },
          audit_head: request.testaRegistro,
        },
        token.data.token,
      );
      if (res.status >= 500) throw ISSUER_DOWN();
      if (res.status !== 201) throw refusal(res.status, res.data);
      const parsed = releaseSchema.safeParse(res.data);
      if (!parsed.success) throw UNCERTAIN();
      return { releaseId: parsed.data.id, pinFirst2: parsed.data.pin_first_digits, pukFirst2: parsed.data.puk_first_digits };
    },
  };
}
