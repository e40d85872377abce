import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { DiscardDialog } from './DiscardDialog';

interface Props {
  /** Unsaved changes that leaving would throw away (false while they are being saved). */
  when: boolean;
  /** What would be lost, when the general sentence is not enough. */
  body?: string;
}

/**
 * While an editor holds unsaved changes, every way out of it asks first: Cancel, the sidebar, the
 * palette, a shortcut, a link. Closing or reloading asks too: the browser asks in the web host, and
 * Electron's main process asks when the page cancels its unload (`askBeforeDiscarding`).
 */
export function LeaveGuard({ when, body }: Props) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!when) return;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [when]);

  return <DiscardDialog opened={blocker.state === 'blocked'} body={body} onKeep={() => blocker.reset?.()} onDiscard={() => blocker.proceed?.()} />;
}
