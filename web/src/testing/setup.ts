import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetApiStub } from './api-stub';

beforeEach(() => {
  // jsdom does not implement scrolling; the router restores scroll positions on navigation.
  window.scrollTo = () => {};
});

afterEach(() => {
  cleanup();
  resetApiStub();
  localStorage.clear();
  document.head.innerHTML = '';
});
