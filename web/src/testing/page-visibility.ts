/**
 * The page hidden as a browser hides it (another tab, the phone locked, the page left): its
 * visibilityState becomes "hidden" and a bubbling visibilitychange reaches document and window.
 */
export function hidePage(): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

/** The page shown again (jsdom's own "visible"). */
export function showPage(): void {
  Reflect.deleteProperty(document, 'visibilityState');
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}
