import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessioneDeskView } from '../../../electron/shared/contract/desk';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScreenTitle } from '../components/ScreenTitle';
import { messageOf, unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { DESK_NS } from './i18n';

/** Operator login; the password lives only in this form's state until it is sent. */
export function DeskLogin({ onLogin }: { onLogin(sessione: SessioneDeskView): void }) {
  const { t } = useTranslation(DESK_NS);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    unwrap(sportello.desk.login({ username, password }))
      .then(onLogin, (err: unknown) => setError(messageOf(err)))
      .finally(() => {
        setPassword('');
        setBusy(false);
      });
  };

  return (
    <div className="container py-5" style={{ maxWidth: 480 }}>
      <ScreenTitle>{t('login.titolo')}</ScreenTitle>
      <ErrorAlert message={error} />
      <form onSubmit={submit}>
        <div className="mb-3">
          <label htmlFor="desk-username" className="form-label active">{t('login.username')}</label>
          <input id="desk-username" className="form-control" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required data-testid="desk-username" />
        </div>
        <div className="mb-4">
          <label htmlFor="desk-password" className="form-label active">{t('login.password')}</label>
          <input id="desk-password" className="form-control" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="desk-password" />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="desk-accedi">
          {t('login.accedi')}
        </button>
      </form>
    </div>
  );
}
