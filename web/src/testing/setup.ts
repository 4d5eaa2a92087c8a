import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { discardInsight } from '@/features/insight/api/beacon';
import { forgetPageViews } from '@/features/insight/api/page-views';
import { forgetVitals } from '@/features/insight/api/vitals';
import { resetApiStub } from './api-stub';
import { takeUnrecorded } from './fake-cms-requests';

// Tests of the server's code run in Node (`// @vitest-environment node`), without a DOM.
const hasDom = typeof window !== 'undefined';

// Pages load their code lazily (and the forms their validation): give them time on a busy machine.
configure({ asyncUtilTimeout: 4000 });

// jsdom has <dialog> without its behaviour. What the app relies on, as browsers do it: showModal()
// opens it, close() closes it and fires "close", Escape fires "cancel" and closes the top one.
// (The e2e tests check the real thing in Chromium: focus trapping, Escape, focus return.)
if (hasDom && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) return;
    this.open = true;
    const first = this.querySelector<HTMLElement>('input:not([tabindex="-1"]), select, textarea, button, a[href]');
    first?.focus();
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.open = false;
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.dispatchEvent(new Event('close'));
  };
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const dialogs = document.querySelectorAll('dialog[open]');
    const top = dialogs[dialogs.length - 1] as HTMLDialogElement | undefined;
    if (top && top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
  });
}

beforeEach(() => {
  if (!hasDom) return;
  // jsdom does not implement scrolling; the router restores scroll positions on navigation.
  window.scrollTo = () => {};
});

afterEach(() => {
  resetApiStub();
  // A request the fake CMS answered without the contract test checking the real CMS answers it so.
  const unrecorded = takeUnrecorded();
  if (unrecorded.length) throw new Error(unrecorded.join('\n'));
  if (!hasDom) return;
  cleanup();
  // Each test is a new page load: nothing queued for the insight beacon, the next view the first.
  Reflect.deleteProperty(document, 'visibilityState');
  discardInsight();
  forgetPageViews();
  forgetVitals();
  localStorage.clear();
  sessionStorage.clear();
  document.head.innerHTML = '';
});
