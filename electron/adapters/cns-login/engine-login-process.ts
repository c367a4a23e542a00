/**
 * The card's key for TLS, in a process of its own (spawned by engine-login.ts). Three reasons:
 * OpenSSL's engine signs synchronously, so the process holding it stops while the card answers
 * (a virtual card answering from that process would never answer); OpenSC and the engine write
 * their diagnostics, the key's URI with the PIN among them, to stderr, which the parent discards;
 * and the PIN lives only here, in memory, between the card and OpenSSL.
 *
 * Protocol: one JSON object per line on stdin, one answer per line on stdout.
 *   {"open": {engine, module, keyUri, pin, certificatePem}} -> {"opened": true} | {"failure": {...}}
 *   {"login": {url, timeoutMs}}                             -> {"answer": {status, location, cookies}} | {"failure": {...}}
 * The process ends when stdin ends (the card left, or the app closed).
 */
import { request, type RequestOptions } from 'node:https';
import { createSecureContext, type SecureContext } from 'node:tls';
import { createInterface } from 'node:readline';

interface Open {
  engine: string;
  module: string;
  keyUri: string;
  pin: string;
  certificatePem: string;
}

type Reason = 'pin-errato' | 'pin-bloccato' | 'carta-assente' | 'non-disponibile' | 'rete' | 'rifiutato';
const reply = (answer: object) => process.stdout.write(`${JSON.stringify(answer)}\n`);
const failure = (reason: Reason, detail: string) => reply({ failure: { reason, detail } });

let context: SecureContext | null = null;

/** OpenSSL's codes for what the card said about the PIN (libp11 maps CKR_PIN_* to these). */
function openFailure(error: unknown): [Reason, string] {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_OSSL_PIN_INCORRECT') return ['pin-errato', 'PIN errato'];
  if (code === 'ERR_OSSL_PIN_LOCKED') return ['pin-bloccato', 'PIN bloccato'];
  // Only the code: OpenSSL's message for a missing key names the key's URI.
  return ['non-disponibile', `chiave della carta non disponibile (${typeof code === 'string' ? code : 'motivo sconosciuto'})`];
}

function open(o: Open): void {
  // The module the engine loads, for this process only (libp11 reads it when the engine starts).
  process.env.PKCS11_MODULE_PATH = o.module;
  try {
    context = createSecureContext({
      cert: o.certificatePem,
      privateKeyEngine: o.engine,
      privateKeyIdentifier: `${o.keyUri};pin-value=${encodeURIComponent(o.pin)}`,
    });
    reply({ opened: true });
  } catch (error) {
    failure(...openFailure(error));
  }
}

function login(url: string, timeoutMs: number): void {
  if (!context) {
    failure('non-disponibile', 'chiave della carta non aperta');
    return;
  }
  // `secureContext` is honoured by https.request (passed on to tls.connect) though its type does not list it.
  const options: RequestOptions & { secureContext: SecureContext } = { method: 'GET', secureContext: context, agent: false, headers: { accept: 'text/html,application/json' } };
  let req: ReturnType<typeof request>;
  try {
    req = request(url, options, (res) => {
      res.resume();
      const cookies = res.headers['set-cookie'] ?? [];
      reply({ answer: { status: res.statusCode ?? 0, location: res.headers.location ?? null, cookies } });
    });
  } catch (error) {
    // An address https cannot take (a portal configured over http at home).
    failure('non-disponibile', `indirizzo di accesso non valido (${(error as NodeJS.ErrnoException).code ?? 'errore'})`);
    return;
  }
  req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('tempo scaduto'), { code: 'ETIMEDOUT' })));
  req.on('error', (error: NodeJS.ErrnoException) => {
    const code = error.code ?? '';
    // A handshake the server ended (no certificate it trusts) or a signature the card did not make.
    const tls = /^ERR_(SSL|OSSL)/.test(code) || /alert/i.test(error.message);
    failure(tls ? 'rifiutato' : 'rete', `${code || 'errore'}${tls ? '' : `: ${error.message.slice(0, 120)}`}`);
  });
  req.end();
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let message: { open?: Open; login?: { url: string; timeoutMs: number } };
  try {
    message = JSON.parse(line) as typeof message;
  } catch {
    return failure('non-disponibile', 'richiesta non leggibile');
  }
  if (message.open) open(message.open);
  else if (message.login) login(message.login.url, message.login.timeoutMs);
  else failure('non-disponibile', 'richiesta sconosciuta');
});
process.stdin.on('end', () => process.exit(0));
