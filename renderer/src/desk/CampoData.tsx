import { useState } from 'react';
import { dayToTyped, typedToDay } from '../components/dates';

/**
 * A day typed as an Italian writes it, "gg/mm/aaaa", whatever the browser's locale: the
 * browser's own date input follows the machine's and may show "mm/dd/yyyy". `onChange`
 * gets the ISO day once the text is a real day, "" until then.
 */
export function CampoData({ id, value, onChange, testId, required, placeholder }: {
  id: string;
  value: string;
  onChange(iso: string): void;
  testId: string;
  required?: boolean;
  placeholder: string;
}) {
  const [testo, setTesto] = useState(() => dayToTyped(value));
  // A value set from outside (cleared after a release) replaces what was typed.
  const [ultimo, setUltimo] = useState(value);
  if (value !== ultimo) {
    setUltimo(value);
    if ((typedToDay(testo) ?? '') !== value) setTesto(dayToTyped(value));
  }
  return (
    <input
      id={id}
      className="form-control"
      inputMode="numeric"
      autoComplete="off"
      placeholder={placeholder}
      pattern="\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}\s*"
      value={testo}
      onChange={(e) => {
        setTesto(e.target.value);
        const iso = typedToDay(e.target.value) ?? '';
        setUltimo(iso);
        onChange(iso);
      }}
      required={required}
      data-testid={testId}
    />
  );
}
