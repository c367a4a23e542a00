import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessioneDeskView } from '../../../electron/shared/contract/desk';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScreenTitle } from '../components/ScreenTitle';
import { unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useAction } from '../platform/use-load';
import { DESK_NS } from './i18n';

/** Operator login; the password lives only in this form's state until it is sent. */
export function DeskLogin({ onLogin }: { onLogin(sessione: SessioneDeskView): void }) {
  const { t } = useTranslation(DESK_NS);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const accesso = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sessione = await accesso.run(() => unwrap(sportello.desk.login({ username, password })));
    setPassword('');
    if (sessione) onLogin(sessione);
  };

  return (
    <div className="container py-5" style={{ maxWidth: 480 }}>
      <ScreenTitle>{t('login.titolo')}</ScreenTitle>
      <ErrorAlert message={accesso.error} />
      <form onSubmit={(e) => void submit(e)}>
        <div className="mb-3">
          <label htmlFor="desk-username" className="form-label active">{t('login.username')}</label>
          <input id="desk-username" className="form-control" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required data-testid="desk-username" />
        </div>
        <div className="mb-4">
          <label htmlFor="desk-password" className="form-label active">{t('login.password')}</label>
          <input id="desk-password" className="form-control" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="desk-password" />
        </div>
        <button type="submit" className="btn btn-primary" disabled={accesso.busy} data-testid="desk-accedi">
          {t('login.accedi')}
        </button>
      </form>
    </div>
  );
}
