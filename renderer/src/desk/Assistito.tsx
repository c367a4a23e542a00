import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { messageOf, unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { DESK_NS } from './i18n';

type AssistitoView = { codiceFiscale: string; nome: string; cognome: string; origine: 'carta' | 'digitato' };

/** The citizen the operator compiles pratiche for: the card holder, or a codice fiscale typed and checked. */
export function Assistito() {
  const { t } = useTranslation(DESK_NS);
  const [attuale, setAttuale] = useState<AssistitoView | null>(null);
  const [codiceFiscale, setCodiceFiscale] = useState('');
  const [nome, setNome] = useState('');
  const [cognome, setCognome] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    unwrap(sportello.desk.assistito({})).then(setAttuale, (e: unknown) => setError(messageOf(e)));
  }, []);

  const imposta = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    unwrap(sportello.desk['assistito.imposta']({ codiceFiscale, nome, cognome })).then(setAttuale, (err: unknown) => setError(messageOf(err)));
  };
  const annulla = () => {
    unwrap(sportello.desk['assistito.annulla']({})).then(() => setAttuale(null), (err: unknown) => setError(messageOf(err)));
  };

  return (
    <section aria-labelledby="assistito-titolo">
      <h2 id="assistito-titolo" className="h4">{t('assistito.titolo')}</h2>
      <p>{t('assistito.istruzione')}</p>
      <p data-testid="desk-assistito">
        {attuale
          ? t('assistito.attuale', { nome: attuale.nome, cognome: attuale.cognome, cf: attuale.codiceFiscale, origine: t(`assistito.origini.${attuale.origine}`) })
          : t('assistito.nessuno')}
      </p>
      <ErrorAlert message={error} />
      <form onSubmit={imposta} className="row g-3 align-items-end">
        <div className="col-md-4">
          <label htmlFor="ass-cf" className="form-label active">{t('assistito.codiceFiscale')}</label>
          <input id="ass-cf" className="form-control text-uppercase" maxLength={16} value={codiceFiscale} onChange={(e) => setCodiceFiscale(e.target.value)} required data-testid="desk-assistito-cf" />
        </div>
        <div className="col-md-3">
          <label htmlFor="ass-nome" className="form-label active">{t('assistito.nome')}</label>
          <input id="ass-nome" className="form-control" value={nome} onChange={(e) => setNome(e.target.value)} required />
        </div>
        <div className="col-md-3">
          <label htmlFor="ass-cognome" className="form-label active">{t('assistito.cognome')}</label>
          <input id="ass-cognome" className="form-control" value={cognome} onChange={(e) => setCognome(e.target.value)} required />
        </div>
        <div className="col-md-2">
          <button type="submit" className="btn btn-primary">{t('assistito.imposta')}</button>
        </div>
      </form>
      {attuale && <button type="button" className="btn btn-outline-secondary mt-3" onClick={annulla}>{t('assistito.annulla')}</button>}
    </section>
  );
}
