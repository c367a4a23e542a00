import { useId } from 'react';

/** A large checkbox for touch, saved at once by the caller. */
export function Checkbox({ label, checked, onChange, disabled, testId }: { label: string; checked: boolean; onChange(v: boolean): void; disabled?: boolean; testId: string }) {
  const id = useId();
  return (
    <div className="form-check big-check my-3">
      <input id={id} className="form-check-input" type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <label className="form-check-label fs-5" htmlFor={id}>{label}</label>
    </div>
  );
}
