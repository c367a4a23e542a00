import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { cartaAlBancoSchema } from '../../../electron/shared/contract/desk';
import { formatDay } from '../components/dates';
import { ErrorAlert } from '../components/ErrorAlert';
import { unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useEvent } from '../platform/use-event';
import { useAction } from '../platform/use-load';
import { DESK_NS } from './i18n';

export type Carta = z.output<typeof cartaAlBancoSchema>;

/** The card in the desk reader: holder, number, expiry and PIN state, re-read whenever the card changes. */
export function CartaAlBanco({ onCarta }: { onCarta(carta: Carta | null): void }) {
  const { t } = useTranslation(DESK_NS);
  const session = useEvent('card.session');
  const [carta, setCarta] = useState<Carta | null>(null);
  const { run, error } = useAction();

  // A card that could not be read is shown as none, beside the reason.
  const leggi = useCallback(async () => {
    const letta = await run(() => unwrap(sportello.desk.carta({})));
    setCarta(letta);
    onCarta(letta);
  }, [run, onCarta]);

  useEffect(() => {
    if (session?.state === 'identificata' || session?.state === 'autenticata') void leggi();
    if (session?.state === 'nessuna-carta') {
      setCarta(null);
      onCarta(null);
    }
  }, [session?.state, session?.carta?.seriale, leggi, onCarta]);

  const pin = carta?.pin;
  return (
    <section className="mb-4" aria-labelledby="carta-titolo">
      <h2 id="carta-titolo" className="h4">{t('carta.titolo')}</h2>
      <ErrorAlert message={error} />
      {!carta && <p>{t('carta.inserisci')}</p>}
      {carta && pin && (
        <dl className="row" data-testid="desk-carta">
          <dt className="col-sm-4">{t('carta.titolare')}</dt>
          <dd className="col-sm-8">{carta.titolare.nome} {carta.titolare.cognome}</dd>
          <dt className="col-sm-4">{t('carta.codiceFiscale')}</dt>
          <dd className="col-sm-8" data-testid="desk-carta-cf">{carta.titolare.codiceFiscale}</dd>
          <dt className="col-sm-4">{t('carta.seriale')}</dt>
          <dd className="col-sm-8" data-testid="desk-carta-seriale">{carta.carta.seriale}</dd>
          <dt className="col-sm-4">{t('carta.scadenza')}</dt>
          <dd className="col-sm-8" data-testid="desk-carta-scadenza">{carta.carta.scadenza ? formatDay(carta.carta.scadenza) : t('carta.nonNoto')}</dd>
          <dt className="col-sm-4">{t('carta.statoPin')}</dt>
          <dd className="col-sm-8" data-testid="desk-carta-pin">
            {pin.blocked ? t('carta.pinBloccato') : pin.triesLeft === null ? t('carta.nonNoto') : t('carta.tentativi', { n: pin.triesLeft })}
            {pin.pukBlocked && <span className="d-block text-danger">{t('carta.pukBloccato')}</span>}
          </dd>
        </dl>
      )}
      <button type="button" className="btn btn-outline-primary" onClick={() => void leggi()} data-testid="desk-leggi-carta">
        {t('carta.leggi')}
      </button>
    </section>
  );
}
