import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenantView } from '../../../electron/shared/contract/catalogue';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { Stemma } from './Stemma';

type Nota = 'privacy' | 'accessibilita' | 'note-legali';
const NOTE: readonly Nota[] = ['privacy', 'accessibilita', 'note-legali'];

/** What a footer link opens in the app: a kiosk cannot leave for the comune's website. */
function Finestra({ titolo, testId, onClose, children }: { titolo: string; testId: string; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="idle-backdrop">
      <div className="idle-dialog bg-white p-5 rounded shadow text-dark" role="dialog" aria-modal="true" aria-labelledby="nota-titolo" data-testid={testId}>
        <h2 id="nota-titolo" className="h3 mb-3">{titolo}</h2>
        {children}
        <button ref={close} type="button" className="btn btn-primary btn-lg" onClick={onClose}>{t('piede.chiudi')}</button>
      </div>
    </div>
  );
}

/** The comune's address and its offices with their hours, from the catalogue. */
function Recapiti({ comune, dati, testId }: { comune: string; dati: TenantView | null | undefined; testId: string }) {
  const { t } = useTranslation();
  const uffici = dati?.offices ?? [];
  return (
    <>
      <p className="mb-1">{comune}</p>
      {dati?.address && <p className="mb-1" data-testid={testId}>{dati.address}</p>}
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
    </>
  );
}

/**
 * The footer of the "Modello Comuni": the comune, its contacts from the catalogue (address,
 * offices and hours), and the privacy notice, accessibility statement and legal notes. On the
 * portrait totem it is compact (layout.css): the contacts move behind a "Contatti" link of the
 * same row as the notes, so the page keeps its height and every part is one touch away.
 */
export function Footer({ tenant, comune, portale, stemma }: { tenant: string; comune: string; portale: string | null; stemma: string | null }) {
  const { t } = useTranslation();
  const dati = useLoad(() => unwrap(sportello.catalogue.tenant({ tenant })), [tenant]);
  const [aperta, setAperta] = useState<Nota | 'contatti' | null>(null);
  const apri = (cosa: Nota | 'contatti') => (e: MouseEvent) => (e.preventDefault(), setAperta(cosa));
  return (
    <footer className="it-footer piede bg-dark text-white px-4 py-4" data-testid="piede">
      <div className="piede-ente d-flex align-items-center gap-3 mb-3">
        <Stemma label={t('intestazione.stemma', { comune })} comune={comune} immagine={stemma} />
        <h2 className="h4 mb-0 text-white">{comune}</h2>
      </div>
      <div className="row g-3">
        <div className="col-md-6 piede-contatti">
          <h3 className="h5 text-white">{t('piede.contatti')}</h3>
          <Recapiti comune={comune} dati={dati.data} testId="piede-indirizzo" />
        </div>
        <div className="col-md-6">
          <ul className="list-unstyled footer-list mb-0">
            <li className="piede-link-contatti">
              <a href="#contenuto" className="text-white" data-testid="piede-contatti" onClick={apri('contatti')}>{t('piede.contatti')}</a>
            </li>
            {NOTE.map((n) => (
              <li key={n}>
                <a href="#contenuto" className="text-white" data-testid={`piede-${n}`} onClick={apri(n)}>{t(`piede.${n}`)}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {aperta === 'contatti' && (
        <Finestra titolo={t('piede.contatti')} testId="nota-contatti" onClose={() => setAperta(null)}>
          <div className="fs-5 mb-4"><Recapiti comune={comune} dati={dati.data} testId="contatti-indirizzo" /></div>
        </Finestra>
      )}
      {aperta && aperta !== 'contatti' && (
        <Finestra titolo={t(`piede.${aperta}`)} testId={`nota-${aperta}`} onClose={() => setAperta(null)}>
          <p className="fs-5">{t(`piede.testo-${aperta}`, { comune, portale: portale ? t('piede.portale', { url: portale }) : '' })}</p>
        </Finestra>
      )}
    </footer>
  );
}
