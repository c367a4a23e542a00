import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../electron/shared/contract/catalogue';
import { messageOf } from '../platform/call';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/dates';
import type { RenderedForm } from './formio-renderer';
import { portalHelper } from './portal-helper';

/** What the wizard may ask of the drawn form: mark its errors, bring a field into view. */
export type FormHandle = Pick<RenderedForm, 'showErrors' | 'focus'>;

/**
 * One Form.io step of the wizard, drawn by Form.io's renderer into a node React does
 * not touch. For "wizard" forms the step shows only its own top-level panel.
 */
export function FormioStep({ form, tenant, panelKey, data, onChange, handle }: {
  form: FormView;
  tenant: string;
  panelKey: string | null;
  data: Record<string, unknown>;
  onChange(data: Record<string, unknown>): void;
  handle?: { current: FormHandle | null };
}) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The oldest copy a calendar list came from: the notice says the least fresh of what is shown.
  const [copiaDel, setCopiaDel] = useState<string | null>(null);
  const copia = (fetchedAt: string) => setCopiaDel((shown) => (shown !== null && shown <= fetchedAt ? shown : fetchedAt));
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    let rendered: RenderedForm | null = null;
    let live = true;
    const components = panelKey ? form.components.filter((c) => c.key === panelKey) : form.components;
    import('./formio-renderer')
      .then(({ renderForm }) =>
        host.current ? renderForm(host.current, components, data, {
              language: i18n.language,
              translations: t('formio', { returnObjects: true }) as Record<string, string>,
              labels: { edit: t('wizard.modifica-riga'), remove: t('wizard.rimuovi-riga') },
              t: (key, o) => t(key, o),
              helper: portalHelper(tenant, copia),
              onChange: (d) => change.current(d),
            }) : null,
      )
      .then((r) => {
        if (!live) return r?.destroy();
        rendered = r;
        if (handle && r) handle.current = r;
        setReady(true);
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
      if (handle && handle.current === rendered) handle.current = null;
      rendered?.destroy();
    };
    // The form is drawn once per step; later data changes come from the form itself.
  }, [form, panelKey, i18n.language]);

  return (
    <div className="formio-step">
      {!ready && !error && <Busy label={t('wizard.caricamento-modulo')} />}
      <ErrorAlert message={error} />
      {copiaDel && (
        <div className="alert alert-warning" role="status" data-testid="disponibilita-copia">{t('appuntamenti.disponibilita-copia', { data: formatDate(copiaDel, true) })}</div>
      )}
      {/* data-stato says when Form.io has drawn the step with its data and options. */}
      <div ref={host} data-testid="modulo-formio" data-stato={ready ? 'pronto' : 'caricamento'} aria-busy={!ready} />
    </div>
  );
}
