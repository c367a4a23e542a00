import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal question with two answers; focus goes to the safe answer first. */
export function ConfirmDialog({ title, text, confirmLabel, onConfirm, onCancel, testId }: {
  title: string;
  text?: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="idle-backdrop">
      <div className="idle-dialog bg-white p-5 rounded shadow" role="alertdialog" aria-modal="true" aria-labelledby={`${testId}-titolo`} data-testid={testId}>
        <h2 id={`${testId}-titolo`} className="h3 mb-3">{title}</h2>
        {text && <p className="fs-5">{text}</p>}
        <div className="d-flex gap-3 justify-content-end flex-wrap">
          <button ref={cancel} type="button" className="btn btn-outline-secondary btn-lg" onClick={onCancel}>{t('app.annulla')}</button>
          <button type="button" className="btn btn-primary btn-lg" onClick={onConfirm} data-testid={`${testId}-conferma`}>{confirmLabel}</button>
        </div>
      </div>
    </div>
  );
}
