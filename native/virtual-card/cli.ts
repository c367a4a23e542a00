/**
 * `npm run virtual-card -- --port 35963 [--atr ...] [--pin 12345] [--puk 12345678] [--cf ...] [--name ...]`
 *
 * Puts a virtual CNS into a vpcd reader of the local pcscd and keeps it there until
 * Ctrl-C, for demos and training. Commands on stdin: insert, remove, status, quit.
 * It survives pcscd restarts (the card is put back when vpcd listens again).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CNS_ATRS, CNS_DEFAULTS, startVirtualCns, type VirtualCnsHandle } from './index';
import { hex } from './apdu';

const USAGE = `uso: npm run virtual-card -- [--port 35963] [--atr <nome|hex>] [--pin 12345] [--puk 12345678]
                            [--cf RSSMRA80A01H501U] [--name "MARIO ROSSI"] [--serial 16 cifre] [--rifiuta-p2-0c]
ATR disponibili: ${Object.keys(CNS_ATRS).join(', ')}
comandi su stdin: insert, remove, status, quit`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '35963' },
      atr: { type: 'string' },
      pin: { type: 'string' },
      puk: { type: 'string' },
      cf: { type: 'string' },
      name: { type: 'string' },
      serial: { type: 'string' },
      'rifiuta-p2-0c': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`porta non valida: ${values.port}`);
  if (values.pin !== undefined && !/^\d{5,8}$/.test(values.pin)) fail('il PIN deve avere da 5 a 8 cifre');
  if (values.puk !== undefined && !/^\d{8}$/.test(values.puk)) fail('il PUK deve avere 8 cifre');
  if (values.cf !== undefined && !/^[A-Z0-9]{16}$/i.test(values.cf)) fail('il codice fiscale deve avere 16 caratteri');
  if (values.serial !== undefined && !/^\d{16}$/.test(values.serial)) fail('il numero di serie deve avere 16 cifre');
  const words = (values.name ?? `${CNS_DEFAULTS.givenName} ${CNS_DEFAULTS.surname}`).trim().toUpperCase().split(/\s+/);
  if (words.length < 2) fail('--name vuole nome e cognome, ad esempio "MARIO ROSSI"');
  return {
    port,
    ...(values.atr ? { atr: values.atr } : {}),
    ...(values.pin ? { pin: values.pin } : {}),
    ...(values.puk ? { puk: values.puk } : {}),
    ...(values.cf ? { codiceFiscale: values.cf } : {}),
    ...(values.serial ? { serial: values.serial } : {}),
    givenName: words.slice(0, -1).join(' '),
    surname: words[words.length - 1]!,
    rejectSelectWithoutFci: values['rifiuta-p2-0c'],
    customSecrets: values.pin !== undefined || values.puk !== undefined,
  };
}

function status(card: VirtualCnsHandle): string {
  const s = card.state;
  return `carta ${card.inserted ? 'inserita' : 'estratta'}; tentativi PIN ${s.pinTriesLeft}/3, PUK ${s.pukTriesLeft}/3; PIN ${s.pinVerified ? 'verificato' : 'non verificato'}`;
}

async function main(): Promise<void> {
  const { customSecrets, ...cardOptions } = options();
  let card: VirtualCnsHandle;
  try {
    card = await startVirtualCns({
      ...cardOptions,
      autoReconnect: true,
      onEvent: (event) => {
        if (event.kind === 'disconnected') console.log(`lettore: connessione chiusa (${event.reason})`);
        if (event.kind === 'connected') console.log('lettore: carta collegata');
      },
    });
  } catch (error) {
    fail(`impossibile inserire la carta: ${(error as Error).message}`);
  }
  console.log(`CNS virtuale sulla porta vpcd ${cardOptions.port}
  ATR:            ${hex(card.atr).replace(/(..)(?!$)/g, '$1 ')}
  titolare:       ${cardOptions.givenName} ${cardOptions.surname}, ${card.codiceFiscale}
  seriale carta:  ${card.serial}
  PIN/PUK:        ${customSecrets ? 'quelli indicati sulla riga di comando' : `${CNS_DEFAULTS.pin} / ${CNS_DEFAULTS.puk} (di prova)`}
  certificato emesso da una CA DI PROVA, non valida fuori dai test
comandi: insert, remove, status, quit`);

  const input = createInterface({ input: process.stdin });
  const quit = async () => {
    await card.stop();
    input.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void quit());
  for await (const line of input) {
    const command = line.trim().toLowerCase();
    if (command === 'insert') await card.insert().then(() => console.log('carta inserita'), (e: Error) => console.log(e.message));
    else if (command === 'remove') await card.remove().then(() => console.log('carta estratta'));
    else if (command === 'status') console.log(status(card));
    else if (command === 'quit' || command === 'exit') await quit();
    else if (command !== '') console.log('comandi: insert, remove, status, quit');
  }
}

void main();
