import { useEffect, useId, useRef, type RefObject } from 'react';

/**
 * What a form sends so the CMS can tell people from bots (see BOT_CHECK_FIELDS in @medblog/shared):
 * the honeypot's value (bots fill every field, people never see this one) and how long the form
 * has been shown. The time counts from when this form was first shown, not from the page load;
 * but from the page's arrival when the reader typed into the server's form before the page's code
 * ran (`typedBeforeCode`).
 */
export function useBotCheck(typedBeforeCode: boolean) {
  const honeypotRef = useRef<HTMLInputElement>(null);
  const shownAt = useRef<number | null>(null);

  useEffect(() => {
    const arrived = (performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined)
      ?.responseEnd;
    shownAt.current ??= typedBeforeCode && arrived ? arrived : performance.now();
    // Only when the form first shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const read = () => ({
    website: honeypotRef.current?.value ?? '',
    elapsedMs: Math.round(performance.now() - (shownAt.current ?? performance.now())),
  });

  return { honeypotRef, read };
}

/**
 * The honeypot: off-screen, hidden from assistive technology, out of the tab order and ignored by
 * autofill, so only a bot ever fills it in.
 */
export function Honeypot({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const id = useId();
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={id}>Leave this empty</label>
      <input ref={inputRef} id={id} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
