import { useTranslation } from 'react-i18next';
import type { Go, Screen } from '../navigation/navigation';

export interface Tappa {
  label: string;
  screen: Screen;
}

/**
 * "Home / Servizi / <servizio>", as the Modello Comuni of Designers Italia has it: links, the last
 * one the current page. The links move in the app's own navigation, never in the URL or the
 * browser history, where nothing of a citizen goes.
 */
export function Breadcrumb({ tappe, current, go }: { tappe: Tappa[]; current: string; go: Go }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb-container mb-3" aria-label={t('percorso.etichetta')} data-testid="percorso">
      <ol className="breadcrumb p-0">
        {tappe.map((tappa) => (
          <li key={tappa.label} className="breadcrumb-item">
            <a href="#contenuto" onClick={(e) => (e.preventDefault(), go(tappa.screen))}>{tappa.label}</a>
            <span className="separator" aria-hidden="true">/</span>
          </li>
        ))}
        <li className="breadcrumb-item active" aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

/** The first step of every way: the citizen's room. */
export function tappeHome(t: (key: string) => string): Tappa[] {
  return [{ label: t('percorso.home'), screen: { name: 'stanza' } }];
}

/** The way to a service: Home, Servizi. */
export function tappeServizio(t: (key: string) => string): Tappa[] {
  return [...tappeHome(t), { label: t('percorso.servizi'), screen: { name: 'servizi' } }];
}

/** The way to a pratica: Home, Le mie pratiche. */
export function tappePratiche(t: (key: string) => string): Tappa[] {
  return [...tappeHome(t), { label: t('menu.pratiche'), screen: { name: 'pratiche' } }];
}
