import { useTranslation } from 'react-i18next';

/**
 * Whether a document is required, said once and from core's answer: "Obbligatorio",
 * "Obbligatorio, perché …" when the data given makes it so, "Obbligatorio solo se …" when
 * it may, "Facoltativo" otherwise. Never "facoltativo" beside a case that requires it.
 */
export function ObbligoAllegato({ required, requiredWhen, testId }: { required: boolean; requiredWhen: string | null; testId?: string }) {
  const { t } = useTranslation();
  const text = requiredWhen
    ? t(required ? 'scheda.obbligatorio-perche' : 'scheda.obbligatorio-se', { quando: requiredWhen })
    : t(required ? 'scheda.obbligatorio' : 'scheda.facoltativo');
  return <span className={`badge text-wrap text-start ${required ? 'bg-primary' : 'bg-secondary'}`} data-testid={testId}>{text}</span>;
}
