import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TIPI_DOCUMENTO, type EsitoRilascioView, type TipoDocumento } from '../../../electron/shared/contract/desk';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useAction } from '../platform/use-load';
import { Campo, CampoTesto } from './Campo';
import { CampoData } from './CampoData';
import { CartaAlBanco, type Carta } from './CartaAlBanco';
import { EsitoRilascio } from './EsitoRilascio';
import { DESK_NS } from './i18n';

/** The release: card, document checked, channel, then the issuer's answer shown once. */
export function RilascioPin() {
  const { t } = useTranslation(DESK_NS);
  const [carta, setCarta] = useState<Carta | null>(null);
  const [tipo, setTipo] = useState<TipoDocumento>('carta-identita');
  const [numero, setNumero] = useState('');
  const [rilasciatoDa, setRilasciatoDa] = useState('');
  const [scadenza, setScadenza] = useState('');
  const [canale, setCanale] = useState<'email' | 'sms'>('email');
  const [destinazione, setDestinazione] = useState('');
  const [esito, setEsito] = useState<EsitoRilascioView | null>(null);
  const rilascio = useAction();
  const onCarta = useCallback((c: Carta | null) => setCarta(c), []);

  if (esito) {
    return (
      <EsitoRilascio
        esito={esito}
        onChiudi={() => {
          setEsito(null);
          setNumero('');
          setRilasciatoDa('');
          setScadenza('');
          setDestinazione('');
        }}
      />
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const rilasciato = await rilascio.run(() => unwrap(sportello.desk.rilascia({ documento: { tipo, numero, rilasciatoDa, scadenza }, canale: { tipo: canale, destinazione } })));
    if (rilasciato) setEsito(rilasciato);
  };

  return (
    <>
      <CartaAlBanco onCarta={onCarta} />
      <form onSubmit={(e) => void submit(e)} aria-disabled={!carta}>
        <fieldset disabled={!carta || rilascio.busy}>
          <legend className="h4">{t('documento.titolo')}</legend>
          <div className="row">
            <Campo id="doc-tipo" label={t('documento.tipo')} colonna="col-md-6 mb-3">
              <select id="doc-tipo" className="form-select" value={tipo} onChange={(e) => setTipo(e.target.value as TipoDocumento)} data-testid="desk-doc-tipo">
                {TIPI_DOCUMENTO.map((x) => <option key={x} value={x}>{t(`documento.tipi.${x}`)}</option>)}
              </select>
            </Campo>
            <CampoTesto id="doc-numero" label={t('documento.numero')} colonna="col-md-6 mb-3" required data-testid="desk-doc-numero" value={numero} onChange={setNumero} />
            <CampoTesto id="doc-ente" label={t('documento.rilasciatoDa')} colonna="col-md-6 mb-3" required data-testid="desk-doc-ente" value={rilasciatoDa} onChange={setRilasciatoDa} />
            <Campo id="doc-scadenza" label={t('documento.scadenza')} colonna="col-md-6 mb-3">
              <CampoData id="doc-scadenza" value={scadenza} onChange={setScadenza} required placeholder={t('data.formato')} testId="desk-doc-scadenza" />
            </Campo>
          </div>
          <legend className="h4 mt-3">{t('canale.titolo')}</legend>
          <div className="mb-3" role="radiogroup">
            {(['email', 'sms'] as const).map((c) => (
              <div className="form-check form-check-inline" key={c}>
                <input id={`canale-${c}`} className="form-check-input" type="radio" name="canale" checked={canale === c} onChange={() => setCanale(c)} data-testid={`desk-canale-${c}`} />
                <label htmlFor={`canale-${c}`} className="form-check-label">{t(`canale.${c}`)}</label>
              </div>
            ))}
          </div>
          <div className="row">
            <CampoTesto id="canale-destinazione" label={canale === 'email' ? t('canale.indirizzo') : t('canale.cellulare')} colonna="col-md-6 mb-3" type={canale === 'email' ? 'email' : 'tel'} required data-testid="desk-destinazione" value={destinazione} onChange={setDestinazione} />
          </div>
          <ErrorAlert message={rilascio.error} />
          {rilascio.busy ? <Busy /> : <button type="submit" className="btn btn-primary btn-lg" data-testid="desk-rilascia">{t('rilascia')}</button>}
        </fieldset>
      </form>
    </>
  );
}
