/**
 * `tsx tests/portal/issuing/cli.ts [--port 8585]`: the reference issuing system on its own port
 * (the desk's `issuer.url`), an SMTP capture on 127.0.0.1 whose messages are printed, and the
 * demo virtual card (`npm run virtual-card`, default PIN and PUK) already registered. Next to
 * `npm run portal`, a desk demo end to end.
 */
import { parseArgs } from 'node:util';
import { CNS_DEFAULTS } from '../../../native/virtual-card';
import { DEMO_ISSUER_ACCOUNTS, startIssuer, startSmtpCapture } from './index';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8585' } } });

async function main(): Promise<void> {
  const smtp = await startSmtpCapture();
  const issuer = await startIssuer({ smtp, port: Number(values.port) });
  issuer.register({ seriale: CNS_DEFAULTS.serial, codiceFiscale: CNS_DEFAULTS.codiceFiscale, nome: `${CNS_DEFAULTS.givenName} ${CNS_DEFAULTS.surname}`, pin: CNS_DEFAULTS.pin, puk: CNS_DEFAULTS.puk });

  console.log(`Sistema di emissione PIN (issuer.url): ${issuer.url}`);
  for (const a of DEMO_ISSUER_ACCOUNTS) console.log(`Account della postazione: ${a.username} / ${a.password}`);
  console.log(`Carta dimostrativa registrata: ${CNS_DEFAULTS.serial} (${CNS_DEFAULTS.codiceFiscale})`);
  console.log(`Email catturate da SMTP 127.0.0.1:${smtp.port}; SMS: GET /__admin/sms (x-issuer-admin: ${issuer.adminKey})`);
  let shown = 0;
  const timer = setInterval(() => {
    for (const m of smtp.messages.slice(shown)) console.log(`\n--- email a ${m.to.join(', ')} ---\n${m.raw}`);
    shown = smtp.messages.length;
  }, 500);
  const stop = () => {
    clearInterval(timer);
    void Promise.all([issuer.close(), smtp.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
