/**
 * Follow-up reminders on a person (issue 14), on their page: add one (text, day, for whom — the
 * advisor's own name from Settings unless another is typed), tick it off, delete it with Undo.
 * They appear on My work and on the dashboard from their day on.
 */
import { ActionIcon, Autocomplete, Badge, Button, Checkbox, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { useLanguage } from '../../app/language';
import { useUndo } from '../../app/undo';
import { DetailSection } from '../../components/detail/sections';
import { describeError, fieldErrors } from '../../lib/errors';
import { dateInputProps } from '../../lib/dateInput';
import { formatDate, todayIso } from '../../lib/format';
import { notifyError } from '../../lib/notify';

/** Everything that shows reminders asks again after a change. */
const refreshKeys = new Set(['reminders', 'myWork', 'dashboard']);

export function RemindersPanel({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const reminders = useQuery({ queryKey: ['reminders', contactId], queryFn: () => api.reminders.list({ contactId }) });
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
  const vocabulary = useVocabulary();
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [typedAssignee, setAssignee] = useState<string | null>(null);
  const assignee = typedAssignee ?? settings.data?.advisorName ?? '';
  const [errors, setErrors] = useState<Record<string, string>>({});
  const today = todayIso();

  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => refreshKeys.has(String(q.queryKey[0])) });
  const add = useMutation({
    mutationFn: () => api.reminders.create({ contactId, text, dueOn: dueOn ?? '', assignee }),
    onSuccess: async () => {
      setText('');
      setDueOn(null);
      setErrors({});
      await refresh();
    },
    onError: (e) => {
      setErrors(fieldErrors(t, e));
      notifyError(describeError(t, e));
    },
  });
  const toggle = useMutation({
    mutationFn: (r: { id: string; revision: number; done: boolean }) => api.reminders.update({ id: r.id, revision: r.revision, changes: { done: !r.done } }),
    onSuccess: refresh,
    onError: (e) => notifyError(describeError(t, e)),
  });
  const remove = useMutation({
    mutationFn: (r: { id: string; revision: number }) => api.reminders.delete({ id: r.id, revision: r.revision }),
    onSuccess: async ({ undoId }) => {
      await refresh();
      undo.offer(t('reminders.deleted'), undoId, { onUndone: () => void refresh() });
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  return (
    <DetailSection id="contact-reminders-title" title={t('reminders.title')} mt="lg">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('reminders.description')}
        </Text>
        {reminders.data?.length ? (
          <ul className="task-list" aria-label={t('reminders.listLabel')}>
            {reminders.data.map((r) => {
              const due = !r.done && r.dueOn <= today;
              return (
                <li key={r.id} className="task-row" data-done={r.done || undefined}>
                  <Checkbox
                    checked={r.done}
                    onChange={() => toggle.mutate(r)}
                    aria-label={r.done ? t('reminders.markOpen', { text: r.text }) : t('reminders.markDone', { text: r.text })}
                  />
                  <div className="task-main">
                    <Text size="sm" td={r.done ? 'line-through' : undefined} c={r.done ? 'dimmed' : undefined}>
                      {r.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[r.assignee, r.done && r.doneOn ? t('reminders.doneOn', { date: formatDate(r.doneOn, lang) }) : null].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                  <Group gap={6} wrap="nowrap">
                    {due ? (
                      <Badge color="red" size="sm" variant="light">
                        {t('reminders.overdue')}
                      </Badge>
                    ) : null}
                    <Text size="xs">{formatDate(r.dueOn, lang)}</Text>
                    <Tooltip label={t('reminders.deleteReminder', { text: r.text })}>
                      <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('reminders.deleteReminder', { text: r.text })} onClick={() => remove.mutate(r)}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </li>
              );
            })}
          </ul>
        ) : (
          <Text size="sm" c="dimmed">
            {t('reminders.empty')}
          </Text>
        )}
        <form
          className="task-add"
          aria-label={t('reminders.add')}
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <TextInput label={t('reminders.text')} placeholder={t('reminders.textPlaceholder')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={300} error={errors.text} />
          <DateInput label={t('reminders.dueOn')} {...dateInputProps} value={dueOn} onChange={setDueOn} error={errors.dueOn} />
          <Autocomplete label={t('reminders.assignee')} data={vocabulary.data?.owners ?? []} value={assignee} onChange={setAssignee} />
          <Button type="submit" leftSection={<IconPlus size={14} />} loading={add.isPending} variant="light">
            {t('reminders.add')}
          </Button>
        </form>
      </Stack>
    </DetailSection>
  );
}
