/**
 * The pratiche an operator opens and sends for the assisted citizen: the citizen's own screens
 * (catalogue, service sheet, wizard, Controllo e conferma, sending, receipt, their pratiche),
 * since core already answers every pratiche call as that citizen's with the operator recorded.
 * Mounted per citizen: another citizen, or the end of the assistance, starts from nothing.
 */
import { useCallback, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Onboarding } from '../citizen/Onboarding';
import { screenFor } from '../citizen/schermate';
import { VoceMenu } from '../citizen/VoceMenu';
import { navigate, type Go, type MenuScreen } from '../navigation/navigation';
import { DESK_NS } from './i18n';

const MENU_BANCO: readonly MenuScreen[] = ['servizi', 'pratiche'];

export function PraticheAssistite({ nome, onFine }: { nome: string; onFine(): void }) {
  const { t } = useTranslation(DESK_NS);
  const [pronto, setPronto] = useState(false);
  const [nav, dispatch] = useReducer(navigate, { screen: { name: 'servizi' }, past: [] });
  const go = useCallback<Go>((screen, options) => dispatch({ type: options?.replace ? 'replace' : 'go', screen }), []);
  const fatto = useCallback(() => setPronto(true), []);

  return (
    <section aria-labelledby="pratiche-assistite-titolo" className="mt-4 border-top pt-3" data-testid="pratiche-assistite">
      <h2 id="pratiche-assistite-titolo" className="h4">{t('pratiche-assistite.titolo', { nome })}</h2>
      {!pronto ? (
        <Onboarding onDone={fatto} onExit={onFine} />
      ) : (
        <>
          <nav className="d-flex flex-wrap gap-2 mb-3" aria-label={t('pratiche-assistite.menu')}>
            {MENU_BANCO.map((item) => (
              <VoceMenu key={item} attiva={nav.screen.name === item} testId={`banco-menu-${item}`} onClick={() => go({ name: item })}>
                {t(`pratiche-assistite.${item}`)}
              </VoceMenu>
            ))}
          </nav>
          {nav.past.length > 0 && (
            <button type="button" className="btn btn-link px-0 mb-2" data-testid="banco-indietro" onClick={() => dispatch({ type: 'back' })}>
              ← {t('pratiche-assistite.indietro')}
            </button>
          )}
          <div key={JSON.stringify(nav.screen)}>{screenFor(nav.screen, go)}</div>
        </>
      )}
    </section>
  );
}
