import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSession } from '../../../electron/shared/contract/card';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction, useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { ErrorAlert } from '../components/ErrorAlert';
import { PinField } from '../components/PinField';
import { Busy } from '../components/Busy';
import { UnblockPinForm } from './UnblockPinForm';

/** The card has been read: the citizen proves it is theirs with the PIN. */
export function PinEntry({ session, onActivate }: { session: CardSession; onActivate?: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const status = useLoad(() => unwrap(sportello.card.pinStatus({})), []);
  const action = useAction();
  const titolare = session.titolare;

  const confirm = async () => {
    if (action.busy) return;
    if (!/^\d{5,8}$/.test(pin)) {
      action.setError(t('pin.formato'));
      return;
    }
    const entered = pin;
    setPin('');
    await action.run(() => unwrap(sportello.card.verifyPin({ pin: entered })));
    status.reload();
  };

  const tries = status.data?.triesLeft;
  return (
    <section className="container py-4 pin-screen" aria-labelledby="titolo-schermata">
      <ScreenTitle>{t('pin.titolo')}</ScreenTitle>
      {titolare && <p className="fs-4">{t('pin.benvenuto', { nome: `${titolare.nome} ${titolare.cognome}` })}</p>}
      {status.data?.blocked ? (
        <>
          <ErrorAlert message={t('pin.bloccato')} />
          <UnblockPinForm onDone={status.reload} />
        </>
      ) : (
        <>
          {tries !== null && tries !== undefined && (
            <p className="fs-5" data-testid="tentativi-rimasti">{t('pin.tentativi', { count: tries })}</p>
          )}
          <ErrorAlert message={action.error ?? status.error} />
          <PinField label={t('pin.etichetta')} value={pin} onChange={setPin} maxLength={8} onConfirm={() => void confirm()} disabled={action.busy} testId="pin" />
          <button type="button" className="btn btn-primary btn-lg" disabled={action.busy} onClick={() => void confirm()} data-testid="conferma-pin">
            {t('pin.conferma')}
          </button>
          {action.busy && <Busy label={t('pin.verifica')} />}
          {onActivate && (
            <p className="mt-4">
              <button type="button" className="btn btn-link fs-5 px-0" onClick={onActivate} data-testid="attiva-carta-link">{t('pin.attiva')}</button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
