/**
 * The comune's coat of arms: the portal's own image when the catalogue has one (core checked it
 * is a PNG or JPEG and hands it as a `data:` URL), named by the comune's name as the portal's header
 * names it; else a plain shield, named for what it stands for.
 */
export function Stemma({ label, comune, immagine, className = '' }: { label: string; comune: string; immagine: string | null; className?: string }) {
  if (immagine) return <img className={`stemma flex-shrink-0 ${className}`} src={immagine} alt={comune} data-testid="stemma" />;
  return (
    <svg className={`stemma flex-shrink-0 ${className}`} viewBox="0 0 64 72" width="56" height="63" role="img" aria-label={label} data-testid="stemma">
      <path d="M4 4h56v30c0 18-12 28-28 34C16 62 4 52 4 34z" fill="#ffffff" stroke="#ffffff" strokeWidth="2" />
      <path d="M10 10h44v24c0 14-9 22-22 27C19 56 10 48 10 34z" fill="#0066cc" />
      <path d="M20 22h24v6H20zM24 32h16v14H24z" fill="#ffffff" />
    </svg>
  );
}
