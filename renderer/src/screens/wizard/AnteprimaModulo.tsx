import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sportello } from '../../platform/sportello';
import { unwrap } from '../../platform/call';
import { base64ToBlob } from '../../platform/files';
import { useAction } from '../../platform/use-load';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The module the citizen is about to sign, made by core from the data as they are now, shown on request (it takes a moment to build). */
export function AnteprimaModulo({ praticaId, revision }: { praticaId: string; revision: number }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const action = useAction();
  // Data changed (a "Modifica" and back): the module shown before is not the one to sign any more.
  useEffect(() => setUrl(null), [praticaId, revision]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const show = async () => {
    const file = await action.run(() => unwrap(sportello.pratiche.document({ id: praticaId, tipo: 'anteprima-modulo' })));
    if (file) setUrl(URL.createObjectURL(base64ToBlob(file.contentBase64, file.mimeType)));
  };
  return (
    <section className="mt-4" aria-labelledby="titolo-anteprima-modulo">
      <h3 id="titolo-anteprima-modulo" className="h5">{t('wizard.riepilogo-modulo')}</h3>
      {url ? (
        <>
          <button type="button" className="btn btn-outline-primary mb-2" onClick={() => setUrl(null)} data-testid="nascondi-modulo">{t('wizard.riepilogo-nascondi-modulo')}</button>
          <iframe src={url} title={t('wizard.riepilogo-anteprima')} className="file-preview border w-100" data-testid="anteprima-modulo" />
        </>
      ) : (
        <button type="button" className="btn btn-outline-primary" disabled={action.busy} onClick={() => void show()} data-testid="vedi-modulo">{t('wizard.riepilogo-vedi-modulo')}</button>
      )}
      {action.busy && <Busy />}
      <ErrorAlert message={action.error} />
    </section>
  );
}
