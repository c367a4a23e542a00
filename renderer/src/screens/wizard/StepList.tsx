import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../../electron/shared/contract/pratiche';

/** The wizard's steps, each marked done, current or to do (in words, not colour alone). */
export function StepList({ pratica }: { pratica: PraticaView }) {
  const { t } = useTranslation();
  const current = pratica.steps.findIndex((s) => s.id === pratica.currentStepId);
  return (
    <nav aria-label={t('wizard.passi')}>
      <ol className="step-list list-unstyled" data-testid="elenco-passi">
        {pratica.steps.map((step, i) => {
          const state = i < current ? 'fatto' : i === current ? 'corrente' : 'da-fare';
          return (
            <li key={step.id} className={`step step-${state} p-2 mb-1 rounded`} aria-current={state === 'corrente' ? 'step' : undefined} data-testid={`passo-${state}`}>
              <span className="step-number me-2">{i + 1}</span>
              <span className="fw-semibold">{step.title}</span>
              <span className="d-block small step-state">{t(`wizard.stato-passo.${state}`)}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
