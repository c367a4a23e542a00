/**
 * `npm run portal [-- --catalogue <dir> --port <n> --data <dir> --token-ttl <s> --latency <ms>
 *  --5xx <rate> --reset <rate> --lost <rate> --token-expiry <rate> --429 <rate> --retry-after <s> --only <regex>]`
 * Starts the reference portal and prints its URL, tenant and demo credentials.
 */
import { parseArgs } from 'node:util';
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

  console.log(`Portale di riferimento: ${portal.url}/${portal.tenant}/api`);
  console.log(`Dati: ${portal.dataDir}`);
  for (const a of DEMO_ACCOUNTS) console.log(`Account ${a.role}: ${a.username} / ${a.password}`);
  console.log(`Chiave di amministrazione (header x-portal-admin): ${portal.adminKey}`);
  const stop = () => void portal.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
