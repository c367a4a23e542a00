import { useTranslation } from 'react-i18next';
import '../styles/tastiera.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A numeric pad for PIN and PUK on a touch screen; it edits the same value as the field above it. */
export function PinPad({ value, onChange, maxLength, onConfirm, disabled }: {
  value: string;
  onChange(value: string): void;
  maxLength: number;
  onConfirm(): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const add = (d: string) => value.length < maxLength && onChange(value + d);
  const digit = (d: string) => (
    <button key={d} type="button" className="btn btn-outline-primary pin-key" disabled={disabled} onClick={() => add(d)}>
      {d}
    </button>
  );
  return (
    // aria-busy while the card checks the PIN: said to screen readers, and what tests wait on.
    <div className="pin-pad" role="group" aria-label={t('pin.tastierino')} aria-busy={disabled ? true : undefined} data-testid="tastierino-pin">
      {DIGITS.map(digit)}
      <button type="button" className="btn btn-outline-secondary pin-key" disabled={disabled} onClick={() => onChange(value.slice(0, -1))} aria-label={t('pin.cancella')}>
        ⌫
      </button>
      {digit('0')}
      <button type="button" className="btn btn-primary pin-key" disabled={disabled} onClick={onConfirm}>
        {t('pin.ok')}
      </button>
    </div>
  );
}
