import { useTranslation } from 'react-i18next';
import { useApp } from '../platform/app-context';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { ErrorAlert } from '../components/ErrorAlert';
import { Paragraphs } from '../components/Paragraphs';

interface Terms {
  version: string | null;
  text: string;
}

/** The comune's terms of use: accepted once per version, or the session ends. */
export function TermsOfUse({ terms, onAccepted, onRefuse }: { terms: Terms; onAccepted(): void; onRefuse(): void }) {
  const { t } = useTranslation();
  const { tenant } = useApp();
  const action = useAction();
  const accept = async () => {
    if (terms.version === null) return onAccepted();
    const done = await action.run(() => unwrap(sportello.pratiche.acceptTerms({ tenant, version: terms.version! })));
    if (done) onAccepted();
  };
  return (
    <section className="container py-4">
      <ScreenTitle testId="titolo-termini">{t('termini.titolo')}</ScreenTitle>
      <div className="terms-text border rounded p-4 mb-4 bg-white" tabIndex={0} aria-label={t('termini.testo')}>
        <Paragraphs text={terms.text} />
      </div>
      <ErrorAlert message={action.error} />
      <div className="d-flex gap-3 flex-wrap">
        <button type="button" className="btn btn-primary btn-lg" disabled={action.busy} onClick={() => void accept()} data-testid="accetta-termini">
          {t('termini.accetta')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-lg" onClick={onRefuse}>
          {t('termini.rifiuta')}
        </button>
      </div>
    </section>
  );
}
