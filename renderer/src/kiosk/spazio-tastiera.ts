/**
 * The room the page keeps at its bottom for the docked keyboard, so that every field and
 * button can be scrolled above it, and the scroll that brings the focused field there.
 *
 * When the keyboard closes the room does not go at once: a tap on a button takes the focus
 * from the field on pointerdown, and a page that shortened then would move under the finger
 * and the click would land on another control. The room shrinks only as far as it can
 * without moving what is on screen, and the rest goes as the citizen scrolls up (or a new
 * screen opens at its top).
 */
const VARIABLE = '--spazio-tastiera';
/** Between the field's lower edge and the keyboard's top: the field's label and hint stay readable. */
const MARGINE = 24;

function room(): number {
  return parseFloat(document.body.style.getPropertyValue(VARIABLE)) || 0;
}

function setRoom(px: number): void {
  if (px > 0) document.body.style.setProperty(VARIABLE, `${Math.ceil(px)}px`);
  else document.body.style.removeProperty(VARIABLE);
}

/** The smallest room that keeps the page where it is now. */
function roomStillNeeded(): number {
  const content = document.documentElement.scrollHeight - room();
  return Math.max(0, window.scrollY + window.innerHeight - content);
}

let shrinking = false;
function shrinkOnScroll(): void {
  const needed = roomStillNeeded();
  setRoom(Math.min(room(), needed));
  if (needed === 0) stopShrinking();
}
function stopShrinking(): void {
  if (!shrinking) return;
  shrinking = false;
  window.removeEventListener('scroll', shrinkOnScroll);
}

/** The keyboard is open and this tall: the page gets as much room below its content. */
export function keepRoom(height: number): void {
  stopShrinking();
  setRoom(height);
}

/** The keyboard has closed. */
export function releaseRoom(): void {
  setRoom(roomStillNeeded());
  if (room() > 0 && !shrinking) {
    shrinking = true;
    window.addEventListener('scroll', shrinkOnScroll, { passive: true });
  }
}

/** Scrolls the page, if needed, so that the field is between the top of the window and the keyboard. */
export function showAbove(field: Element, keyboardHeight: number): void {
  const box = field.getBoundingClientRect();
  const limit = window.innerHeight - keyboardHeight - MARGINE;
  if (box.bottom > limit) window.scrollBy({ top: box.bottom - limit, behavior: 'instant' });
  else if (box.top < MARGINE) window.scrollBy({ top: box.top - MARGINE, behavior: 'instant' });
}
