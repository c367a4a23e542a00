import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useAction, useLoad } from '../platform/use-load';
import { Campo, CampoTesto } from './Campo';
import { DESK_NS } from './i18n';

/** Administrators only: the operators, a new account, unlocking a locked one. */
export function Operatori() {
  const { t } = useTranslation(DESK_NS);
  const elenco = useLoad(() => unwrap(sportello.desk['operatori.elenco']({})), []);
  const azione = useAction();
  const [username, setUsername] = useState('');
  const [nome, setNome] = useState('');
  const [ruolo, setRuolo] = useState<'operatore' | 'amministratore'>('operatore');
  const [password, setPassword] = useState('');
  const [info, setInfo] = useState<string | null>(null);

  const crea = async (e: FormEvent) => {
    e.preventDefault();
    const creato = await azione.run(() => unwrap(sportello.desk['operatori.crea']({ username, nome, ruolo, password })));
    setPassword('');
    if (!creato) return;
    setInfo(t('operatori.creato', { username: creato.username }));
    setUsername('');
    setNome('');
    elenco.reload();
  };
  const sblocca = async (name: string) => {
    if (await azione.run(() => unwrap(sportello.desk['operatori.sblocca']({ username: name })))) elenco.reload();
  };

  return (
    <section aria-labelledby="operatori-titolo">
      <h2 id="operatori-titolo" className="h4">{t('operatori.titolo')}</h2>
      <ErrorAlert message={azione.error ?? elenco.error} />
      {info && <p role="status">{info}</p>}
      <ul className="list-group mb-4">
        {(elenco.data ?? []).map((o) => (
          <li key={o.username} className="list-group-item d-flex justify-content-between align-items-center">
            <span>{o.nome} ({o.username}) - {t(`operatori.ruoli.${o.ruolo}`)} - {o.bloccato ? t('operatori.bloccato') : t('operatori.attivo')}</span>
            {o.bloccato && <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => void sblocca(o.username)}>{t('operatori.sblocca')}</button>}
          </li>
        ))}
      </ul>
      <h3 className="h5">{t('operatori.nuovo')}</h3>
      <form onSubmit={(e) => void crea(e)} className="row g-3">
        <CampoTesto id="op-username" label={t('login.username')} colonna="col-md-3" required value={username} onChange={setUsername} />
        <CampoTesto id="op-nome" label={t('operatori.nome')} colonna="col-md-3" required value={nome} onChange={setNome} />
        <Campo id="op-ruolo" label={t('operatori.ruolo')} colonna="col-md-2">
          <select id="op-ruolo" className="form-select" value={ruolo} onChange={(e) => setRuolo(e.target.value as 'operatore' | 'amministratore')}>
            <option value="operatore">{t('operatori.ruoli.operatore')}</option>
            <option value="amministratore">{t('operatori.ruoli.amministratore')}</option>
          </select>
        </Campo>
        <CampoTesto id="op-password" label={t('login.password')} colonna="col-md-2" type="password" autoComplete="new-password" required value={password} onChange={setPassword} />
        <div className="col-md-2 d-flex align-items-end">
          <button type="submit" className="btn btn-primary">{t('operatori.crea')}</button>
        </div>
      </form>
    </section>
  );
}
