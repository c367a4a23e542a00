import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Go } from '../navigation/navigation';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction, useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { PinField } from '../components/PinField';

/**
 * Signing and sending: core signs the module with the card (the PIN is verified by the
 * card, one try), then the pratica is submitted (queued for the portal; the status bar
 * shows the outbox). Where core asks no signature (a desk operator sending for the citizen,
 * who identified them), the pratica is sent as it is, and the screen says so.
 */
export function Firma({ praticaId, go }: { praticaId: string; go: Go }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const load = useLoad(async () => {
    const [completeness, firma] = await Promise.all([unwrap(sportello.pratiche.completeness({ id: praticaId })), unwrap(sportello.pratiche.signatureStatus({ id: praticaId }))]);
    return { complete: completeness.complete, firmaRichiesta: firma.richiesta };
  }, [praticaId]);
  const action = useAction();

  const sign = async () => {
    if (action.busy) return;
    if (!/^\d{5,8}$/.test(pin)) return action.setError(t('pin.formato'));
    const entered = pin;
    setPin('');
    const sent = await action.run(async () => {
      await unwrap(sportello.pratiche.sign({ id: praticaId, pin: entered }));
      return unwrap(sportello.pratiche.submit({ id: praticaId }));
    });
    if (sent) go({ name: 'ricevuta', praticaId }, { replace: true });
  };
  const sendUnsigned = async () => {
    if (action.busy) return;
    const sent = await action.run(() => unwrap(sportello.pratiche.submit({ id: praticaId })));
    if (sent) go({ name: 'ricevuta', praticaId }, { replace: true });
  };

  if (load.error) return <ErrorAlert message={load.error} />;
  if (!load.data) return <Busy />;
  return (
    <section className="pin-screen">
      <ScreenTitle testId="titolo-firma">{t('firma.titolo')}</ScreenTitle>
      {!load.data.complete ? (
        <>
          <ErrorAlert message={t('firma.incompleta')} />
          <button type="button" className="btn btn-primary btn-lg" onClick={() => go({ name: 'stato', praticaId })}>{t('wizard.stato-compilazione')}</button>
        </>
      ) : !load.data.firmaRichiesta ? (
        <>
          <p className="fs-5" data-testid="invio-senza-firma">{t('firma.senza-firma')}</p>
          <ErrorAlert message={action.error} />
          <button type="button" className="btn btn-primary btn-lg" disabled={action.busy} onClick={() => void sendUnsigned()} data-testid="invia-per-conto">{t('firma.invia')}</button>
          {action.busy && <Busy label={t('firma.invio-in-corso')} />}
        </>
      ) : (
        <>
          <p className="fs-5">{t('firma.testo')}</p>
          <ErrorAlert message={action.error} />
          <PinField label={t('pin.etichetta')} value={pin} onChange={setPin} maxLength={8} onConfirm={() => void sign()} disabled={action.busy} testId="pin-firma" />
          <button type="button" className="btn btn-primary btn-lg" disabled={action.busy} onClick={() => void sign()} data-testid="firma-invia">{t('firma.conferma')}</button>
          {action.busy && <Busy label={t('firma.in-corso')} />}
        </>
      )}
    </section>
  );
}
