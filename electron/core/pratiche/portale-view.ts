/**
 * What the portal recorded about a sent pratica, as Dettaglio shows it: protocol, outcome and its
 * files with their signature's verdict, and the payment the comune asks for in the citizen's words.
 */
import type { PraticaView } from '../../shared/contract/pratiche';
import type { Pagamento, RemotePratica } from '../store/remote-repo';

type StatoPagamento = NonNullable<NonNullable<PraticaView['portale']>['pagamento']>['stato'];

/** The payment stack's states (PaymentService of the portal) and the pratica's own (1520 paid, 1530 failed). */
function statoPagamento(p: Pagamento, status: number): StatoPagamento {
  if (status === 1520 || p.stato === 'COMPLETE' || p.stato === 'PAYMENT_CONFIRMED') return 'pagato';
  if (status === 1530 || p.stato === 'PAYMENT_FAILED' || p.stato === 'CREATION_FAILED') return 'non-riuscito';
  if (p.stato === 'EXPIRED') return 'scaduto';
  if (p.stato === 'PAYMENT_STARTED' || p.stato === 'NOTIFICATION_PENDING' || status === 1510) return 'in-corso';
  return 'da-pagare';
}

export function portaleView(remote: RemotePratica): NonNullable<PraticaView['portale']> {
  const p = remote.pagamento;
  return {
    protocolNumber: remote.protocolNumber,
    protocolledAt: remote.protocolledAt,
    outcome: remote.outcome,
    outcomeMotivation: remote.outcomeMotivation,
    outcomeFiles: remote.outcomeFiles.map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType, size: f.size, firma: f.firma ?? null })),
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
