import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TIPI_DOCUMENTO, type TipoDocumento } from '../../../electron/shared/contract/desk';
import { ErrorAlert } from '../components/ErrorAlert';
import { unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useEvent } from '../platform/use-event';
import { useAction, useLoad } from '../platform/use-load';
import { Campo, CampoTesto } from './Campo';
import { DESK_NS } from './i18n';
import { PraticheAssistite } from './PraticheAssistite';

/**
 * The citizen the operator compiles pratiche for: the card holder (who signs with the card), or a
 * codice fiscale typed and checked with the identity document the operator saw (module and receipt
 * state it). Re-read whenever a card comes or goes: the card in the reader decides who the citizen is.
 */
export function Assistito() {
  const { t } = useTranslation(DESK_NS);
  const session = useEvent('card.session');
  const assistito = useLoad(() => unwrap(sportello.desk.assistito({})), [session?.state, session?.carta?.seriale]);
  const azione = useAction();
  const [codiceFiscale, setCodiceFiscale] = useState('');
  const [nome, setNome] = useState('');
  const [cognome, setCognome] = useState('');
  const [tipo, setTipo] = useState<TipoDocumento>('carta-identita');
  const [numero, setNumero] = useState('');
  const campoCf = useRef<HTMLInputElement>(null);

  const imposta = async (e: FormEvent) => {
    e.preventDefault();
    const impostato = await azione.run(() => unwrap(sportello.desk['assistito.imposta']({ codiceFiscale, nome, cognome, documento: { tipo, numero } })));
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
      <div data-testid="desk-assistito">
        {attuale ? (
          <p>
            {t('assistito.attuale', { nome: attuale.nome, cognome: attuale.cognome, cf: attuale.codiceFiscale, origine: t(`assistito.origini.${attuale.origine}`) })}
            {attuale.documento && ` ${t('assistito.identificato', { documento: t(`documento.tipi.${attuale.documento.tipo}`), numero: attuale.documento.numero })}`}
          </p>
        ) : (
          <p>
            {t('assistito.nessuno')}{' '}
            <a href="#ass-cf" data-testid="desk-scegli-assistito" onClick={(e) => { e.preventDefault(); campoCf.current?.focus(); }}>
              {t('assistito.scegli')}
            </a>
          </p>
        )}
      </div>
      <ErrorAlert message={azione.error ?? assistito.error} />
      <form onSubmit={(e) => void imposta(e)} className="row g-3 align-items-end">
        <CampoTesto id="ass-cf" ref={campoCf} label={t('assistito.codiceFiscale')} colonna="col-md-4" classe="text-uppercase" maxLength={16} required data-testid="desk-assistito-cf" value={codiceFiscale} onChange={setCodiceFiscale} />
        <CampoTesto id="ass-nome" label={t('assistito.nome')} colonna="col-md-4" required value={nome} onChange={setNome} />
        <CampoTesto id="ass-cognome" label={t('assistito.cognome')} colonna="col-md-4" required value={cognome} onChange={setCognome} />
        <Campo id="ass-doc-tipo" label={t('assistito.documento')} colonna="col-md-4">
          <select id="ass-doc-tipo" className="form-select" value={tipo} onChange={(e) => setTipo(e.target.value as TipoDocumento)} data-testid="desk-assistito-doc-tipo">
            {TIPI_DOCUMENTO.map((x) => <option key={x} value={x}>{t(`documento.tipi.${x}`)}</option>)}
          </select>
        </Campo>
        <CampoTesto id="ass-doc-numero" label={t('assistito.numeroDocumento')} colonna="col-md-4" classe="text-uppercase" maxLength={20} required data-testid="desk-assistito-doc-numero" value={numero} onChange={setNumero} />
        <div className="col-md-4">
          <button type="submit" className="btn btn-primary">{t('assistito.imposta')}</button>
        </div>
      </form>
      {attuale && <button type="button" className="btn btn-outline-secondary mt-3" onClick={() => void annulla()} data-testid="desk-assistito-annulla">{t('assistito.annulla')}</button>}
      {attuale && <PraticheAssistite key={attuale.codiceFiscale} nome={`${attuale.nome} ${attuale.cognome}`} onFine={() => void annulla()} />}
    </section>
  );
}
