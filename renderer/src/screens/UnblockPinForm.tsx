import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction } from '../platform/use-load';
import { ErrorAlert } from '../components/ErrorAlert';
import { PinField } from '../components/PinField';

/** Unblock the PIN with the PUK (8 digits, from the card's envelope) and choose a new PIN. */
export function UnblockPinForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [values, setValues] = useState(['', '', '']);
  const [unblocked, setUnblocked] = useState(false);
  const action = useAction();
  const labels = [t('gestione-pin.puk'), t('gestione-pin.nuovo'), t('gestione-pin.ripeti')];

  const confirm = async () => {
    const pattern = step === 0 ? /^\d{8}$/ : /^\d{5,8}$/;
    if (!pattern.test(values[step] ?? '')) return action.setError(step === 0 ? t('gestione-pin.puk-formato') : t('pin.formato'));
    action.setError(null);
    if (step < 2) return setStep((step + 1) as 1 | 2);
    const [puk = '', newPin = '', repeat = ''] = values;
    setValues(['', '', '']);
    setStep(0);
    if (newPin !== repeat) return action.setError(t('gestione-pin.diversi'));
    const done = await action.run(() => unwrap(sportello.card.unblockPin({ puk, newPin })));
    setUnblocked(done !== null);
    onDone();
  };
  return (
    <div data-testid="sblocco-pin">
      {unblocked && <p className="alert alert-success" role="status">{t('gestione-pin.sbloccato')}</p>}
      <ErrorAlert message={action.error} />
      <PinField key={step} label={labels[step] ?? ''} value={values[step] ?? ''} onChange={(v) => setValues(values.map((x, i) => (i === step ? v : x)))} maxLength={8} onConfirm={() => void confirm()} disabled={action.busy} testId={`puk-${step}`} />
      <button type="button" className="btn btn-primary btn-lg" disabled={action.busy} onClick={() => void confirm()}>{step < 2 ? t('gestione-pin.continua') : t('gestione-pin.conferma')}</button>
    </div>
  );
}
