import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { notify, notifyError } from '../lib/notify';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/errors';
import { useApi } from '../api/context';
import { describeError } from '../lib/errors';
import { useCommand } from './commands';

export interface UndoOfferOptions {
  /** Called once the offered undo has been applied, whichever route applied it (toast, Ctrl+Z or `run`). */
  onUndone?: () => void;
}

export interface UndoApi {
  /** Shows "… deleted. Undo" and remembers the token for Ctrl+Z. */
  offer(message: string, undoId: string, options?: UndoOfferOptions): void;
  /**
   * Applies one offered undo from a screen's own button: its toast goes, Ctrl+Z no longer points at
   * it, and its `onUndone` runs. Rejects with the reason when it cannot be applied (already undone,
   * changed since); the caller shows that where the person is looking.
   */
  run(undoId: string): Promise<void>;
}

const UndoContext = createContext<UndoApi | null>(null);

export function UndoProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const last = useRef<string | null>(null);
  const offers = useRef(new Map<string, UndoOfferOptions>());
  /** Undos applied (or being applied) from this window: a second try is told "already undone". */
  const applied = useRef(new Set<string>());

  const apply = useCallback(
    async (undoId: string) => {
      if (applied.current.has(undoId)) {
        throw new AppError('NOT_FOUND', 'This undo was already applied.', { messageKey: { key: 'errors.alreadyUndone' } });
      }
      // Marked at once, so a second route pressed in the same instant is told, not sent.
      applied.current.add(undoId);
      notifications.hide(`undo-${undoId}`);
      if (last.current === undoId) last.current = null;
      let label: string;
      try {
        ({ label } = await api.undo.apply({ undoId }));
      } catch (e) {
        applied.current.delete(undoId);
        throw e;
      }
      const offered = offers.current.get(undoId);
      offers.current.delete(undoId);
      offered?.onUndone?.();
      await queryClient.invalidateQueries();
      return label;
    },
    [api, queryClient],
  );

  /** The toast's button and Ctrl+Z: the outcome is told in a notice. */
  const undoFromNotice = useCallback(
    async (undoId: string) => {
      try {
        const label = await apply(undoId);
        notify({ message: t('cases.restored', { label }), color: 'teal' });
      } catch (e) {
        notifyError(describeError(t, e));
      }
    },
    [apply, t],
  );

  const offer = useCallback(
    (message: string, undoId: string, options: UndoOfferOptions = {}) => {
      last.current = undoId;
      offers.current.set(undoId, options);
      notify({
        id: `undo-${undoId}`,
        autoClose: 10_000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" style={{ minWidth: 0 }}>
              {message}
            </Text>
            <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => void undoFromNotice(undoId)}>
              {t('common.undo')}
            </Button>
          </Group>
        ),
      });
    },
    [t, undoFromNotice],
  );

  const run = useCallback(
    async (undoId: string) => {
      await apply(undoId);
    },
    [apply],
  );

  useCommand(
    'undo.last',
    useCallback(() => {
      if (last.current) void undoFromNotice(last.current);
    }, [undoFromNotice]),
  );

  const value = useMemo(() => ({ offer, run }), [offer, run]);
  return <UndoContext.Provider value={value}>{children}</UndoContext.Provider>;
}

export function useUndo(): UndoApi {
  const u = useContext(UndoContext);
  if (!u) throw new Error('useUndo outside UndoProvider');
  return u;
}
