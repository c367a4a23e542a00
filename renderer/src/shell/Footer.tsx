import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { Stemma } from './Stemma';

type Nota = 'privacy' | 'accessibilita' | 'note-legali';
const NOTE: readonly Nota[] = ['privacy', 'accessibilita', 'note-legali'];

/** The note a footer link opens in the app: a kiosk cannot leave for the comune's website. */
function NotaDialog({ nota, comune, portale, onClose }: { nota: Nota; comune: string; portale: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="idle-backdrop">
      <div className="idle-dialog bg-white p-5 rounded shadow text-dark" role="dialog" aria-modal="true" aria-labelledby="nota-titolo" data-testid={`nota-${nota}`}>
        <h2 id="nota-titolo" className="h3 mb-3">{t(`piede.${nota}`)}</h2>
        <p className="fs-5">{t(`piede.testo-${nota}`, { comune, portale: portale ? t('piede.portale', { url: portale }) : '' })}</p>
        <button ref={close} type="button" className="btn btn-primary btn-lg" onClick={onClose}>{t('piede.chiudi')}</button>
      </div>
    </div>
  );
}

/**
 * The footer of the "Modello Comuni": the comune, its contacts from the catalogue (address,
 * offices and hours), and the privacy notice, accessibility statement and legal notes.
 */
export function Footer({ tenant, comune, portale }: { tenant: string; comune: string; portale: string | null }) {
  const { t } = useTranslation();
  const dati = useLoad(() => unwrap(sportello.catalogue.tenant({ tenant })), [tenant]);
  const [nota, setNota] = useState<Nota | null>(null);
  const uffici = dati.data?.offices ?? [];
  return (
    <footer className="it-footer bg-dark text-white px-4 py-4" data-testid="piede">
      <div className="d-flex align-items-center gap-3 mb-3">
        <Stemma label={t('intestazione.stemma', { comune })} />
        <h2 className="h4 mb-0 text-white">{comune}</h2>
      </div>
      <div className="row g-3">
        <div className="col-md-6">
          <h3 className="h5 text-white">{t('piede.contatti')}</h3>
          <p className="mb-1">{comune}</p>
          {dati.data?.address && <p className="mb-1" data-testid="piede-indirizzo">{dati.data.address}</p>}
          {uffici.length > 0 && (
            <ul className="list-unstyled mt-2 mb-0" aria-label={t('piede.uffici')}>
              {uffici.map((u) => (
                <li key={u.name}>
                  <span className="fw-semibold">{u.name}</span>
                  {[u.address, u.hours].filter(Boolean).map((x) => ` · ${x}`)}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="col-md-6">
          <ul className="list-unstyled footer-list mb-0">
            {NOTE.map((n) => (
              <li key={n}>
                <a href="#contenuto" className="text-white" data-testid={`piede-${n}`} onClick={(e) => (e.preventDefault(), setNota(n))}>{t(`piede.${n}`)}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {nota && <NotaDialog nota={nota} comune={comune} portale={portale} onClose={() => setNota(null)} />}
    </footer>
  );
}
