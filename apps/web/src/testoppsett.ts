import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  // jsdom has no Web Animations; Designsystemet's spinner synchronises its animation through it.
  const ingen = () => [] as Animation[];
  document.getAnimations ??= ingen;
  Element.prototype.getAnimations ??= ingen;
}

// Component tests run in jsdom; the end-to-end suite runs in node, where there is nothing to clean up.
afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
