/**
 * The portal's status codes (sdc-api.md), their Italian labels, and the groups a citizen
 * sees in "Le mie pratiche".
 */
import { STATUS_SUBMITTED } from '../store/outbox-payload';

export const STATO = {
  BOZZA: 1000,
  PAGAMENTO_IN_ATTESA: 1500,
  INVIATA: STATUS_SUBMITTED,
  ACQUISITA: 2000,
  PROTOCOLLATA: 3000,
  PRESA_IN_CARICO: 4000,
  INTEGRAZIONE_RICHIESTA: 4100,
  IN_ATTESA_INTEGRAZIONE: 4200,
  IN_ELABORAZIONE: 5000,
  ACCETTATA: 7000,
  RIFIUTATA: 9000,
  RITIRATA: 20000,
  ANNULLATA: 50000,
} as const;

export const GRUPPI = ['bozza', 'inviate', 'in-elaborazione', 'accettate', 'rifiutate', 'da-integrare', 'ritirate'] as const;
export type Gruppo = (typeof GRUPPI)[number];

const LABELS: [from: number, to: number, label: string][] = [
  [1000, 1000, 'Bozza'],
  [1500, 1500, 'In attesa di pagamento'],
  [1510, 1510, 'In attesa di esito del pagamento'],
  [1520, 1520, 'Pagamento eseguito'],
  [1530, 1530, 'Pagamento non riuscito'],
  [1900, 1900, 'Inviata'],
  // 1900 is the app's "sent", 2000 the portal's "received": to the citizen one state, one name.
  [2000, 2000, 'Inviata'],
  [3000, 3000, 'Protocollata'],
  [4000, 4000, 'Presa in carico'],
  [4100, 4200, 'Da integrare'],
  [4300, 4300, 'Integrazione inviata'],
  [4400, 4400, 'Integrazione protocollata'],
  [4500, 4500, 'Di nuovo in carico'],
  [5000, 5000, 'In elaborazione'],
  [6000, 6000, 'Accettata, in attesa di protocollo'],
  [7000, 7000, 'Accettata'],
  [8000, 8000, 'Rifiutata, in attesa di protocollo'],
  [9000, 9000, 'Rifiutata'],
  [20000, 20000, 'Ritirata'],
  [50000, 50000, 'Annullata'],
];

export function statusLabel(status: number): string {
  return LABELS.find(([from, to]) => status >= from && status <= to)?.[2] ?? `Stato ${status}`;
}

/**
 * A pratica's history with each state named for the citizen: an entry that repeats the
 * name of the one before and says nothing of its own (1900 then 2000, both "Inviata") is one step.
 */
export function storiaLeggibile<T extends { status: number; message: string | null }>(history: T[]): (T & { label: string })[] {
  const storia: (T & { label: string })[] = [];
  for (const h of history) {
    const label = statusLabel(h.status);
    if (storia.at(-1)?.label === label && !h.message) continue;
    storia.push({ ...h, label });
  }
  return storia;
}

/** Payment states (15xx) come after the citizen sent the pratica, so they count as sent. */
export function gruppoOf(status: number): Gruppo {
  if (status === STATO.BOZZA) return 'bozza';
  if (status === 4100 || status === 4200) return 'da-integrare';
  if (status === 7000 || status === 6000) return 'accettate';
  if (status === 9000 || status === 8000) return 'rifiutate';
  if (status === 20000 || status === 50000) return 'ritirate';
  if (status < 4000) return 'inviate';
  return 'in-elaborazione';
}

