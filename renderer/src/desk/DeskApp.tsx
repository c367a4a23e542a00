/**
 * Desk mode's entry point: the app shell mounts it when `app.info.mode === 'desk'`.
 * Login first; then the release of PIN and PUK, the assisted citizen, the daily report
 * and, for administrators, the operators.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useAction, useLoad } from '../platform/use-load';
import { Assistito } from './Assistito';
import { DeskLogin } from './DeskLogin';
import { DESK_NS } from './i18n';
import { Operatori } from './Operatori';
import { ReportGiornaliero } from './ReportGiornaliero';
import { RilascioPin } from './RilascioPin';

type Scheda = 'rilascio' | 'assistito' | 'report' | 'operatori';

export function DeskApp() {
  const { t } = useTranslation(DESK_NS);
  const { data: sessione, busy: inLettura, replace: impostaSessione } = useLoad(() => unwrap(sportello.desk.sessione({})), []);
  const uscita = useAction();
  const [scheda, setScheda] = useState<Scheda>('rilascio');

  // A session that timed out in core sends the desk back to the login, not to a screen of errors;
  // a check that fails changes nothing, so a moment without an answer from core does not log anyone out.
  const loggedIn = Boolean(sessione);
  useEffect(() => {
    if (!loggedIn) return;
    const timer = setInterval(() => {
      unwrap(sportello.desk.sessione({})).then((s) => s === null && impostaSessione(null), () => undefined);
    }, 30_000);
    return () => clearInterval(timer);
  }, [loggedIn, impostaSessione]);

  if (inLettura) return <Busy />;
  // A session that could not be read at start counts as none: the operator logs in.
  if (!sessione) return <DeskLogin onLogin={impostaSessione} />;

  const logout = async () => {
    if (await uscita.run(() => unwrap(sportello.desk.logout({})))) impostaSessione(null);
  };
  const schede: Scheda[] = sessione.operatore.ruolo === 'amministratore' ? ['rilascio', 'assistito', 'report', 'operatori'] : ['rilascio', 'assistito', 'report'];
  const ora = new Date(sessione.scadeAlle).toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit' });

  return (
    <div className="container py-4" data-testid="desk">
      <div className="d-flex flex-wrap justify-content-between align-items-center mb-3">
        <div>
          <p className="mb-0 fw-semibold" data-testid="desk-operatore">
            {t('operatore', { nome: sessione.operatore.nome, ruolo: sessione.operatore.ruolo })}
          </p>
          <p className="small text-muted mb-0">{t('scade', { ora })}</p>
        </div>
        <button type="button" className="btn btn-outline-primary" onClick={() => void logout()} data-testid="desk-esci">
          {t('esci')}
        </button>
      </div>
      <ErrorAlert message={uscita.error} />
      <ul className="nav nav-tabs mb-4" role="tablist">
        {schede.map((s) => (
          <li className="nav-item" key={s} role="presentation">
            <button type="button" role="tab" aria-selected={scheda === s} className={`nav-link ${scheda === s ? 'active' : ''}`} onClick={() => setScheda(s)} data-testid={`scheda-${s}`}>
              {t(`schede.${s}`)}
            </button>
          </li>
        ))}
      </ul>
      {scheda === 'rilascio' && <RilascioPin />}
      {scheda === 'assistito' && <Assistito />}
      {scheda === 'report' && <ReportGiornaliero />}
      {scheda === 'operatori' && <Operatori />}
    </div>
  );
}
