/** Whether the screen is phone-sized: our admin screens (moderation, subscribers) then show cards instead of a table. */
import * as React from 'react';

const PHONE = '(max-width: 640px)';

export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = React.useState(() => window.matchMedia(PHONE).matches);
  React.useEffect(() => {
    const query = window.matchMedia(PHONE);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
