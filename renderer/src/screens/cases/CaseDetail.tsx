import { Alert, Anchor, Badge, Button, Group, List, Loader, Tabs, Text, Title } from '@mantine/core';
import { IconEdit, IconFileTypePdf, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { countryName } from '../../../../shared/domain/countries';
import { languageFromTag } from '../../../../shared/i18n';
import { useApi } from '../../api/context';
import { useCommand } from '../../app/commands';
import { DeleteDialog } from '../../components/DeleteDialog';
import { StatusBadge } from '../../components/StatusBadge';
import { Timeline } from '../../components/Timeline';
import { downloadBase64 } from '../../lib/download';
import { describeError } from '../../lib/errors';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { TasksPanel } from './TasksPanel';

const tags = (values: string[]) =>
  values.length ? (
    <Group gap={4}>
      {values.map((v) => (
        <Badge key={v} variant="outline" radius="sm" size="sm" tt="none">
          {v}
        </Badge>
      ))}
    </Group>
  ) : (
    '—'
  );

const links = (items: Array<{ id: string; label: string }>, base: string) =>
  items.length ? (
    <span>
      {items.map((i, n) => (
        <span key={i.id}>
          {n > 0 ? ', ' : ''}
          <Anchor component={Link} to={`${base}/${i.id}`} size="sm">
            {i.label}
          </Anchor>
        </span>
      ))}
    </span>
  ) : (
    '—'
  );

export function CaseDetail() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = languageFromTag(i18n.language);
  const api = useApi();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [tab, setTab] = useState<string | null>('overview');

  const query = useQuery({ queryKey: ['cases', 'get', id], queryFn: () => api.cases.get({ id }) });
  const related = useQuery({ queryKey: ['cases', 'related', id], queryFn: () => api.cases.related({ id }) });
  const tasks = useQuery({ queryKey: ['tasks', id], queryFn: () => api.tasks.list({ caseId: id }) });
  const c = query.data;

  const exportPdf = useMutation({
    mutationFn: () => api.cases.exportBriefing({ id, language: lang }),
    onSuccess: (result) => {
      if (result.delivery === 'download') {
        downloadBase64(result.fileName, result.mime, result.base64);
        notifySuccess(t('cases.downloaded', { fileName: result.fileName }));
      } else if (result.delivery === 'saved') {
        notifySuccess(t('cases.exported', { path: result.path }));
      }
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  useCommand(
    'case.exportBriefing',
    useCallback(() => {
      if (c && !exportPdf.isPending) exportPdf.mutate();
    }, [c, exportPdf]),
  );

  if (query.isPending) return <Loader aria-label={t('common.loading')} m="xl" />;
  if (query.isError || !c) {
    return (
      <Alert color="red" m="md" role="alert">
        {describeError(t, query.error)}
      </Alert>
    );
  }

  const r = related.data;
  const openTasks = tasks.data?.filter((x) => !x.done).length ?? 0;
  const overdueTasks = tasks.data?.filter((x) => x.overdue).length ?? 0;
  const overdue = c.dueOn !== null && c.dueOn < todayIso() && c.status !== 'closed';
  const facts: Array<[string, ReactNode]> = [
    [t('cases.fields.client'), r?.client ? links([{ id: r.client.id, label: r.client.name }], '/organisations') : c.client || '—'],
    [t('cases.fields.clientContacts'), links((r?.clientContacts ?? []).map((x) => ({ id: x.id, label: x.name })), '/contacts')],
    [t('cases.fields.partners'), links((r?.partners ?? []).map((x) => ({ id: x.id, label: x.name })), '/organisations')],
    [t('cases.fields.countries'), c.countries.map((k) => countryName(k, lang)).join(', ') || '—'],
    [t('cases.fields.topics'), tags(c.topics)],
    [t('cases.fields.fundingInstruments'), tags(c.fundingInstruments)],
    [t('cases.fields.priority'), t(`cases.priority.${c.priority}`)],
    [t('cases.fields.owner'), c.owner || '—'],
    [t('cases.fields.openedOn'), formatDate(c.openedOn, lang)],
    [t('cases.fields.dueOn'), <span className={overdue ? 'overdue' : undefined}>{formatDate(c.dueOn, lang)}</span>],
    [t('cases.fields.updatedAt'), formatDateTime(c.updatedAt, lang)],
  ];

  return (
    <article className="detail" aria-labelledby="case-title">
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap="xs">
          <Text className="mono" size="sm" c="dimmed">
            {c.reference}
          </Text>
          <StatusBadge status={c.status} />
        </Group>
        <Group gap={6} wrap="nowrap" role="toolbar" aria-label={t('cases.actions')}>
          <Button size="xs" variant="default" leftSection={<IconEdit size={15} />} onClick={() => navigate(`/cases/${id}/edit`)}>
            {t('common.edit')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconFileTypePdf size={15} />} loading={exportPdf.isPending} onClick={() => exportPdf.mutate()}>
            {t('cases.exportBriefing')}
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={15} />} onClick={() => setConfirming(true)}>
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      <Title order={2} size="h3" id="case-title">
        {c.title}
      </Title>

      <Tabs value={tab} onChange={setTab} mt="md" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('cases.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab
            value="tasks"
            rightSection={
              openTasks ? (
                <Badge size="xs" circle={!overdueTasks} color={overdueTasks ? 'red' : 'gray'} variant={overdueTasks ? 'filled' : 'light'}>
                  {openTasks}
                </Badge>
              ) : null
            }
          >
            {t('tasks.title')}
          </Tabs.Tab>
          <Tabs.Tab value="timeline">{t('timeline.title')}</Tabs.Tab>
          <Tabs.Tab value="notes" rightSection={r?.notes.length ? <Badge size="xs" variant="light" color="gray">{r.notes.length}</Badge> : null}>
            {t('notes.title')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="overview" pt="md">
          <dl className="facts">
            {facts.map(([label, value]) => (
              <div key={label} className="fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <section aria-labelledby="summary-title">
            <Title order={3} size="h5" id="summary-title" mb={4}>
              {t('cases.fields.summary')}
            </Title>
            <Text className="prose" size="sm">
              {c.summary || '—'}
            </Text>
          </section>
          <section aria-labelledby="status-history-title">
            <Title order={3} size="h5" id="status-history-title" mt="lg" mb={4}>
              {t('cases.fields.statusHistory')}
            </Title>
            <List size="sm" spacing={2}>
              {[...c.statusHistory].reverse().map((s, i) => (
                <List.Item key={`${s.on}-${i}`}>
                  {formatDate(s.on, lang)} — {t(`cases.status.${s.status}`)}
                </List.Item>
              ))}
            </List>
          </section>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <TasksPanel caseId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <Timeline caseId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          {r?.notes.length ? (
            <List size="sm" spacing={4}>
              {r.notes.map((n) => (
                <List.Item key={n.id}>
                  <Anchor component={Link} to={`/notes/${n.id}`} size="sm">
                    {n.title}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {t(`notes.kinds.${n.kind}`, { defaultValue: n.kind })} · {t(`notes.statuses.${n.status}`, { defaultValue: n.status })}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('cases.noNotes')}
            </Text>
          )}
        </Tabs.Panel>
      </Tabs>

      <DeleteDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        recordKey={`case-${id}-${c.revision}`}
        impact={() => api.cases.deleteImpact({ id })}
        remove={() => api.cases.delete({ id, revision: c.revision })}
        onDeleted={() => navigate('/cases')}
      />
    </article>
  );
}
