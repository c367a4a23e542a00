import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The title of a screen. It takes focus when the screen appears so that screen readers
 * announce the change (there is no page navigation to do it for us), and the page opens at
 * its top. A screen whose content changes in place (a wizard's next step) gives a new
 * `opening` each time: it opens at its title again, not where the previous one was scrolled.
 */
export function ScreenTitle({ children, testId, opening }: { children: ReactNode; testId?: string; opening?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo({ top: 0, behavior: 'instant' });
    ref.current?.focus({ preventScroll: true });
  }, [opening]);
  return (
    <h1 ref={ref} tabIndex={-1} className="h2 mb-4 screen-title" data-testid={testId ?? 'titolo-schermata'}>
      {children}
    </h1>
  );
}
