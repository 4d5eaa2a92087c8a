import { useEffect, useState } from 'react';

function shareTargets(url: string, title: string) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
  ];
}

type CopyState = 'idle' | 'copied' | 'failed';

function CopyLinkButton({ url }: { url: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed'); // no clipboard access (older browser, insecure page, permission denied)
    }
  };

  return (
    <>
      <button type="button" className="share__button" onClick={copy}>
        Copy link
      </button>
      <span role="status" className="share__status">
        {state === 'copied' && 'Link copied'}
        {state === 'failed' && `Couldn’t copy. The link is ${url}`}
      </span>
    </>
  );
}

/** "Share on social media": links that open each network's own share page; no third-party scripts. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  return (
    <section aria-labelledby="share-heading">
      <h2 id="share-heading">Share on social media</h2>
      <ul className="share__list">
        {shareTargets(url, title).map(({ name, href }) => (
          <li key={name}>
            <a
              className="share__button"
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`Share on ${name} (opens in a new tab)`}
            >
              {name}
            </a>
          </li>
        ))}
        <li>
          <a
            className="share__button"
            href={`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`}
            aria-label="Share by e-mail"
          >
            E-mail
          </a>
        </li>
        <li>
          <CopyLinkButton url={url} />
        </li>
      </ul>
    </section>
  );
}
