import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The title of a screen. It takes focus when the screen appears so that screen readers
 * announce the change (there is no page navigation to do it for us).
 */
export function ScreenTitle({ children, testId }: { children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1} className="h2 mb-4 screen-title" data-testid={testId ?? 'titolo-schermata'}>
      {children}
    </h1>
  );
}
