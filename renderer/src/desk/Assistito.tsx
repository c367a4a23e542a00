import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useAction, useLoad } from '../platform/use-load';
import { CampoTesto } from './Campo';
import { DESK_NS } from './i18n';
import { PraticheAssistite } from './PraticheAssistite';

/** The citizen the operator compiles pratiche for: the card holder, or a codice fiscale typed and checked. */
export function Assistito() {
  const { t } = useTranslation(DESK_NS);
  const assistito = useLoad(() => unwrap(sportello.desk.assistito({})), []);
  const azione = useAction();
  const [codiceFiscale, setCodiceFiscale] = useState('');
  const [nome, setNome] = useState('');
  const [cognome, setCognome] = useState('');

  const imposta = async (e: FormEvent) => {
    e.preventDefault();
    const impostato = await azione.run(() => unwrap(sportello.desk['assistito.imposta']({ codiceFiscale, nome, cognome })));
    if (impostato) assistito.replace(impostato);
  };
  const annulla = async () => {
    if (await azione.run(() => unwrap(sportello.desk['assistito.annulla']({})))) assistito.replace(null);
  };

  const attuale = assistito.data;
  return (
    <section aria-labelledby="assistito-titolo">
      <h2 id="assistito-titolo" className="h4">{t('assistito.titolo')}</h2>
      <p>{t('assistito.istruzione')}</p>
      <p data-testid="desk-assistito">
        {attuale
          ? t('assistito.attuale', { nome: attuale.nome, cognome: attuale.cognome, cf: attuale.codiceFiscale, origine: t(`assistito.origini.${attuale.origine}`) })
          : t('assistito.nessuno')}
      </p>
      <ErrorAlert message={azione.error ?? assistito.error} />
      <form onSubmit={(e) => void imposta(e)} className="row g-3 align-items-end">
        <CampoTesto id="ass-cf" label={t('assistito.codiceFiscale')} colonna="col-md-4" classe="text-uppercase" maxLength={16} required data-testid="desk-assistito-cf" value={codiceFiscale} onChange={setCodiceFiscale} />
        <CampoTesto id="ass-nome" label={t('assistito.nome')} colonna="col-md-3" required value={nome} onChange={setNome} />
        <CampoTesto id="ass-cognome" label={t('assistito.cognome')} colonna="col-md-3" required value={cognome} onChange={setCognome} />
        <div className="col-md-2">
          <button type="submit" className="btn btn-primary">{t('assistito.imposta')}</button>
        </div>
      </form>
      {attuale && <button type="button" className="btn btn-outline-secondary mt-3" onClick={() => void annulla()} data-testid="desk-assistito-annulla">{t('assistito.annulla')}</button>}
      {attuale && <PraticheAssistite key={attuale.codiceFiscale} nome={`${attuale.nome} ${attuale.cognome}`} onFine={() => void annulla()} />}
    </section>
  );
}
