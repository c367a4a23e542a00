import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction } from '../platform/use-load';
import { ErrorAlert } from './ErrorAlert';
import type { Contatti } from '../../../electron/shared/contract/pratiche';


function Field({ label, type, value, onChange, testId }: { label: string; type: string; value: string; onChange(v: string): void; testId: string }) {
  const id = useId();
  return (
    <div className="form-group mb-4">
      <label htmlFor={id} className="active">{label}</label>
      <input id={id} type={type} className="form-control" value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** Email, phone and address: the only parts of the profile a citizen edits (the rest comes from the card). */
export function ProfileForm({ initial, submitLabel, onSaved }: { initial: Contatti; submitLabel: string; onSaved(): void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initial.email ?? '');
  const [phone, setPhone] = useState(initial.phone ?? '');
  const [address, setAddress] = useState(initial.address ?? '');
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(false);
    const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
    const done = await action.run(() => unwrap(sportello.pratiche.updateProfile({ email: orNull(email), phone: orNull(phone), address: orNull(address) })));
    if (done) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <Field label={t('profilo.email')} type="email" value={email} onChange={setEmail} testId="profilo-email" />
      <Field label={t('profilo.telefono')} type="tel" value={phone} onChange={setPhone} testId="profilo-telefono" />
      <Field label={t('profilo.indirizzo')} type="text" value={address} onChange={setAddress} testId="profilo-indirizzo" />
      <ErrorAlert message={action.error} />
      {saved && <p className="text-success fw-semibold" role="status">{t('profilo.salvato')}</p>}
      <button type="submit" className="btn btn-primary btn-lg" disabled={action.busy} data-testid="salva-profilo">{submitLabel}</button>
    </form>
  );
}
