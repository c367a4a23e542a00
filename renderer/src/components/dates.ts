import i18next from 'i18next';

/** A date of the core (ISO) as a person reads it, in the current language. */
export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = i18next.language === 'en' ? 'en-GB' : 'it-IT';
  return withTime
    ? date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
    : date.toLocaleDateString(locale, { dateStyle: 'medium' });
}
