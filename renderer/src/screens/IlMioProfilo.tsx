import { useTranslation } from 'react-i18next';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { ProfileForm } from '../components/ProfileForm';
import { formatDate } from '../components/dates';

/** The citizen's data: from the card (read only) and contatti (editable). */
export function IlMioProfilo() {
  const { t } = useTranslation();
  const load = useLoad(() => unwrap(sportello.pratiche.profile({})), []);
  if (load.error) return <ErrorAlert message={load.error} />;
  if (!load.data) return <Busy />;
  const p = load.data;
  return (
    <section>
      <ScreenTitle testId="titolo-profilo">{t('profilo.titolo')}</ScreenTitle>
      <dl className="row mb-4" data-testid="dati-carta">
        <div className="col-12 col-md-4"><dt>{t('profilo.nome')}</dt><dd>{p.nome} {p.cognome}</dd></div>
        <div className="col-12 col-md-4"><dt>{t('profilo.codice-fiscale')}</dt><dd>{p.codiceFiscale}</dd></div>
        <div className="col-12 col-md-4"><dt>{t('profilo.nascita')}</dt><dd>{p.dataNascita ? formatDate(p.dataNascita) : t('profilo.non-indicato')}</dd></div>
      </dl>
      {/* Bootstrap Italia lifts the first field's label above its input: mb-5 keeps it clear of this heading. */}
      <h2 className="h4 mb-5">{t('profilo.contatti')}</h2>
      <ProfileForm initial={p} submitLabel={t('profilo.salva')} onSaved={() => undefined} />
    </section>
  );
}
