/**
 * Resolves once `element` comes within a screen's height of the viewport, the reader focuses or
 * touches something in it, or `signal` aborts: the moment to load and run its code. At once where
 * there is nothing to wait for (no element, no IntersectionObserver).
 */
export function whenNear(element: Element | null, signal?: AbortSignal): Promise<void> {
  if (!element || typeof IntersectionObserver === 'undefined' || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const near = () => {
      observer.disconnect();
      element.removeEventListener('focusin', near);
      element.removeEventListener('pointerdown', near);
      signal?.removeEventListener('abort', near);
      resolve();
    };
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && near(), {
      rootMargin: '100% 0px',
    });
    observer.observe(element);
    element.addEventListener('focusin', near);
    element.addEventListener('pointerdown', near);
    signal?.addEventListener('abort', near);
  });
}
