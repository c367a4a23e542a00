/**
 * The kiosk of `npm run bench:soak`, in a process of its own as the app's main process is:
 * core and the browser host in kiosk mode, a scripted card reader. Driven by lines on standard
 * input, answering one JSON line each: `url` (a launch URL), `inserisci <n>` (citizen n's card),
 * `estrai`, `memoria` (heap and RSS after a garbage collection), `scadenza <days>` (the clock
 * moves on), `fine`.
 */
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startTestHost } from '../support/host';
import { ScriptedCard } from '../e2e/support/scripted-card';
import { CITIZENS } from './soak-citizens';

async function main(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let offset = 0;
  const card = new ScriptedCard();
  const app = await startTestHost({ mode: 'kiosk' }, { cardPortFactory: card.factory, clock: { now: () => new Date(Date.now() + offset) } });
  const answer = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  answer({ pronto: true, dataDir: app.dataDir });
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, arg] = line.trim().split(/\s+/);
    if (command === 'url') answer({ url: app.host.url });
    else if (command === 'inserisci') {
      card.insert(CITIZENS[Number(arg) % CITIZENS.length]);
      answer({ inserita: true });
    } else if (command === 'estrai') {
      card.remove();
      answer({ estratta: true });
    }
    else if (command === 'scadenza') answer({ giorni: (offset += Number(arg) * 86_400_000) / 86_400_000 });
    else if (command === 'memoria') {
      gc();
      gc();
      const m = process.memoryUsage();
      answer({ heapMb: m.heapUsed / 1024 / 1024, rssMb: m.rss / 1024 / 1024 });
    } else if (command === 'fine') {
      await app.stop();
      answer({ fine: true });
      // Standard input stays open (the driver's pipe): nothing else would end the process.
      process.exit(0);
    } else answer({ errore: `comando sconosciuto: ${line}` });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
