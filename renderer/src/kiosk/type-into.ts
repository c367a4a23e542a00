/**
 * Types into the focused field as a physical keyboard would: through the element's
 * native value setter and an `input` event, so React-controlled fields and Form.io's
 * own fields both see the change. The caret is where the key put it before the event is
 * sent, as with a real key: an input mask (Form.io's `inputMask`, such as `AA` or
 * `99/99/9999`) reads the caret to tell what was typed, and would otherwise take the
 * mask's own placeholder at the end for the new character and drop the key.
 */
export type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_TYPES = new Set(['text', 'email', 'tel', 'search', 'url', 'number', '']);

export function isTextField(element: Element | null): element is TextField {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  return element instanceof HTMLInputElement && TEXT_TYPES.has(element.type) && !element.readOnly && !element.disabled;
}

function setValue(field: TextField, value: string, caret: number): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  trySetCaret(field, caret);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Inserts text at the caret (fields without a selection API, such as email, get it at the end). */
export function insertText(field: TextField, text: string): void {
  const start = safeSelection(field, 'start');
  const end = safeSelection(field, 'end');
  const value = field.value;
  if (field.maxLength > 0 && value.length - (end - start) + text.length > field.maxLength) return;
  setValue(field, value.slice(0, start) + text + value.slice(end), start + text.length);
}

export function deleteBackward(field: TextField): void {
  const start = safeSelection(field, 'start');
  const end = safeSelection(field, 'end');
  if (start === end && start === 0) return;
  const from = start === end ? start - 1 : start;
  setValue(field, field.value.slice(0, from) + field.value.slice(end), from);
}

function safeSelection(field: TextField, which: 'start' | 'end'): number {
  try {
    const at = which === 'start' ? field.selectionStart : field.selectionEnd;
    return at ?? field.value.length;
  } catch {
    return field.value.length;
  }
}

function trySetCaret(field: TextField, at: number): void {
  try {
    field.setSelectionRange(at, at);
  } catch {
    // email and number inputs have no selection API: the caret stays at the end.
  }
}
