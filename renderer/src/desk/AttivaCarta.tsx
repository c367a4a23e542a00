/**
 * "Attiva la tua carta" for the citizen at a kiosk or at home: the PIN is typed as its two
 * halves (2 digits from the slip, 3 from the message) and verified on the card; then a new
 * PIN is offered. With a blocked PIN, the PUK's halves (2 + 6) unblock it with a new PIN.
 * The digits stay in this component's state only until the call that uses them, and are
 * cleared after every attempt: nothing of a PIN is kept once the card has answered, so the
 * change asks for the current PIN again rather than remembering the verified one.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScreenTitle } from '../components/ScreenTitle';
import { CallError, unwrap } from '../platform/call';
import { sportello } from '../platform/sportello';
import { useAction } from '../platform/use-load';
import { DESK_NS } from './i18n';

type Fase = 'pin' | 'cambio' | 'puk' | 'fatto';

function Cifre({ id, label, length, value, onChange }: { id: string; label: string; length: number; value: string; onChange(v: string): void }) {
  return (
    <div className="col-auto mb-3">
      <label htmlFor={id} className="form-label active">{label}</label>
      <input id={id} className="form-control form-control-lg pin-input" type="password" inputMode="numeric" autoComplete="off" size={length + 2}
        maxLength={length} value={value} onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, length))} data-testid={id} />
    </div>
  );
}

export function AttivaCarta({ onDone }: { onDone?: () => void } = {}) {
  const { t } = useTranslation(DESK_NS);
  const [fase, setFase] = useState<Fase>('pin');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [nuovo, setNuovo] = useState('');
  const [ripeti, setRipeti] = useState('');
  const [attuale, setAttuale] = useState('');
  const [messaggio, setMessaggio] = useState<string | null>(null);
  const azione = useAction();

  const pulisci = () => {
    setA('');
    setB('');
    setNuovo('');
    setRipeti('');
    setAttuale('');
  };
  // The card's answer, whatever it is, clears the digits; a PIN it finds blocked leads to the PUK's form.
  const prova = async (chiamata: () => Promise<unknown>): Promise<boolean> => {
    const risposta = await azione.run(() =>
      chiamata().catch((e: unknown) => {
        if (e instanceof CallError && e.apiError.code === 'pin-bloccato') setFase('puk');
        throw e;
      }),
    );
    pulisci();
    return risposta !== null;
  };
  const avanza = (prossima: Fase, esito: string) => {
    setMessaggio(esito);
    setFase(prossima);
  };

  const verifica = async (e: FormEvent) => {
    e.preventDefault();
    if (await prova(() => unwrap(sportello.card.verifyPin({ pin: a + b })))) avanza('cambio', t('attiva.verificato'));
  };
  const cambia = async (e: FormEvent) => {
    e.preventDefault();
    if (nuovo !== ripeti) return azione.setError(t('attiva.diversi'));
    if (await prova(() => unwrap(sportello.card.changePin({ pin: attuale, newPin: nuovo })))) avanza('fatto', t('attiva.cambiato'));
  };
  const sblocca = async (e: FormEvent) => {
    e.preventDefault();
    if (nuovo !== ripeti) return azione.setError(t('attiva.diversi'));
    if (await prova(() => unwrap(sportello.card.unblockPin({ puk: a + b, newPin: nuovo })))) avanza('fatto', t('attiva.sbloccato'));
  };

  const nuovoPin = (
    <div className="row">
      <Cifre id="attiva-nuovo" label={t('attiva.nuovoPin')} length={8} value={nuovo} onChange={setNuovo} />
      <Cifre id="attiva-ripeti" label={t('attiva.ripetiPin')} length={8} value={ripeti} onChange={setRipeti} />
    </div>
  );

  return (
    <div className="container py-4" data-testid="attiva-carta">
      <ScreenTitle>{t('attiva.titolo')}</ScreenTitle>
      {messaggio && <p role="status" data-testid="attiva-messaggio">{messaggio}</p>}
      <ErrorAlert message={azione.error} />
      {fase === 'pin' && (
        <form onSubmit={(e) => void verifica(e)}>
          <p>{t('attiva.istruzione')}</p>
          <div className="row">
            <Cifre id="attiva-prime" label={t('attiva.primeDue')} length={2} value={a} onChange={setA} />
            <Cifre id="attiva-ultime" label={t('attiva.ultimeTre')} length={3} value={b} onChange={setB} />
          </div>
          <button type="submit" className="btn btn-primary btn-lg me-2" disabled={azione.busy || a.length !== 2 || b.length !== 3} data-testid="attiva-verifica">{t('attiva.verifica')}</button>
          <button type="button" className="btn btn-link" onClick={() => setFase('puk')}>{t('attiva.usaPuk')}</button>
        </form>
      )}
      {fase === 'cambio' && (
        <form onSubmit={(e) => void cambia(e)}>
          <p>{t('attiva.proponiCambio')}</p>
          <div className="row">
            <Cifre id="attiva-attuale" label={t('attiva.pinAttuale')} length={8} value={attuale} onChange={setAttuale} />
          </div>
          {nuovoPin}
          <button type="submit" className="btn btn-primary btn-lg" disabled={azione.busy || attuale.length < 5 || nuovo.length < 5} data-testid="attiva-cambia">{t('attiva.cambia')}</button>
        </form>
      )}
      {fase === 'puk' && (
        <form onSubmit={(e) => void sblocca(e)}>
          <p>{t('attiva.bloccato')}</p>
          <div className="row">
            <Cifre id="attiva-puk-prime" label={t('attiva.pukPrimeDue')} length={2} value={a} onChange={setA} />
            <Cifre id="attiva-puk-ultime" label={t('attiva.pukUltimeSei')} length={6} value={b} onChange={setB} />
          </div>
          {nuovoPin}
          <button type="submit" className="btn btn-primary btn-lg" disabled={azione.busy || a.length !== 2 || b.length !== 6 || nuovo.length < 5} data-testid="attiva-sblocca">{t('attiva.sblocca')}</button>
        </form>
      )}
      {onDone && (fase === 'cambio' || fase === 'fatto') && (
        <button type="button" className="btn btn-outline-primary btn-lg mt-3" onClick={onDone} data-testid="attiva-continua">{t('attiva.continua')}</button>
      )}
    </div>
  );
}
