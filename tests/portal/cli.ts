/**
 * `npm run portal [-- --catalogue <dir> --port <n> --data <dir> --token-ttl <s> --latency <ms>
 *  --5xx <rate> --reset <rate> --lost <rate> --token-expiry <rate> --429 <rate> --retry-after <s> --only <regex>
 *  --issuer [--issuer-port <n>]]`
 * Starts the reference portal (and its form server) and prints the tenant's base URL and the demo
 * accounts; with `--issuer`, also the reference PIN issuing system, a server of its own on another port.
 */
import { parseArgs } from 'node:util';
import { CNS_DEFAULTS } from '../../native/virtual-card';
import { DEMO_ISSUER_ACCOUNTS, startIssuer, startSmtpCapture } from './issuing';
import { DEMO_ACCOUNTS, startPortal } from './server';

const { values } = parseArgs({
  options: {
    catalogue: { type: 'string' },
    port: { type: 'string', default: '8484' },
    data: { type: 'string' },
    'token-ttl': { type: 'string', default: '3600' },
    latency: { type: 'string', default: '0' },
    '5xx': { type: 'string', default: '0' },
    reset: { type: 'string', default: '0' },
    lost: { type: 'string', default: '0' },
    'token-expiry': { type: 'string', default: '0' },
    '429': { type: 'string', default: '0' },
    'retry-after': { type: 'string', default: '1' },
    only: { type: 'string' },
    issuer: { type: 'boolean', default: false },
    'issuer-port': { type: 'string', default: '8585' },
  },
});

async function main(): Promise<void> {
  const portal = await startPortal({
    catalogueDir: values.catalogue,
    dataDir: values.data,
    port: Number(values.port),
    tokenTtlSeconds: Number(values['token-ttl']),
    faults: {
      latencyMs: Number(values.latency),
      serverErrorRate: Number(values['5xx']),
      resetRate: Number(values.reset),
      lostResponseRate: Number(values.lost),
      tokenExpiryRate: Number(values['token-expiry']),
      tooManyRequestsRate: Number(values['429']),
      retryAfterSeconds: Number(values['retry-after']),
      ...(values.only ? { only: values.only } : {}),
    },
  });

  console.log(`Portale di riferimento (portal.url): ${portal.url}/${portal.tenant}`);
  console.log(`Form server (FORMSERVER_PUBLIC_URL): ${portal.formServerUrl}`);
  console.log(`Dati: ${portal.dataDir}`);
  for (const a of DEMO_ACCOUNTS) console.log(`Account operatore abilitato a tutti i servizi: ${a.username} / ${a.password}`);
  console.log(`Chiave di amministrazione (header x-portal-admin): ${portal.adminKey}`);
  const closers: (() => Promise<void>)[] = [() => portal.close()];
  if (values.issuer) {
    const smtp = await startSmtpCapture();
    const issuer = await startIssuer({ smtp, port: Number(values['issuer-port']) });
    issuer.register({ seriale: CNS_DEFAULTS.serial, codiceFiscale: CNS_DEFAULTS.codiceFiscale, nome: `${CNS_DEFAULTS.givenName} ${CNS_DEFAULTS.surname}`, pin: CNS_DEFAULTS.pin, puk: CNS_DEFAULTS.puk });
    closers.push(() => issuer.close(), () => smtp.close());
    console.log(`Sistema di rilascio PIN (issuer.url): ${issuer.url}`);
    for (const a of DEMO_ISSUER_ACCOUNTS) console.log(`Account del sistema di rilascio: ${a.username} / ${a.password}`);
    console.log(`Email del sistema di rilascio catturate da SMTP 127.0.0.1:${smtp.port}`);
  }
  const stop = () => void Promise.all(closers.map((c) => c())).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
