import { useEffect } from 'react';
import { problemOf, type Problem } from '@/lib/api-error';

function messageFor(problem: Problem) {
  switch (problem) {
    case 'offline':
      // The server (no navigator) only renders this when it cannot reach the CMS: not the reader's connection.
      return typeof navigator === 'undefined' || navigator.onLine
        ? {
            title: 'We can’t reach the blog right now',
            text: 'Your connection may be weak, or our server may be down for a moment. Check your connection and try again.',
          }
        : {
            title: 'You’re offline',
            text: 'Check your internet connection. We’ll try again as soon as you’re back online.',
          };
    case 'server':
      return {
        title: 'Something went wrong on our side',
        text: 'Our server had a problem loading this. Please try again in a moment.',
      };
    case 'unexpected':
      return {
        title: 'This couldn’t be loaded',
        text: 'Please try again. If it keeps happening, let us know through the Quick Enquiry page.',
      };
  }
}

interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  /** A whole page failed (its message is the page's heading) or just one part of it. */
  scope?: 'page' | 'section';
}

/** Tells the reader what went wrong in plain words, with a way to try again. */
export function ErrorState({ error, onRetry, scope = 'section' }: ErrorStateProps) {
  const problem = problemOf(error);
  const { title, text } = messageFor(problem);

  useEffect(() => {
    if (problem !== 'offline') return;
    window.addEventListener('online', onRetry);
    return () => window.removeEventListener('online', onRetry);
  }, [problem, onRetry]);

  return (
    <div className={`error-state error-state--${scope}`} role="alert">
      {scope === 'page' ? <h1>{title}</h1> : <p className="error-state__title">{title}</p>}
      <p>{text}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
