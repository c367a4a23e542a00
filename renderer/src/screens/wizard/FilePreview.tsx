import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A picked file shown before it is attached: images and PDFs inline, through a blob URL revoked on unmount. */
export function FilePreview({ file }: { file: File }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  if (!url) return null;
  if (file.type.startsWith('image/')) return <img src={url} alt={t('allegati.anteprima-di', { nome: file.name })} className="file-preview img-fluid border" />;
  if (file.type === 'application/pdf') return <iframe src={url} title={t('allegati.anteprima-di', { nome: file.name })} className="file-preview border w-100" data-testid="anteprima-pdf" />;
  return <p>{t('allegati.anteprima-non-disponibile')}</p>;
}
