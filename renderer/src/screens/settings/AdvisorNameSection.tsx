/**
 * Settings → Your name: the advisor's own name as it appears as assignee on tasks. "My work" on the
 * dashboard lists the tasks assigned to it (everyone's while it is empty), and a new task starts
 * assigned to it. Saved with its own button (or Enter), so typing never writes half a name.
 */
import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/features/workspace/schema';
import { useApi } from '../../api/context';
import { describeError } from '../../lib/errors';
import { notifyError, notifySuccess } from '../../lib/notify';

export function AdvisorNameSection({ saved }: { saved: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState(saved ?? '');
  // The stored name arrives after the first render, and comes back trimmed after a save.
  useEffect(() => setName(saved ?? ''), [saved]);
  const save = useMutation({
    mutationFn: (advisorName: string) => api.settings.update({ advisorName }),
    onSuccess: async (next: Settings) => {
      queryClient.setQueryData(['settings'], next);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'dashboard' || q.queryKey[0] === 'myWork' });
      notifySuccess(t('settings.advisorNameSaved'));
    },
    onError: (e) => notifyError(describeError(t, e)),
  });
  const changed = name.trim() !== (saved ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changed && !save.isPending) save.mutate(name);
  };

  return (
    <form onSubmit={submit} aria-labelledby="advisor-name-label">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          id="advisor-name"
          label={<span id="advisor-name-label">{t('settings.advisorName')}</span>}
          description={t('settings.advisorNameHelp')}
          value={name}
          maxLength={120}
          autoComplete="name"
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button type="submit" variant="default" disabled={!changed} loading={save.isPending}>
          {t('settings.advisorNameSave')}
        </Button>
      </Group>
    </form>
  );
}
