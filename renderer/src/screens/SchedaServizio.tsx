import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Go } from '../navigation/navigation';
import type { PraticaSummary } from '../../../electron/shared/contract/pratiche';
import { useApp } from '../platform/app-context';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useAction, useLoad } from '../platform/use-load';
import { ScreenTitle } from '../components/ScreenTitle';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { Paragraphs } from '../components/Paragraphs';
import { ObbligoAllegato } from '../components/ObbligoAllegato';
import { dimensioneLeggibile } from '../../../electron/shared/dimensione-file';
import { ServiceList } from '../components/ServiceList';
import { PraticheList } from '../components/PraticheList';
import { Breadcrumb, tappeServizio } from '../shell/Breadcrumb';

function Section({ title, text, testId }: { title: string; text: string; testId: string }) {
  if (!text.trim()) return null;
  return (
    <section className="mb-4" data-testid={testId}>
      <h2 className="h4">{title}</h2>
      <Paragraphs text={text} />
    </section>
  );
}

/**
 * The service sheet: what it is, how to do it, costs, documents, time to answer, and the way in.
 * Before the card (`onAccedi` given) the way in asks for the card instead of starting a pratica.
 */
export function SchedaServizio({ service, go, onAccedi }: { service: string; go: Go; onAccedi?: (servizio: { slug: string; name: string }) => void }) {
  const { t } = useTranslation();
  const { tenant } = useApp();
  const load = useLoad(() => unwrap(sportello.catalogue.get({ tenant, service })), [tenant, service]);
  const action = useAction();
  const [drafts, setDrafts] = useState<{ list: PraticaSummary[]; canCreateAnother: boolean } | null>(null);

  const start = async (newDraft: boolean) => {
    if (onAccedi && load.data) return onAccedi({ slug: load.data.slug, name: load.data.name });
    const outcome = await action.run(() => unwrap(sportello.pratiche.start({ tenant, service, newDraft })));
    if (!outcome) return;
    if (outcome.outcome === 'creata') go({ name: 'wizard', praticaId: outcome.pratica.id });
    else setDrafts({ list: outcome.drafts, canCreateAnother: outcome.canCreateAnother });
  };

  if (load.error) return <ErrorAlert message={load.error} />;
  if (!load.data) return <Busy />;
  const s = load.data;
  return (
    <article>
      <Breadcrumb tappe={tappeServizio(t)} current={s.name} go={go} />
      <ScreenTitle testId="titolo-scheda">{s.name}</ScreenTitle>
      <p className="lead">{s.shortDescription}</p>
      <ErrorAlert message={action.error} />
      {drafts ? (
        <section className="mb-4 p-3 border rounded" data-testid="bozze-esistenti">
          <h2 className="h4">{t('scheda.bozze')}</h2>
          <PraticheList pratiche={drafts.list} go={go} />
          {drafts.canCreateAnother && (
            <button type="button" className="btn btn-outline-primary btn-lg mt-3" disabled={action.busy} onClick={() => void start(true)}>{t('scheda.nuova-bozza')}</button>
          )}
        </section>
      ) : (
        <button type="button" className="btn btn-primary btn-lg mb-4" disabled={action.busy} onClick={() => void start(false)} data-testid="accedi-servizio">
          {t('scheda.accedi')}
        </button>
      )}
      {action.busy && <Busy />}
      <Section title={t('scheda.descrizione')} text={s.texts.description} testId="scheda-descrizione" />
      <Section title={t('scheda.a-chi')} text={s.texts.who} testId="scheda-a-chi" />
      <Section title={t('scheda.come-fare')} text={[s.texts.howToDo, s.texts.howto].filter(Boolean).join('\n\n')} testId="scheda-come-fare" />
      <Section title={t('scheda.costi')} text={s.texts.costs} testId="scheda-costi" />
      <section className="mb-4" data-testid="scheda-documenti">
        <h2 className="h4">{t('scheda.documenti')}</h2>
        <Paragraphs text={s.texts.whatYouNeed} />
        {s.attachments.length > 0 && (
          <ul>
            {s.attachments.map((a) => (
              <li key={a.key}>
                <span className="fw-semibold">{a.label}</span> <ObbligoAllegato required={a.required} requiredWhen={a.requiredWhen} />
                {a.description && <span className="d-block">{a.description}</span>}
                <span className="d-block small">{t('allegati.formati', { formati: a.formati.join(', '), massimo: dimensioneLeggibile(a.maxSizeMb * 1024 * 1024) })}{a.pdfa ? ` ${t('allegati.pdfa')}` : ''}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="mb-4" data-testid="scheda-tempi">
        <h2 className="h4">{t('scheda.tempi')}</h2>
        <p>{s.maxResponseTimeDays === null ? t('scheda.tempi-non-indicati') : t('scheda.giorni', { count: s.maxResponseTimeDays })}</p>
      </section>
      <Section title={t('scheda.cosa-ottieni')} text={s.texts.whatYouGet} testId="scheda-cosa-ottieni" />


      {s.similar.length > 0 && (
        <section className="mt-4">
          <h2 className="h4">{t('scheda.simili')}</h2>
          <ServiceList services={s.similar} go={go} testId="servizi-simili" />
        </section>
      )}
    </article>
  );
}
