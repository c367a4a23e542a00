import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../electron/shared/contract/pratiche';
import type { Go } from '../navigation/navigation';
import { quando } from './AppuntamentiPratica';

/**
 * The slot chosen in the booking form before the portal booked it: "da confermare" while the
 * pratica is on its way (or the portal has not been read since), or taken meanwhile, with what
 * to do: the portal made no appointment, so another one is booked with the service again.
 */
export function PrenotazioneChiesta({ prenotazione, serviceSlug, go }: { prenotazione: NonNullable<PraticaView['prenotazione']>; serviceSlug: string; go: Go }) {
  const { t } = useTranslation();
  const presa = prenotazione.stato === 'non-disponibile';
  return (
    <section className="mb-4" aria-labelledby="titolo-prenotazione" data-testid="prenotazione-chiesta" data-stato={prenotazione.stato}>
      <h2 className="h4" id="titolo-prenotazione">{t('appuntamenti.titolo')}</h2>
      <div className={`alert ${presa ? 'alert-danger' : 'alert-warning'}`} role="status">
        <p className="fw-semibold mb-1" data-testid="quando-prenotazione">{quando(prenotazione)}</p>
        <p className={presa ? 'mb-1' : 'mb-0'} data-testid="stato-prenotazione">{t(`appuntamenti.prenotazione.${prenotazione.stato}`)}</p>
        {presa && (
          <>
            <p>{t('appuntamenti.prenotazione.cosa-fare')}</p>
            <button type="button" className="btn btn-primary" onClick={() => go({ name: 'scheda', service: serviceSlug })} data-testid="prenota-altro-orario">
              {t('appuntamenti.prenotazione.prenota-altro')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
