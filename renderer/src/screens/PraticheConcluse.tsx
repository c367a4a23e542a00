import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PraticaConclusa } from '../../../electron/shared/contract/pratiche-concluse';
import type { VerdettoFirma } from '../../../electron/shared/contract/pratiche';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction } from '../platform/use-load';
import { saveFile } from '../platform/download';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/dates';
import { Verdetto } from '../components/Verdetto';

/**
 * The citizen's concluded pratiche read on the portal (the kiosk keeps none of their data): what
 * the comune decided, why, the outcome file (its signature judged as it downloads) and the payment.
 */
export function PraticheConcluse({ pratiche }: { pratiche: PraticaConclusa[] }) {
  const { t } = useTranslation();
  const action = useAction();
  const [verdetti, setVerdetti] = useState<Record<string, VerdettoFirma | null>>({});
  if (pratiche.length === 0) return null;
  const download = async (remoteId: string, fileId: string) => {
    const file = await action.run(() => unwrap(sportello.pratiche['concluse.scaricaEsito']({ remoteId, fileId })));
    if (!file) return;
    setVerdetti((v) => ({ ...v, [fileId]: file.firma }));
    saveFile(file.contentBase64, file.nomeFile, file.mimeType);
  };
  return (
    <>
      <ul className="list-group mt-2" data-testid="pratiche-concluse">
        {pratiche.map((p) => (
          <li key={p.remoteId} className="list-group-item d-flex flex-wrap justify-content-between gap-2" data-testid="pratica-conclusa">
            <div>
              <span className="d-block fw-semibold">{p.servizio}</span>
              {p.data && <span className="d-block small">{t('pratiche.inviata-il', { data: formatDate(p.data, true) })}</span>}
              {p.protocollo && <span className="d-block small" data-testid="riga-protocollo">{t('pratiche.protocollo', { numero: p.protocollo })}</span>}
              {p.esito !== null && (
                <span className="d-block fw-semibold" data-testid="esito-concluso">{t(p.esito ? 'pratiche.concluse.accolta' : 'pratiche.concluse.respinta')}</span>
              )}
              {p.motivazione && <span className="d-block" data-testid="motivazione-conclusa">{p.motivazione}</span>}
              {p.pagamento && <span className="d-block small" data-testid="pagamento-concluso">{t(`pagamento.stato.${p.pagamento}`)}</span>}
              {p.fileEsito.map((f) => (
                <div key={f.id} className="mt-2" data-testid="file-esito-concluso">
                  <span className="d-block">{f.nome}</span>
                  {f.id in verdetti && (verdetti[f.id] ? <Verdetto firma={verdetti[f.id]!} /> : <p className="mb-1">{t('dettaglio.non-firmato')}</p>)}
                  <button type="button" className="btn btn-outline-primary mt-1" disabled={action.busy} onClick={() => void download(p.remoteId, f.id)} data-testid="scarica-esito-concluso">
                    {t('dettaglio.scarica.esito')}
                  </button>
                </div>
              ))}
            </div>
            <div className="d-flex align-items-center gap-2">
              <span className="badge bg-primary fs-6" data-testid="stato-pratica">{p.statusLabel}</span>
            </div>
          </li>
        ))}
      </ul>
      <ErrorAlert message={action.error} />
    </>
  );
}
