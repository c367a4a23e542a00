import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled field of a desk form in its column of the grid. */
export function Campo({ id, label, colonna, children }: { id: string; label: string; colonna?: string; children: ReactNode }) {
  return (
    <div className={colonna}>
      <label htmlFor={id} className="form-label active">{label}</label>
      {children}
    </div>
  );
}

type Input = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'>;

/** The same with a text box, `classe` added to Bootstrap's form-control. */
export function CampoTesto({ id, label, colonna, value, onChange, classe, ...input }: Input & {
  id: string;
  label: string;
  colonna?: string;
  value: string;
  onChange(value: string): void;
  classe?: string;
}) {
  return (
    <Campo id={id} label={label} colonna={colonna}>
      <input id={id} className={classe ? `form-control ${classe}` : 'form-control'} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </Campo>
  );
}
