import { useTranslation } from 'react-i18next';
import type { VerdettoFirma } from '../../../electron/shared/contract/pratiche';

/** What the signature of an outcome file says, for a person: who signed, when, and the verdict. */
export function Verdetto({ firma }: { firma: VerdettoFirma }) {
  const { t } = useTranslation();
  if (firma.errore) return <p className="text-danger mb-1" data-testid="verdetto-esito">{t('dettaglio.firma-illeggibile', { errore: firma.errore })}</p>;
  return (
    <>
      {firma.firmatari.map((f, i) => (
        <p key={i} className={`mb-1 ${f.esito === 'valida' ? 'text-success' : 'text-danger'}`} data-testid="verdetto-esito">
          {t('dettaglio.firmato-da', { nome: f.nome })}: {f.messaggio}
        </p>
      ))}
    </>
  );
}
