/**
 * What Form.io says to screen readers is built in its code as English sentences ("1 character
 * remaining.", "Maximum 600 characters.", "Row has been saved"), without its `t()`: the
 * translations it takes never reach them. They are put into the citizen's language here, from
 * the app's catalogue (`formio-annunci` in renderer/src/i18n), as Form.io writes them into its
 * live regions.
 */
type Translate = (key: string, options: Record<string, unknown>) => string;

const UNIT = '(character|word)s?';
const NUMBER = '(-?\\d+(?:\\.\\d+)?)';

/** Form.io's sentences (utils/utils.js getScreenReaderMessage, screenReaderSpeech callers), each with the catalogue's key. */
const SENTENCES: readonly { pattern: RegExp; key: string }[] = [
  { pattern: new RegExp(`^(\\d+) ${UNIT} remaining\\.$`), key: 'rimanenti' },
  { pattern: new RegExp(`^No ()${UNIT} remaining\\.$`), key: 'nessuno-rimanente' },
  { pattern: new RegExp(`^(\\d+) ${UNIT} should be removed\\.$`), key: 'da-togliere' },
  { pattern: new RegExp(`^(\\d+) ${UNIT} should be added\\.$`), key: 'da-aggiungere' },
  { pattern: new RegExp(`^Maximum (\\d+) ${UNIT}\\.$`), key: 'massimo' },
  { pattern: new RegExp(`^Minimum (\\d+) ${UNIT}\\.$`), key: 'minimo' },
  { pattern: new RegExp(`^Number cannot be greater than ${NUMBER}\\.$`), key: 'numero-massimo' },
  { pattern: new RegExp(`^Number cannot be less than ${NUMBER}\\.$`), key: 'numero-minimo' },
  { pattern: new RegExp(`^Maximum value ${NUMBER}\\.$`), key: 'valore-massimo' },
  { pattern: new RegExp(`^Minimum value ${NUMBER}\\.$`), key: 'valore-minimo' },
  { pattern: /^Row has been saved$/, key: 'riga-salvata' },
  { pattern: /^Row has been deleted$/, key: 'riga-eliminata' },
  { pattern: /^Now on step (\d+) of (\d+): (.*)$/s, key: 'passo' },
];

function sentence(text: string, t: Translate): string | null {
  for (const { pattern, key } of SENTENCES) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (key === 'passo') return t('formio-annunci.passo', { n: Number(m[1]), totale: Number(m[2]), titolo: m[3] });
    // Units take the plural of the number they count ("1 carattere", "3 caratteri"); "nessuno" counts none.
    const unit = m[2] === 'word' ? 'parole' : m[2] === 'character' ? 'caratteri' : '';
    const count = m[1] === '' ? 0 : Number(m[1]);
    return t(`formio-annunci.${unit ? `${key}-${unit}` : key}`, { count, n: m[1] });
  }
  return null;
}

/**
 * `text` in the catalogue's language, or null when it holds no sentence of Form.io's (already
 * translated, or none of ours). Form.io joins its sentences with a space; each is translated on its own.
 */
export function translateAnnouncement(text: string, t: Translate): string | null {
  const parts = text.trim().split(/(?<=\.)\s+/).filter(Boolean);
  let changed = false;
  const out = parts.map((part) => {
    const translated = sentence(part, t);
    if (translated === null) return part;
    changed = true;
    return translated;
  });
  return changed ? out.join(' ') : null;
}

const LIVE_REGIONS = '[aria-live]';

function translateIn(node: Element, translate: (text: string) => string | null): void {
  const text = node.textContent ?? '';
  if (!text.trim()) return;
  const translated = translate(text);
  if (translated !== null && translated !== text) node.textContent = translated;
}

/**
 * Translates Form.io's announcements as they are written: into the form's live regions (one per
 * field, `ref="announceMessage"`), and into the ones it appends to the page's body for a moment.
 */
export function watchAnnouncements(element: HTMLElement, translate: (text: string) => string | null): MutationObserver[] {
  const spoken = new WeakSet<Node>();
  const inForm = new MutationObserver((records) => {
    for (const r of records) {
      const region = r.target instanceof Element ? r.target.closest(LIVE_REGIONS) : r.target.parentElement?.closest(LIVE_REGIONS);
      if (region && (element.contains(region) || spoken.has(region))) translateIn(region, translate);
    }
  });
  const watch = { subtree: true, childList: true, characterData: true } as const;
  inForm.observe(element, watch);
  const speech = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of Array.from(r.addedNodes)) {
        if (!(node instanceof HTMLElement) || !node.matches(LIVE_REGIONS)) continue;
        spoken.add(node);
        inForm.observe(node, watch);
      }
    }
  });
  speech.observe(document.body, { childList: true });
  return [inForm, speech];
}
