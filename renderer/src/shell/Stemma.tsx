/**
 * The comune's coat of arms. Neither the configuration nor the portal's catalogue carries the
 * comune's own image yet, so this is a plain shield, named for what it stands for.
 */
export function Stemma({ label }: { label: string }) {
  return (
    <svg className="stemma flex-shrink-0" viewBox="0 0 64 72" width="56" height="63" role="img" aria-label={label} data-testid="stemma">
      <path d="M4 4h56v30c0 18-12 28-28 34C16 62 4 52 4 34z" fill="#ffffff" stroke="#ffffff" strokeWidth="2" />
      <path d="M10 10h44v24c0 14-9 22-22 27C19 56 10 48 10 34z" fill="#0066cc" />
      <path d="M20 22h24v6H20zM24 32h16v14H24z" fill="#ffffff" />
    </svg>
  );
}
