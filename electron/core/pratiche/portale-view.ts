/**
 * What the portal recorded about a sent pratica, as Dettaglio shows it: protocol, outcome and its
 * files with their signature's verdict, and the payment the comune asks for in the citizen's words.
 */
import type { PraticaView } from '../../shared/contract/pratiche';
import type { Appuntamento, Pagamento, RemotePratica } from '../store/remote-repo';

type StatoPagamento = NonNullable<NonNullable<PraticaView['portale']>['pagamento']>['stato'];

/** The payment stack's states (PaymentService of the portal) and the pratica's own (1520 paid, 1530 failed). */
export function statoPagamento(p: Pagamento, status: number): StatoPagamento {
  if (status === 1520 || p.stato === 'COMPLETE' || p.stato === 'PAYMENT_CONFIRMED') return 'pagato';
  if (status === 1530 || p.stato === 'PAYMENT_FAILED' || p.stato === 'CREATION_FAILED') return 'non-riuscito';
  if (p.stato === 'EXPIRED') return 'scaduto';
  if (p.stato === 'PAYMENT_STARTED' || p.stato === 'NOTIFICATION_PENDING' || status === 1510) return 'in-corso';
  return 'da-pagare';
}

/** Entity/Meeting.php's statuses, 0 to 6. */
const STATI_APPUNTAMENTO = ['in-attesa', 'confermato', 'rifiutato', 'mancato', 'svolto', 'annullato', 'bozza'] as const;

/** Where a change the citizen asked for an appointment is (the outbox's state), if they asked for one. */
export type StatoRichiesta = (meetingId: string) => { state: 'pending' | 'sent' | 'parked' } | null;
export interface RichiesteAppuntamenti {
  annullamento: StatoRichiesta;
  spostamento: StatoRichiesta;
}

const aperta = (asked: ReturnType<StatoRichiesta>): boolean => asked !== null && asked.state === 'pending';
const inCorsoORifiutata = (asked: ReturnType<StatoRichiesta>) => (asked === null || asked.state === 'sent' ? null : asked.state === 'parked' ? ('non-riuscito' as const) : ('in-corso' as const));

/** Pending or approved, still to come, and no cancellation or move on its way. */
export function modificabile(a: Appuntamento, now: Date, richieste: RichiesteAppuntamenti): boolean {
  return (a.stato === 0 || a.stato === 1) && Date.parse(a.dal) > now.getTime() && !aperta(richieste.annullamento(a.id)) && !aperta(richieste.spostamento(a.id));
}

/** The start of the next appointment still to come, pending or confirmed; null when none. */
export function prossimoAppuntamento(appuntamenti: readonly Appuntamento[], now: Date): string | null {
  const next = appuntamenti.filter((a) => (a.stato === 0 || a.stato === 1) && Date.parse(a.dal) > now.getTime()).sort((a, b) => a.dal.localeCompare(b.dal))[0];
  return next?.dal ?? null;
}

export function portaleView(remote: RemotePratica, now: Date, richieste: RichiesteAppuntamenti): NonNullable<PraticaView['portale']> {
  const p = remote.pagamento;
  return {
    protocolNumber: remote.protocolNumber,
    protocolledAt: remote.protocolledAt,
    outcome: remote.outcome,
    outcomeMotivation: remote.outcomeMotivation,
    outcomeFiles: remote.outcomeFiles.map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType, size: f.size, firma: f.firma ?? null })),
    appuntamenti: remote.appuntamenti.map((a) => {
      const changeable = modificabile(a, now, richieste);
      return {
        id: a.id,
        dal: a.dal,
        al: a.al,
        ufficio: a.ufficio,
        luogo: a.luogo,
        stato: STATI_APPUNTAMENTO[a.stato] ?? 'in-attesa',
        annullamento: a.stato === 5 ? null : inCorsoORifiutata(richieste.annullamento(a.id)),
        annullabile: changeable,
        spostabileIn: changeable ? (a.calendarId ?? null) : null,
        spostamento: a.stato === 5 ? null : inCorsoORifiutata(richieste.spostamento(a.id)),
      };
    }),
    pagamento: p && {
      stato: statoPagamento(p, remote.status),
      importoCentesimi: p.importoCentesimi,
      causale: p.causale,
      codiceAvviso: p.codiceAvviso,
      scadenza: p.scadenza,
      pagatoIl: p.pagatoIl,
      linkOnline: p.linkOnline,
    },
  };
}
