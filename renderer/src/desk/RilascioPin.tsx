import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TIPI_DOCUMENTO, type EsitoRilascioView, type TipoDocumento } from '../../../electron/shared/contract/desk';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useAction } from '../platform/use-load';
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

  const field = (id: string, label: string, input: React.ReactNode) => (
    <div className="col-md-6 mb-3">
      <label htmlFor={id} className="form-label active">{label}</label>
      {input}
    </div>
  );

  return (
    <>
      <CartaAlBanco onCarta={onCarta} />
      <form onSubmit={(e) => void submit(e)} aria-disabled={!carta}>
        <fieldset disabled={!carta || rilascio.busy}>
          <legend className="h4">{t('documento.titolo')}</legend>
          <div className="row">
            {field('doc-tipo', t('documento.tipo'),
              <select id="doc-tipo" className="form-select" value={tipo} onChange={(e) => setTipo(e.target.value as TipoDocumento)} data-testid="desk-doc-tipo">
                {TIPI_DOCUMENTO.map((x) => <option key={x} value={x}>{t(`documento.tipi.${x}`)}</option>)}
              </select>)}
            {field('doc-numero', t('documento.numero'),
              <input id="doc-numero" className="form-control" value={numero} onChange={(e) => setNumero(e.target.value)} required data-testid="desk-doc-numero" />)}
            {field('doc-ente', t('documento.rilasciatoDa'),
              <input id="doc-ente" className="form-control" value={rilasciatoDa} onChange={(e) => setRilasciatoDa(e.target.value)} required data-testid="desk-doc-ente" />)}
            {field('doc-scadenza', t('documento.scadenza'),
              <CampoData id="doc-scadenza" value={scadenza} onChange={setScadenza} required placeholder={t('data.formato')} testId="desk-doc-scadenza" />)}
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
            {field('canale-destinazione', canale === 'email' ? t('canale.indirizzo') : t('canale.cellulare'),
              <input id="canale-destinazione" className="form-control" type={canale === 'email' ? 'email' : 'tel'} value={destinazione} onChange={(e) => setDestinazione(e.target.value)} required data-testid="desk-destinazione" />)}
          </div>
          <ErrorAlert message={rilascio.error} />
          {rilascio.busy ? <Busy /> : <button type="submit" className="btn btn-primary btn-lg" data-testid="desk-rilascia">{t('rilascia')}</button>}
        </fieldset>
      </form>
    </>
  );
}
