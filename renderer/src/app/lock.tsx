/**
 * The app lock's state on the renderer's side: the workspace status says whether it is locked; a
 * call the backend answers LOCKED (Electron locked it with the OS) marks it locked, waits for the
 * unlock and then runs again, so no screen ever sees a LOCKED error and nothing is lost. What is
 * drawn while locked is LockLayer.tsx.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Api } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { WorkspaceStatus } from '../../../shared/features/workspace/schema';
import { ConnectionProvider, useConnection } from '../api/context';

export const STATUS_KEY = ['workspace', 'status'] as const;

/** The operations a locked backend still answers; everything else waits for the unlock. */
const WHILE_LOCKED = new Set(['workspace.status', 'workspace.unlock', 'workspace.lock']);

type Method = (input: unknown) => Promise<unknown>;

/** The same API, except that a call answered LOCKED reports the lock, waits until it is lifted and runs again. */
export function guardApi(api: Api, waitForUnlock: () => Promise<void>): Api {
  const guarded: Record<string, Record<string, Method>> = {};
  for (const [ns, methods] of Object.entries(api as unknown as Record<string, Record<string, Method>>)) {
    const out: Record<string, Method> = {};
    for (const [method, call] of Object.entries(methods)) {
      out[method] = WHILE_LOCKED.has(`${ns}.${method}`)
        ? call
        : async (input) => {
            for (;;) {
              try {
                return await call(input);
              } catch (e) {
                // A locked backend did nothing with the call, so running it again after the unlock is safe.
                if (!(e instanceof AppError && e.code === 'LOCKED')) throw e;
                await waitForUnlock();
              }
            }
          };
    }
    guarded[ns] = out;
  }
  return guarded as unknown as Api;
}

interface AppLock {
  state: WorkspaceStatus['state'] | undefined;
  encrypted: boolean;
  locked: boolean;
  /** Locks an encrypted workspace now (a plain one cannot be locked). */
  lockNow(): Promise<void>;
  /**
   * Opens the workspace; throws WRONG_PASSPHRASE and changes nothing when the passphrase is wrong.
   * `remember`: keep the key in this device's keychain (offered at start, Electron only).
   */
  unlock(passphrase: string, remember?: boolean): Promise<WorkspaceStatus>;
}

const LockContext = createContext<AppLock | null>(null);

export function useAppLock(): AppLock {
  const lock = useContext(LockContext);
  if (!lock) throw new Error('useAppLock outside LockProvider');
  return lock;
}

/** Holds the lock state (the workspace status) and gives everything below the guarded API. */
export function LockProvider({ children }: { children: ReactNode }) {
  const connection = useConnection();
  const raw = connection.api;
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => raw.workspace.status({}) });
  const state = status.data?.state;
  const locked = state === 'locked';
  const waiters = useRef<Array<() => void>>([]);

  const waitForUnlock = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiters.current.push(resolve);
        const known = queryClient.getQueryData<WorkspaceStatus>(STATUS_KEY);
        if (known && known.state !== 'locked') queryClient.setQueryData<WorkspaceStatus>(STATUS_KEY, { ...known, state: 'locked', backups: [] });
        else if (!known) void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
      }),
    [queryClient],
  );

  // Once open again, every call that met the lock runs again.
  useEffect(() => {
    if (!status.data || locked) return;
    for (const resume of waiters.current.splice(0)) resume();
  }, [status.data, locked]);

  // Electron may have locked the workspace while the window was in the background (the OS locked or slept).
  useEffect(() => {
    if (!status.data?.encrypted) return;
    const recheck = () => {
      if (document.visibilityState === 'hidden') return;
      raw.workspace.status({}).then(
        (next) => {
          if (next.state === 'locked' && queryClient.getQueryData<WorkspaceStatus>(STATUS_KEY)?.state === 'ready') queryClient.setQueryData(STATUS_KEY, next);
        },
        () => undefined,
      );
    };
    window.addEventListener('focus', recheck);
    document.addEventListener('visibilitychange', recheck);
    return () => {
      window.removeEventListener('focus', recheck);
      document.removeEventListener('visibilitychange', recheck);
    };
  }, [raw, queryClient, status.data?.encrypted]);

  const lockNow = useCallback(async () => {
    queryClient.setQueryData(STATUS_KEY, await raw.workspace.lock({}));
  }, [raw, queryClient]);
  const unlock = useCallback(
    async (passphrase: string, remember?: boolean) => {
      const next = await raw.workspace.unlock({ passphrase, ...(remember ? { remember } : {}) });
      queryClient.setQueryData(STATUS_KEY, next);
      return next;
    },
    [raw, queryClient],
  );

  const guarded = useMemo(() => ({ ...connection, api: guardApi(raw, waitForUnlock) }), [connection, raw, waitForUnlock]);
  const value = useMemo<AppLock>(
    () => ({ state, encrypted: status.data?.encrypted ?? false, locked, lockNow, unlock }),
    [state, status.data?.encrypted, locked, lockNow, unlock],
  );
  return (
    <LockContext.Provider value={value}>
      <ConnectionProvider value={guarded}>{children}</ConnectionProvider>
    </LockContext.Provider>
  );
}
