import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PraticaView } from '../../../../electron/shared/contract/pratiche';
import { sportello } from '../../platform/sportello';
import { unwrap } from '../../platform/call';
import { useAction } from '../../platform/use-load';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The citizen's own notes on a pratica, saved when the field is left. */
export function NoteField({ pratica, onSaved }: { pratica: PraticaView; onSaved(p: PraticaView): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState(pratica.note);
  const action = useAction();
  const save = async () => {
    if (note === pratica.note) return;
    const p = await action.run(() => unwrap(sportello.pratiche.note({ id: pratica.id, note })));
    if (p) onSaved(p);
  };
  return (
    <div className="form-group">
      <label htmlFor={id} className="active fw-semibold">{t('wizard.note')}</label>
      <textarea id={id} className="form-control" rows={4} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} onBlur={() => void save()} data-testid="note" />
      <ErrorAlert message={action.error} />
    </div>
  );
}
