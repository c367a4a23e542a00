/** One place of a menu of screens: the current one is marked for sight and for screen readers. */
export function VoceMenu({ attiva, testId, onClick, children }: { attiva: boolean; testId: string; onClick(): void; children: string }) {
  return (
    <button type="button" className={`btn ${attiva ? 'btn-primary' : 'btn-outline-primary'}`} aria-current={attiva ? 'page' : undefined} data-testid={testId} onClick={onClick}>
      {children}
    </button>
  );
}
