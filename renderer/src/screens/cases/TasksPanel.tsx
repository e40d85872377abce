import { ActionIcon, Autocomplete, Badge, Button, Checkbox, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { useUndo } from '../../app/undo';
import { describeError, fieldErrors } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { useLanguage } from '../../app/language';

/**
 * A case's tasks: tick off, add with due date and assignee (the advisor's own name from Settings
 * unless another is typed), delete with undo; overdue ones stand out.
 */
export function TasksPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const tasks = useQuery({ queryKey: ['tasks', caseId], queryFn: () => api.tasks.list({ caseId }) });
  const vocabulary = useVocabulary();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
  // Until the user types one, a new task is assigned to the advisor's own name from Settings (if set).
  const [typedAssignee, setAssignee] = useState<string | null>(null);
  const assignee = typedAssignee ?? settings.data?.advisorName ?? '';
  const [errors, setErrors] = useState<Record<string, string>>({});

  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'tasks' || q.queryKey[0] === 'cases' });
  const add = useMutation({
    mutationFn: () => api.tasks.create({ caseId, title, dueOn, assignee }),
    onSuccess: async () => {
      setTitle('');
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
    mutationFn: (task: { id: string; revision: number; done: boolean }) => api.tasks.update({ id: task.id, revision: task.revision, changes: { done: !task.done } }),
    onSuccess: refresh,
    onError: (e) => notifyError(describeError(t, e)),
  });
  const remove = useMutation({
    mutationFn: (task: { id: string; revision: number }) => api.tasks.delete(task),
    onSuccess: async ({ undoId }) => {
      await refresh();
      undo.offer(t('tasks.deleted'), undoId);
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  return (
    <Stack gap="sm">
      {tasks.data?.length ? (
        <ul className="task-list" aria-label={t('tasks.title')}>
          {tasks.data.map((task) => (
            <li key={task.id} className="task-row" data-done={task.done || undefined}>
              <Checkbox
                checked={task.done}
                onChange={() => toggle.mutate(task)}
                aria-label={task.done ? t('tasks.markOpen', { title: task.title }) : t('tasks.markDone', { title: task.title })}
              />
              <div className="task-main">
                <Text size="sm" td={task.done ? 'line-through' : undefined} c={task.done ? 'dimmed' : undefined}>
                  {task.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {[task.assignee, task.done && task.doneOn ? t('tasks.doneOn', { date: formatDate(task.doneOn, lang) }) : null].filter(Boolean).join(' · ')}
                </Text>
              </div>
              <Group gap={6} wrap="nowrap">
                {task.overdue ? (
                  <Badge color="red" size="sm" variant="light">
                    {t('tasks.overdue')}
                  </Badge>
                ) : null}
                <Text size="xs" className={task.overdue ? 'overdue' : undefined}>
                  {task.dueOn ? formatDate(task.dueOn, lang) : '—'}
                </Text>
                <Tooltip label={t('tasks.deleteTask', { title: task.title })}>
                  <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('tasks.deleteTask', { title: task.title })} onClick={() => remove.mutate(task)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm" c="dimmed">
          {t('tasks.empty')}
        </Text>
      )}
      <form
        className="task-add"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <TextInput label={t('tasks.newTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        <DateInput
          label={t('tasks.dueOn')}
          valueFormat="YYYY-MM-DD"
          value={dueOn}
          onChange={setDueOn}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          error={errors.dueOn}
        />
        <Autocomplete label={t('tasks.assignee')} data={vocabulary.data?.owners ?? []} value={assignee} onChange={setAssignee} />
        <Button type="submit" leftSection={<IconPlus size={14} />} loading={add.isPending} variant="light">
          {t('tasks.add')}
        </Button>
      </form>
    </Stack>
  );
}
