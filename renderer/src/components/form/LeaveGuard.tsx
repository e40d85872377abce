import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useConnection } from '../../api/context';
import { DiscardDialog } from './DiscardDialog';

interface Props {
  /** Unsaved changes that leaving would throw away (false while they are being saved). */
  when: boolean;
  /** What would be lost, when the general sentence is not enough. */
  body?: string;
}

/**
 * While an editor holds unsaved changes, every way out of it asks first: Cancel, the sidebar, the
 * palette, a shortcut, a link. In the web host, closing or reloading the tab asks too (Electron
 * would block its window's close silently, so there the guard is the in-app one).
 */
export function LeaveGuard({ when, body }: Props) {
  const { shell } = useConnection();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!when || shell !== 'web') return;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [when, shell]);

  return <DiscardDialog opened={blocker.state === 'blocked'} body={body} onKeep={() => blocker.reset?.()} onDiscard={() => blocker.proceed?.()} />;
}
