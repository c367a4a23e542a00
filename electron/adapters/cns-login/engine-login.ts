/**
 * The citizen's TLS login in plain Node (browser host, command line, tests): OpenSSL's PKCS#11
 * engine (libp11, Debian's libengine-pkcs11-openssl) with the card's PKCS#11 module, in a
 * process of its own (engine-login-process.ts says why). Electron's Node has no OpenSSL
 * engines (BoringSSL): there the Chromium adapter serves the same port.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chooseModule, modulePathOf } from '../../../native/pkcs11/discovery';
import { CnsLoginFailure, type CnsKey, type CnsKeyRequest, type CnsLoginAnswer, type CnsLoginPort } from '../../core/ports/cns-login';

/** Where distributions install libp11's engine for OpenSSL 3. */
const ENGINE_CANDIDATES: readonly string[] = [
  '/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so',
  '/usr/lib/aarch64-linux-gnu/engines-3/pkcs11.so',
  '/usr/lib64/engines-3/pkcs11.so',
  '/usr/lib/engines-3/pkcs11.so',
  '/opt/homebrew/lib/engines-3/pkcs11.dylib',
  '/usr/local/lib/engines-3/pkcs11.dylib',
];

export interface EngineLoginOptions {
  /** The configured PKCS#11 module (pkcs11.modulePath), else the one discovery finds. */
  modulePath?: string | null;
  enginePath?: string;
  /** How long the card has to open its key (PIN login), and the portal to answer the login (the app's own card use waits for it). */
  timeoutMs?: number;
  exists?: (path: string) => boolean;
}

export function findEngine(exists: (path: string) => boolean = existsSync): string | null {
  return ENGINE_CANDIDATES.find((p) => exists(p)) ?? null;
}

/** A PKCS#11 URI (RFC 7512) for the card's private key: the token is the card, by its serial. */
function keyUri(serial: string): string {
  return `pkcs11:serial=${encodeURIComponent(serial)};type=private`;
}

function unavailable(message: string): never {
  throw new CnsLoginFailure('non-disponibile', message);
}

export function createEngineLogin(options: EngineLoginOptions = {}): CnsLoginPort {
  const exists = options.exists ?? existsSync;
  const timeoutMs = options.timeoutMs ?? 20_000;
  return {
    async open(card: CnsKeyRequest): Promise<CnsKey> {
      const engine = options.enginePath ?? findEngine(exists) ?? unavailable("Manca il componente per l'accesso con la carta (OpenSSL PKCS#11 engine): installa libengine-pkcs11-openssl.");
      let module: string;
      try {
        module = modulePathOf(chooseModule({ configured: options.modulePath ?? null, exists }));
      } catch (error) {
        unavailable((error as Error).message);
      }
      const child = spawnKeyHolder();
      const ask = answers(child, timeoutMs);
      const certificatePem = new X509Certificate(Buffer.from(card.certificateDer)).toString();
      const opened = await ask({ open: { engine, module, keyUri: keyUri(card.serial), pin: card.pin, certificatePem } });
      if (!('opened' in opened)) {
        child.stdin.end();
        throw asFailure(opened);
      }
      return {
        async login(url: string): Promise<CnsLoginAnswer> {
          const r = await ask({ login: { url, timeoutMs } });
          if ('answer' in r) return r.answer;
          throw asFailure(r);
        },
        async close() {
          if (child.exitCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.stdin.end();
          const killer = setTimeout(() => child.kill('SIGKILL'), 2_000);
          await exited;
          clearTimeout(killer);
        },
      };
    },
  };
}

type Answer = { opened: true } | { answer: CnsLoginAnswer } | { failure: { reason: CnsLoginFailure['reason']; detail: string } };

function asFailure(r: Answer): CnsLoginFailure {
  const f = 'failure' in r ? r.failure : { reason: 'non-disponibile' as const, detail: 'risposta inattesa' };
  return new CnsLoginFailure(f.reason, f.detail);
}

type KeyHolder = ChildProcessByStdio<Writable, Readable, null>;

function spawnKeyHolder(): KeyHolder {
  // stderr is dropped, never logged: OpenSC and the engine print the key's URI, PIN included.
  return spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'engine-login-process.ts')], { stdio: ['pipe', 'pipe', 'ignore'] });
}

/** Requests one at a time, each answered by the next line; a dead or silent process is a failure. */
function answers(child: KeyHolder, timeoutMs: number): (request: object) => Promise<Answer> {
  const waiting: ((line: string | null) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  child.once('exit', () => waiting.splice(0).forEach((w) => w(null)));
  child.once('error', () => waiting.splice(0).forEach((w) => w(null)));
  let queue = Promise.resolve();
  return (request) => {
    const run = queue.then(
      () =>
        new Promise<Answer>((resolve, reject) => {
          if (child.exitCode !== null || child.killed) return reject(new CnsLoginFailure('carta-assente', 'la chiave della carta è stata chiusa'));
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
          }, timeoutMs + 5_000);
          waiting.push((line) => {
            clearTimeout(timer);
            if (line === null) return reject(new CnsLoginFailure('carta-assente', 'la chiave della carta non risponde più'));
            try {
              resolve(JSON.parse(line) as Answer);
            } catch {
              reject(new CnsLoginFailure('non-disponibile', 'risposta non leggibile'));
            }
          });
          child.stdin.write(`${JSON.stringify(request)}\n`);
        }),
    );
    queue = run.then(() => undefined, () => undefined);
    return run;
  };
}
