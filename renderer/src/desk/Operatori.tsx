import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { deskCalls } from '../../../electron/shared/contract/desk';
import { ErrorAlert } from '../components/ErrorAlert';
import { messageOf, unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { DESK_NS } from './i18n';

type Elenco = z.output<(typeof deskCalls)['desk.operatori.elenco']['output']>;

/** Administrators only: the operators, a new account, unlocking a locked one. */
export function Operatori() {
  const { t } = useTranslation(DESK_NS);
  const [elenco, setElenco] = useState<Elenco>([]);
  const [username, setUsername] = useState('');
  const [nome, setNome] = useState('');
  const [ruolo, setRuolo] = useState<'operatore' | 'amministratore'>('operatore');
  const [password, setPassword] = useState('');
  const [info, setInfo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const carica = useCallback(() => {
    unwrap(sportello.desk['operatori.elenco']({})).then(setElenco, (e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(carica, [carica]);

  const crea = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    unwrap(sportello.desk['operatori.crea']({ username, nome, ruolo, password }))
      .then((o) => {
        setInfo(t('operatori.creato', { username: o.username }));
        setUsername('');
        setNome('');
        carica();
      }, (err: unknown) => setError(messageOf(err)))
      .finally(() => setPassword(''));
  };
  const sblocca = (name: string) => {
    unwrap(sportello.desk['operatori.sblocca']({ username: name })).then(carica, (err: unknown) => setError(messageOf(err)));
  };

  return (
    <section aria-labelledby="operatori-titolo">
      <h2 id="operatori-titolo" className="h4">{t('operatori.titolo')}</h2>
      <ErrorAlert message={error} />
      {info && <p role="status">{info}</p>}
      <ul className="list-group mb-4">
        {elenco.map((o) => (
          <li key={o.username} className="list-group-item d-flex justify-content-between align-items-center">
            <span>{o.nome} ({o.username}) - {t(`operatori.ruoli.${o.ruolo}`)} - {o.bloccato ? t('operatori.bloccato') : t('operatori.attivo')}</span>
            {o.bloccato && <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => sblocca(o.username)}>{t('operatori.sblocca')}</button>}
          </li>
        ))}
      </ul>
      <h3 className="h5">{t('operatori.nuovo')}</h3>
      <form onSubmit={crea} className="row g-3">
        <div className="col-md-3">
          <label htmlFor="op-username" className="form-label active">{t('login.username')}</label>
          <input id="op-username" className="form-control" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </div>
        <div className="col-md-3">
          <label htmlFor="op-nome" className="form-label active">{t('operatori.nome')}</label>
          <input id="op-nome" className="form-control" value={nome} onChange={(e) => setNome(e.target.value)} required />
        </div>
        <div className="col-md-2">
          <label htmlFor="op-ruolo" className="form-label active">{t('operatori.ruolo')}</label>
          <select id="op-ruolo" className="form-select" value={ruolo} onChange={(e) => setRuolo(e.target.value as 'operatore' | 'amministratore')}>
            <option value="operatore">{t('operatori.ruoli.operatore')}</option>
            <option value="amministratore">{t('operatori.ruoli.amministratore')}</option>
          </select>
        </div>
        <div className="col-md-2">
          <label htmlFor="op-password" className="form-label active">{t('login.password')}</label>
          <input id="op-password" type="password" autoComplete="new-password" className="form-control" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </div>
        <div className="col-md-2 d-flex align-items-end">
          <button type="submit" className="btn btn-primary">{t('operatori.crea')}</button>
        </div>
      </form>
    </section>
  );
}
