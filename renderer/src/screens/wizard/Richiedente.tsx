import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../../electron/shared/contract/pratiche';
import { formatDate } from '../../components/dates';

/** Who is applying: from the card and the profile, read only here. */
export function Richiedente({ richiedente }: { richiedente: PraticaView['richiedente'] }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t('profilo.nome'), `${richiedente.nome} ${richiedente.cognome}`],
    [t('profilo.codice-fiscale'), richiedente.codiceFiscale],
    [t('profilo.nascita'), richiedente.dataNascita ? formatDate(richiedente.dataNascita) : null],
    [t('profilo.email'), richiedente.email],
    [t('profilo.telefono'), richiedente.phone],
    [t('profilo.indirizzo'), richiedente.address],
  ];
  return (
    <dl className="row" data-testid="richiedente">
      {rows.map(([label, value]) => (
        <div key={label} className="col-12 col-md-6 mb-2">
          <dt>{label}</dt>
          <dd>{value ?? t('profilo.non-indicato')}</dd>
        </div>
      ))}
    </dl>
  );
}
