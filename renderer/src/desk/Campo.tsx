import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';

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

/** The same with a text box, `classe` added to Bootstrap's form-control; the ref is the box's (to focus it from a link). */
export const CampoTesto = forwardRef<HTMLInputElement, Input & {
  id: string;
  label: string;
  colonna?: string;
  value: string;
  onChange(value: string): void;
  classe?: string;
}>(function CampoTesto({ id, label, colonna, value, onChange, classe, ...input }, ref) {
  return (
    <Campo id={id} label={label} colonna={colonna}>
      <input ref={ref} id={id} className={classe ? `form-control ${classe}` : 'form-control'} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </Campo>
  );
});
