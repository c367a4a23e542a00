/**
 * The keyboard's Invio: to the next field on the screen, as a citizen reads it; from the last
 * one, the screen's primary action (the form's submit button, or the button marked
 * `data-azione-principale`, such as the wizard's Avanti), so nobody has to close the keyboard
 * to find it.
 */
import { isTextField, type TextField } from './type-into';

function visible(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

function nextField(field: TextField): TextField | null {
  const fields = Array.from(document.querySelectorAll('input, textarea')).filter(
    // tabindex -1: a widget's inner input (a select's search box), which the citizen does not fill in turn.
    (e): e is TextField => isTextField(e) && e.tabIndex >= 0 && visible(e as HTMLElement) && !e.closest('[inert], [aria-hidden=true]'),
  );
  const at = fields.indexOf(field);
  return at >= 0 ? (fields[at + 1] ?? null) : null;
}

function primaryAction(field: TextField): HTMLButtonElement | null {
  const submit = field.form?.querySelector<HTMLButtonElement>('button[type=submit]:not(:disabled)');
  if (submit) return submit;
  const marked = Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-azione-principale]:not(:disabled)'));
  return marked.find(visible) ?? null;
}

export function invio(field: TextField): void {
  const next = nextField(field);
  if (next) {
    next.focus();
    return;
  }
  const action = primaryAction(field);
  if (!action) return;
  // The keyboard closes first, so what the action shows (the next screen, an error) is not under it.
  field.blur();
  action.click();
}
