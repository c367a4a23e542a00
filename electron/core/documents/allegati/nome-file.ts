/**
 * A file name from a citizen's device, made safe to show, store and send: no folders
 * (`../../x.pdf` becomes `x.pdf`), no control, reserved or invisible characters, bounded
 * length with the extension kept.
 *
 * Invisible format characters (Unicode category Cf) are removed, not replaced: the bidi
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks U+200E/U+200F/U+061C,
 * zero-width spaces and joiners, U+FEFF, soft hyphens and tag characters. They let a name
 * read differently from what it is — "fattura\u202Efdp.exe" shows as "fatturaexe.pdf" —
 * and the extension must be judged on what the name really ends with. Removing them also
 * drops the zero-width joiners of some scripts and emoji sequences: an acceptable price
 * for a name that only has to be recognisable at the comune.
 */
const LUNGHEZZA_MASSIMA = 120;

export function nomeFileSicuro(grezzo: string): string {
  const base = grezzo.split(/[\\/]/).pop() ?? '';
  const pulito = base
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  if (pulito.length === 0 || /^_*$/.test(pulito)) return 'allegato';
  if (pulito.length <= LUNGHEZZA_MASSIMA) return pulito;
  const punto = pulito.lastIndexOf('.');
  const estensioneFinale = punto > 0 && pulito.length - punto <= 10 ? pulito.slice(punto) : '';
  return pulito.slice(0, LUNGHEZZA_MASSIMA - estensioneFinale.length) + estensioneFinale;
}

/** The extension in lower case, without the dot; empty when there is none. */
export function estensione(nome: string): string {
  const punto = nome.lastIndexOf('.');
  return punto > 0 ? nome.slice(punto + 1).toLowerCase() : '';
}
