import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteBackward, insertText, isTextField, type TextField } from './type-into';
import { LETTERE, LETTERE_EXTRA, NUMERI, layoutFor } from './layout-tastiera';
import { invio } from './invio';
import { keepRoom, releaseRoom, showAbove } from './spazio-tastiera';
import '../styles/tastiera.css';

/**
 * The kiosk's keyboard: it appears under any focused text field (ours or Form.io's), docked
 * at the bottom, and types into it; the page keeps room for it and the field is scrolled
 * above it. Keys act on pointerdown with the default prevented, so the field keeps the
 * focus; a physical keyboard keeps working alongside.
 */
export function OnScreenKeyboard() {
  const { t } = useTranslation();
  const [field, setField] = useState<TextField | null>(null);
  const [upper, setUpper] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

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

  const layout = field ? layoutFor(field) : null;
  // Before the paint: the room is there when the field is scrolled, and the field never shows under the keys.
  useLayoutEffect(() => {
    const keyboard = panel.current;
    if (!field || !keyboard) return;
    const fit = () => {
      keepRoom(keyboard.offsetHeight);
      showAbove(field, keyboard.offsetHeight);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(keyboard);
    return () => observer.disconnect();
  }, [field, layout]);
  useEffect(() => {
    if (field) return;
    releaseRoom();
  }, [field]);

  if (!field || !layout) return null;
  const press = (action: (f: TextField) => void) => (e: React.PointerEvent) => {
    e.preventDefault();
    if (field.isConnected) action(field);
  };
  const key = (label: string, action: (f: TextField) => void, name = label, kind = '', variant = 'btn-light') => (
    <button key={name} type="button" className={`btn ${variant} osk-key ${kind}`} aria-label={name} onPointerDown={press(action)}>
      {label}
    </button>
  );
  const char = (c: string) => (upper ? c.toUpperCase() : c);
  const typing = (c: string) => key(c, (f) => insertText(f, c));
  const cancella = key('⌫', deleteBackward, t('tastiera.cancella'), layout === 'lettere' ? 'osk-wide' : '');
  const avanti = key(t('tastiera.invio'), invio, t('tastiera.invio'), 'osk-wide', 'btn-primary');
  const chiudi = key(t('tastiera.chiudi'), (f) => f.blur(), t('tastiera.chiudi'), 'osk-wide');

  return (
    <div ref={panel} className={`osk osk-${layout}`} role="group" aria-label={t('tastiera.etichetta')} data-testid="tastiera" data-layout={layout}>
      {layout === 'numeri' ? (
        <>
          {NUMERI.map((row, i) => (
            <div className="osk-row" key={i}>
              {row.map(typing)}
              {i === 3 && cancella}
            </div>
          ))}
          <div className="osk-row">
            {chiudi}
            {avanti}
          </div>
        </>
      ) : (
        <>
          {LETTERE.map((row, i) => (
            <div className="osk-row" key={i}>
              {row.map((c) => typing(char(c)))}
              {i === 0 && cancella}
              {i === 2 && avanti}
            </div>
          ))}
          <div className="osk-row">
            {key(upper ? t('tastiera.minuscole') : t('tastiera.maiuscole'), () => setUpper(!upper), t('tastiera.maiuscole'), 'osk-wide')}
            {LETTERE_EXTRA.map(typing)}
            {key(t('tastiera.spazio'), (f) => insertText(f, ' '), t('tastiera.spazio'), 'osk-space')}
            {chiudi}
          </div>
        </>
      )}
    </div>
  );
}
