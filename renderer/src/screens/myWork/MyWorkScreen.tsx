/**
 * My work (`/my-work`, issue 14): tasks from every case — debrief follow-ups with the meeting and
 * trip they came from — and follow-up reminders on people, mine or everyone's (remembered), in
 * groups: overdue, today, this week, later or undated, done today. Each row opens its case (or the
 * person); its checkbox ticks it off through tasks.update / reminders.update with the revision, and
 * the notice offers Undo (the same update back). One call, `myWork.list`.
 */
import { Alert, Anchor, Badge, Button, Checkbox, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { myWorkGroups, type MyWorkGroupName, type MyWorkItem, type MyWorkScope, type MyWorkView } from '../../../../shared/features/myWork/schema';
import { useApi } from '../../api/context';
import { screenHeading } from '../../app/focus';
import { useLanguage } from '../../app/language';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { notify, notifyError } from '../../lib/notify';
import { usePersistentState } from '../../lib/usePersistentState';

const isScope = (v: unknown): v is MyWorkScope => v === 'mine' || v === 'everyone';

/** Everything that shows tasks or reminders asks again after a tick. */
const refreshKeys = new Set(['myWork', 'tasks', 'cases', 'dashboard', 'reminders']);

export function MyWorkScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const [scope, setScope] = usePersistentState<MyWorkScope>('myWork.scope', 'mine', isScope);
  const work = useQuery({ queryKey: ['myWork', scope], queryFn: () => api.myWork.list({ scope }), staleTime: 0 });
  const d = work.data;
  return (
    <div className="page my-work-page">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <div>
            <Title order={1} size="h3" id="my-work-title" {...screenHeading}>
              {t('myWork.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('myWork.description')}
            </Text>
          </div>
          <SegmentedControl
            aria-label={t('myWork.scope')}
            value={scope}
            onChange={(v) => setScope(v as MyWorkScope)}
            data={[
              { value: 'mine', label: t('myWork.mine') },
              { value: 'everyone', label: t('myWork.everyone') },
            ]}
          />
        </Group>
        {d && scope === 'mine' ? (
          <Text size="sm" c="dimmed">
            {d.assignee ? t('myWork.mineOf', { name: d.assignee }) : t('myWork.noName')}
          </Text>
        ) : null}
        {work.isPending ? <Loader aria-label={t('common.loading')} /> : null}
        {work.isError ? (
          <Alert color="red" title={t('myWork.loadFailed')}>
            {describeError(t, work.error)}
          </Alert>
        ) : null}
        {d ? myWorkGroups.map((g) => <WorkGroup key={g} name={g} view={d} />) : null}
      </Stack>
    </div>
  );
}

function WorkGroup({ name, view }: { name: MyWorkGroupName; view: MyWorkView }) {
  const { t } = useTranslation();
  const group = view.groups[name];
  const headingId = `my-work-${name}`;
  return (
    <section className="my-work-group" aria-labelledby={headingId} data-group={name}>
      <Group gap="xs" align="baseline">
        <Title order={2} size="h5" id={headingId}>
          {t(`myWork.groups.${name}`)}
        </Title>
        <Text size="xs" c="dimmed">
          {t('myWork.count', { count: group.total })}
        </Text>
      </Group>
      {group.items.length ? (
        <ul className="task-list my-work-list">
          {group.items.map((item) => (
            <WorkRow key={`${item.kind}-${item.id}`} item={item} overdue={name === 'overdue'} />
          ))}
        </ul>
      ) : (
        <Text size="sm" c="dimmed">
          {t('myWork.groupEmpty')}
        </Text>
      )}
      {group.total > group.items.length ? (
        <Text size="xs" c="dimmed">
          {t('myWork.more', { count: group.total - group.items.length })}
        </Text>
      ) : null}
    </section>
  );
}

function WorkRow({ item, overdue }: { item: MyWorkItem; overdue: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => refreshKeys.has(String(q.queryKey[0])) });

  /** Ticks the item off (or on again) through its own update operation; what it answers is its new revision and state. */
  const setDone = async (id: string, revision: number, done: boolean): Promise<{ revision: number; done: boolean }> =>
    item.kind === 'task' ? await api.tasks.update({ id, revision, changes: { done } }) : await api.reminders.update({ id, revision, changes: { done } });

  const undo = useMutation({
    mutationFn: (r: { revision: number; done: boolean }) => setDone(item.id, r.revision, r.done),
    onSuccess: async (_, r) => {
      await refresh();
      notify({ message: r.done ? t('myWork.markedDone', { title: item.title }) : t('myWork.reopened', { title: item.title }), color: 'teal' });
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  const toggle = useMutation({
    mutationFn: () => setDone(item.id, item.revision, !item.done),
    onSuccess: async (saved) => {
      await refresh();
      const noticeId = `my-work-${item.id}-${saved.revision}`;
      notify({
        id: noticeId,
        autoClose: 10_000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" style={{ minWidth: 0 }}>
              {saved.done ? t('myWork.markedDone', { title: item.title }) : t('myWork.reopened', { title: item.title })}
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              style={{ flexShrink: 0 }}
              onClick={() => {
                notifications.hide(noticeId);
                undo.mutate({ revision: saved.revision, done: !saved.done });
              }}
            >
              {t('common.undo')}
            </Button>
          </Group>
        ),
      });
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  const where =
    item.kind === 'task' ? (
      <>
        <Anchor component={Link} to={`/cases/${item.caseId}`} size="sm">
          {item.title}
        </Anchor>
        <Text size="xs" c="dimmed" className="ellipsis">
          {item.caseReference} {item.caseTitle}
          {item.from ? ` · ${t('myWork.fromDebrief', { meeting: item.from.meetingTitle, trip: item.from.tripTitle })}` : ''}
          {item.assignee ? ` · ${item.assignee}` : ''}
        </Text>
      </>
    ) : (
      <>
        <Anchor component={Link} to={`/contacts/${item.contactId}`} size="sm">
          {item.title}
        </Anchor>
        <Text size="xs" c="dimmed" className="ellipsis">
          {t('myWork.onPerson', { name: item.contactName })}
          {item.assignee ? ` · ${item.assignee}` : ''}
        </Text>
      </>
    );

  return (
    <li className="task-row my-work-row" data-done={item.done || undefined} data-kind={item.kind}>
      <Checkbox
        checked={item.done}
        disabled={toggle.isPending}
        onChange={() => toggle.mutate()}
        aria-label={item.done ? t('myWork.markOpen', { title: item.title }) : t('myWork.markDone', { title: item.title })}
      />
      <div className="task-main">{where}</div>
      <Group gap={6} wrap="nowrap">
        <Badge size="sm" variant="light" color={item.kind === 'task' ? 'blue' : 'grape'}>
          {item.kind === 'task' ? t('myWork.task') : t('myWork.reminder')}
        </Badge>
        <Text size="xs" className={overdue ? 'overdue' : undefined}>
          {item.dueOn ? t('myWork.due', { date: formatDate(item.dueOn, lang) }) : t('myWork.noDate')}
        </Text>
      </Group>
    </li>
  );
}
