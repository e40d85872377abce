import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useRef, type ReactNode } from 'react';
import { notify, notifyError } from '../lib/notify';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { describeError } from '../lib/errors';
import { useCommand } from './commands';

interface UndoApi {
  /** Shows "… deleted. Undo" and remembers the token for Ctrl+Z. */
  offer(message: string, undoId: string): void;
}

const UndoContext = createContext<UndoApi | null>(null);

export function UndoProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const last = useRef<{ undoId: string; notificationId: string } | null>(null);

  const undo = useCallback(
    async (undoId: string, notificationId: string) => {
      notifications.hide(notificationId);
      if (last.current?.undoId === undoId) last.current = null;
      try {
        const { label } = await api.undo.apply({ undoId });
        await queryClient.invalidateQueries();
        notify({ message: t('cases.restored', { label }), color: 'teal' });
      } catch (e) {
        notifyError(describeError(t, e));
      }
    },
    [api, queryClient, t],
  );

  const offer = useCallback(
    (message: string, undoId: string) => {
      const notificationId = `undo-${undoId}`;
      last.current = { undoId, notificationId };
      notify({
        id: notificationId,
        autoClose: 10_000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{message}</Text>
            <Button size="compact-sm" variant="light" onClick={() => void undo(undoId, notificationId)}>
              {t('common.undo')}
            </Button>
          </Group>
        ),
      });
    },
    [t, undo],
  );

  useCommand(
    'undo.last',
    useCallback(() => {
      if (last.current) void undo(last.current.undoId, last.current.notificationId);
    }, [undo]),
  );

  return <UndoContext.Provider value={{ offer }}>{children}</UndoContext.Provider>;
}

export function useUndo(): UndoApi {
  const u = useContext(UndoContext);
  if (!u) throw new Error('useUndo outside UndoProvider');
  return u;
}
