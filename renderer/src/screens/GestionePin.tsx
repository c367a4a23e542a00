import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction, useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { ErrorAlert } from '../components/ErrorAlert';
import { PinField } from '../components/PinField';
import { UnblockPinForm } from './UnblockPinForm';

/** Change the card's PIN, or unblock it with the PUK. */
export function GestionePin() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'cambia' | 'sblocca'>('cambia');
  const status = useLoad(() => unwrap(sportello.card.pinStatus({})), []);
  return (
    <section className="pin-screen">
      <ScreenTitle testId="titolo-gestione-pin">{t('gestione-pin.titolo')}</ScreenTitle>
      {status.data && status.data.triesLeft !== null && <p data-testid="tentativi-rimasti">{t('pin.tentativi', { count: status.data.triesLeft })}</p>}
      <ErrorAlert message={status.error} />
      <div className="d-flex gap-2 mb-4" role="group" aria-label={t('gestione-pin.scegli')}>
        <button type="button" className={`btn ${mode === 'cambia' ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={mode === 'cambia'} onClick={() => setMode('cambia')}>{t('gestione-pin.cambia')}</button>
        <button type="button" className={`btn ${mode === 'sblocca' ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={mode === 'sblocca'} onClick={() => setMode('sblocca')} data-testid="vai-sblocca">{t('gestione-pin.sblocca')}</button>
      </div>
      {mode === 'cambia' ? <ChangePinForm onDone={status.reload} /> : <UnblockPinForm onDone={status.reload} />}
    </section>
  );
}

function ChangePinForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [values, setValues] = useState(['', '', '']);
  const [changed, setChanged] = useState(false);
  const action = useAction();
  const labels = [t('gestione-pin.attuale'), t('gestione-pin.nuovo'), t('gestione-pin.ripeti')];

  const confirm = async () => {
    if (!/^\d{5,8}$/.test(values[step] ?? '')) return action.setError(t('pin.formato'));
    action.setError(null);
    if (step < 2) return setStep((step + 1) as 1 | 2);
    const [pin = '', newPin = '', repeat = ''] = values;
    setValues(['', '', '']);
    setStep(0);
    if (newPin !== repeat) return action.setError(t('gestione-pin.diversi'));
    const done = await action.run(() => unwrap(sportello.card.changePin({ pin, newPin })));
    setChanged(done !== null);
    onDone();
  };
  return (
    <div>
      {changed && <p className="alert alert-success" role="status" data-testid="pin-cambiato">{t('gestione-pin.cambiato')}</p>}
      <ErrorAlert message={action.error} />
      <PinField key={step} label={labels[step] ?? ''} value={values[step] ?? ''} onChange={(v) => setValues(values.map((x, i) => (i === step ? v : x)))} maxLength={8} onConfirm={() => void confirm()} disabled={action.busy} testId={`pin-${step}`} />
      <button type="button" className="btn btn-primary btn-lg" disabled={action.busy} onClick={() => void confirm()}>{step < 2 ? t('gestione-pin.continua') : t('gestione-pin.conferma')}</button>
    </div>
  );
}
