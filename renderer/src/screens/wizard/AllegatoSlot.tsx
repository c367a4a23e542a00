import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../../electron/shared/contract/pratiche';
import { sportello } from '../../platform/sportello';
import { unwrap } from '../../platform/call';
import { useAction } from '../../platform/use-load';
import { fileToBase64 } from '../../platform/files';
import { dimensioneLeggibile } from '../../../../electron/shared/dimensione-file';
import { ObbligoAllegato } from '../../components/ObbligoAllegato';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Busy } from '../../components/Busy';
import { FilePreview } from './FilePreview';

type Slot = PraticaView['attachmentSlots'][number];
const MB = 1024 * 1024;
export type Library = { id: string; name: string; size: number }[];

/**
 * One document the service asks for: the files already attached (removable), a file
 * to pick, preview and attach, or one to reuse from "I miei allegati". Attaching sends
 * the file once: core checks it and stores it in the same call, and answers with the
 * remarks to show (a refusal comes back as an error with its message).
 */
export function AllegatoSlot({ praticaId, slot, library, onChanged }: { praticaId: string; slot: Slot; library: Library; onChanged(p: PraticaView): void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const reuseId = useId();
  const [picked, setPicked] = useState<File | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const action = useAction();

  const attach = async () => {
    if (!picked) return;
    setWarnings([]);
    const done = await action.run(async () => {
      const content = await fileToBase64(picked);
      return unwrap(sportello.pratiche['attachments.add']({ id: praticaId, slot: slot.key, name: picked.name, contentBase64: content }));
    });
    if (done) {
      setPicked(null);
      setWarnings(done.avvisi);
      onChanged(done.pratica);
    }
  };
  const remove = async (allegatoId: string) => {
    setWarnings([]);
    const done = await action.run(() => unwrap(sportello.pratiche['attachments.remove']({ id: praticaId, slot: slot.key, allegatoId })));
    if (done) onChanged(done);
  };
  const reuse = async (allegatoId: string) => {
    if (!allegatoId) return;
    setWarnings([]);
    const done = await action.run(() => unwrap(sportello.pratiche['attachments.reuse']({ id: praticaId, slot: slot.key, allegatoId })));
    if (done) {
      setWarnings(done.avvisi);
      onChanged(done.pratica);
    }
  };

  return (
    <fieldset className="border rounded p-3 mb-4" data-testid={`slot-${slot.key}`}>
      <legend className="h5 float-none w-auto px-2">
        {slot.label} <ObbligoAllegato required={slot.required} requiredWhen={slot.requiredWhen} testId={`obbligo-${slot.key}`} />
      </legend>
      {slot.description && <p>{slot.description}</p>}
      <p className="small" data-testid={`regole-${slot.key}`}>{t('allegati.formati', { formati: slot.formati.join(', '), massimo: dimensioneLeggibile(slot.maxSizeMb * MB) })}{slot.pdfa ? ` ${t('allegati.pdfa')}` : ''}</p>
      {slot.files.length > 0 && (
        <ul className="list-group mb-3">
          {slot.files.map((f) => (
            <li key={f.id} className="list-group-item d-flex justify-content-between align-items-center" data-testid="allegato-caricato">
              <span>{f.name} · {dimensioneLeggibile(f.size)}{f.pdfa ? ` · PDF/A-${f.pdfa}` : ''}</span>
              <button type="button" className="btn btn-outline-danger" disabled={action.busy} onClick={() => void remove(f.id)}>{t('allegati.rimuovi')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="d-flex flex-wrap gap-3 align-items-end">
        <div>
          <label htmlFor={inputId} className="btn btn-outline-primary mb-0 file-label">{t('allegati.scegli')}</label>
          <input id={inputId} type="file" className="visually-hidden" accept={slot.mimeTypes.join(',')} data-testid={`file-${slot.key}`} onChange={(e) => setPicked(e.target.files?.[0] ?? null)} />
        </div>
        {library.length > 0 && (
          <div>
            <label htmlFor={reuseId} className="form-label d-block">{t('allegati.riusa')}</label>
            <select id={reuseId} className="form-select" value="" disabled={action.busy} onChange={(e) => void reuse(e.target.value)} data-testid={`riusa-${slot.key}`}>
              <option value="">{t('allegati.riusa-scegli')}</option>
              {library.map((a) => <option key={a.id} value={a.id}>{a.name} ({dimensioneLeggibile(a.size)})</option>)}
            </select>
          </div>
        )}
      </div>
      {picked && (
        <div className="mt-3" data-testid="file-scelto">
          <p className="fw-semibold">{picked.name} · {dimensioneLeggibile(picked.size)}</p>
          <FilePreview file={picked} />
          <div className="d-flex gap-3 mt-2">
            <button type="button" className="btn btn-primary" disabled={action.busy} onClick={() => void attach()} data-testid={`allega-${slot.key}`}>{t('allegati.allega')}</button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => setPicked(null)}>{t('app.annulla')}</button>
          </div>
        </div>
      )}
      {action.busy && <Busy label={t('allegati.verifica')} />}
      <ErrorAlert message={action.error} />
      {/* A remark on a file that was attached (e.g. not a PDF/A) says what to do: a warning to read, not grey small print. */}
      {warnings.map((w) => <div key={w} className="alert alert-warning mt-3 mb-0" role="status" data-testid="avviso-allegato">{w}</div>)}
    </fieldset>
  );
}
