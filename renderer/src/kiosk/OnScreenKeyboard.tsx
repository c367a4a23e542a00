import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteBackward, insertText, isTextField, type TextField } from './type-into';

const ROWS = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', "'"],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '-'],
];
/** '+' for a phone number's international prefix (+39), as the portal's forms and the profile take it. */
const EXTRA = ['@', '+', 'à', 'è', 'é', 'ì', 'ò', 'ù', '/'];

/**
 * The kiosk's keyboard: it appears under any focused text field (ours or Form.io's)
 * and types into it. Keys act on pointerdown with the default prevented, so the field
 * keeps the focus; a physical keyboard keeps working alongside.
 */
export function OnScreenKeyboard() {
  const { t } = useTranslation();
  const [field, setField] = useState<TextField | null>(null);
  const [upper, setUpper] = useState(false);

  useEffect(() => {
    const onFocus = (e: FocusEvent) => setField(isTextField(e.target as Element) ? (e.target as TextField) : null);
    const onBlur = () => setTimeout(() => setField(isTextField(document.activeElement) ? (document.activeElement as TextField) : null), 0);
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', onBlur);
    return () => {
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onBlur);
    };
  }, []);

  useEffect(() => {
    document.body.classList.toggle('osk-open', field !== null);
    return () => document.body.classList.remove('osk-open');
  }, [field]);

  if (!field) return null;
  const press = (action: (f: TextField) => void) => (e: React.PointerEvent) => {
    e.preventDefault();
    if (field.isConnected) action(field);
  };
  const key = (label: string, action: (f: TextField) => void, name = label, wide = '') => (
    <button key={name} type="button" className={`btn btn-light osk-key ${wide}`} aria-label={name} onPointerDown={press(action)}>
      {label}
    </button>
  );
  const char = (c: string) => (upper ? c.toUpperCase() : c);

  return (
    <div className="osk" role="group" aria-label={t('tastiera.etichetta')} data-testid="tastiera">
      {ROWS.map((row, i) => (
        <div className="osk-row" key={i}>
          {row.map((c) => key(char(c), (f) => insertText(f, char(c)), char(c)))}
        </div>
      ))}
      <div className="osk-row">
        {key(upper ? t('tastiera.minuscole') : t('tastiera.maiuscole'), () => setUpper(!upper), t('tastiera.maiuscole'), 'osk-wide')}
        {EXTRA.map((c) => key(char(c), (f) => insertText(f, char(c)), char(c)))}
        {key('⌫', deleteBackward, t('tastiera.cancella'), 'osk-wide')}
      </div>
      <div className="osk-row">
        {key(t('tastiera.spazio'), (f) => insertText(f, ' '), t('tastiera.spazio'), 'osk-space')}
        {key(t('tastiera.chiudi'), (f) => f.blur(), t('tastiera.chiudi'), 'osk-wide')}
      </div>
    </div>
  );
}
