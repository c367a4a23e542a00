import { useId } from 'react';
import { useApp } from '../platform/app-context';
import { PinPad } from '../kiosk/PinPad';

/**
 * A PIN or PUK: a password field that a physical keyboard can fill, plus the numeric
 * pad on a kiosk. The value lives only in the caller's state and is never stored.
 */
export function PinField({ label, value, onChange, maxLength, onConfirm, disabled, testId }: {
  label: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  onConfirm(): void;
  disabled?: boolean;
  testId: string;
}) {
  const { kiosk } = useApp();
  const id = useId();
  return (
    <div className="mb-4 pin-field">
      <label htmlFor={id} className="form-label fw-semibold active">{label}</label>
      <input
        id={id}
        className="form-control form-control-lg pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={maxLength}
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, maxLength))}
        onKeyDown={(e) => e.key === 'Enter' && onConfirm()}
      />
      {kiosk && <PinPad value={value} onChange={onChange} maxLength={maxLength} onConfirm={onConfirm} disabled={disabled} />}
    </div>
  );
}
