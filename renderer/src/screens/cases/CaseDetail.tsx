import { Badge, Button, Group, List, Tabs, Text } from '@mantine/core';
import { IconFileTypePdf, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { useApi } from '../../api/context';
import { useCommand } from '../../app/commands';
import { DetailHeader } from '../../components/detail/DetailHeader';
import { Facts, LinkList, Tags, type Fact } from '../../components/detail/Facts';
import { DetailSection, NoteLinks } from '../../components/detail/sections';
import { TripMentions } from '../../components/detail/TripMentions';
import { CooperationMentions } from '../cooperations/CooperationMentions';
import { RecordFallback } from '../../components/RecordFallback';
import { StatusBadge } from '../../components/StatusBadge';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { Timeline } from '../../components/Timeline';
import { deliver } from '../../lib/download';
import { describeError } from '../../lib/errors';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { TasksPanel } from './TasksPanel';
import { FindPartnersDialog } from '../matchmaking/FindPartnersDialog';
import { ShortlistSection } from './ShortlistSection';
import { useLanguage } from '../../app/language';
import { ProgrammeLink } from '../programmes/ProgrammeLink';
import { TeamStamp } from '../../components/TeamStamp';

export function CaseDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const [tab, setTab] = useState<string | null>('overview');
  const [finding, setFinding] = useState(false);

  const query = useQuery({ queryKey: ['cases', 'get', id], queryFn: () => api.cases.get({ id }) });
  const related = useQuery({ queryKey: ['cases', 'related', id], queryFn: () => api.cases.related({ id }) });
  const tasks = useQuery({ queryKey: ['tasks', id], queryFn: () => api.tasks.list({ caseId: id }) });
  const c = query.data;

  const exportPdf = useMutation({
    mutationFn: () => api.cases.exportBriefing({ id, language: lang }),
    onSuccess: (result) =>
      deliver(result, {
        downloaded: (fileName) => t('cases.downloaded', { fileName }),
        saved: (path) => t('cases.exported', { path }),
      }),
    onError: (e) => notifyError(describeError(t, e)),
  });

  useCommand(
    'briefing.export',
    useCallback(() => {
      if (c && !exportPdf.isPending) exportPdf.mutate();
    }, [c, exportPdf]),
  );

  if (!c || query.isError) return <RecordFallback query={query} />;

  const r = related.data;
  const openTasks = tasks.data?.filter((x) => !x.done).length ?? 0;
  const overdueTasks = tasks.data?.filter((x) => x.overdue).length ?? 0;
  const overdue = c.dueOn !== null && c.dueOn < todayIso() && c.status !== 'closed';
  const facts: Fact[] = [
    [t('cases.fields.client'), r?.client ? <LinkList items={[{ id: r.client.id, label: r.client.name }]} base="/organisations" /> : c.client || '—'],
    [t('cases.fields.clientContacts'), <LinkList items={(r?.clientContacts ?? []).map((x) => ({ id: x.id, label: x.name }))} base="/contacts" />],
    [t('cases.fields.partners'), <LinkList items={(r?.partners ?? []).map((x) => ({ id: x.id, label: x.name }))} base="/organisations" />],
    [t('cases.fields.countries'), c.countries.map((k) => countryName(k, lang)).join(', ') || '—'],
    [t('cases.fields.topics'), <Tags values={c.topics} />],
    [
      t('cases.fields.programme'),
      <ProgrammeLink programme={r?.programme} />,
    ],
    [t('cases.fields.fundingInstruments'), <Tags values={c.fundingInstruments} />],
    [t('cases.fields.priority'), t(`cases.priority.${c.priority}`)],
    [t('cases.fields.owner'), c.owner || '—'],
    [t('cases.fields.classification'), t(`book.classification.${c.classification}`)],
    [t('cases.fields.openedOn'), formatDate(c.openedOn, lang)],
    [t('cases.fields.dueOn'), <span className={overdue ? 'overdue' : undefined}>{formatDate(c.dueOn, lang)}</span>],
    [t('cases.fields.updatedAt'), formatDateTime(c.updatedAt, lang)],
  ];

  return (
    <article className="detail" aria-labelledby="case-title">
      <DetailHeader
        base="/cases"
        record={c}
        service={api.cases}
        label={t('cases.actions')}
        titleId="case-title"
        title={c.title}
        meta={
          <Group gap="xs">
            <Text className="mono" size="sm" c="dimmed">
              {c.reference}
            </Text>
            <StatusBadge status={c.status} />
            {c.classification === 'confidential' ? <ClassificationBadge level={c.classification} /> : null}
          </Group>
        }
      >
        <Button size="xs" variant="default" leftSection={<IconFileTypePdf size={15} />} loading={exportPdf.isPending} onClick={() => exportPdf.mutate()}>
          {t('cases.exportBriefing')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconUsersGroup size={15} aria-hidden />} onClick={() => setFinding(true)} aria-haspopup="dialog">
          {t('matchmaking.screen.open')}
        </Button>
      </DetailHeader>
      <TeamStamp collection="cases" id={c.id} />
      {finding ? <FindPartnersDialog subject={{ kind: 'case', id: c.id }} caseRevision={c.revision} onClose={() => setFinding(false)} /> : null}

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
          <Facts items={facts} />
          <DetailSection id="summary-title" title={t('cases.fields.summary')}>
            <Text className="prose" size="sm">
              {c.summary || '—'}
            </Text>
          </DetailSection>
          <DetailSection id="status-history-title" title={t('cases.fields.statusHistory')} mt="lg">
            <List size="sm" spacing={2}>
              {[...c.statusHistory].reverse().map((s, i) => (
                <List.Item key={`${s.on}-${i}`}>
                  {formatDate(s.on, lang)} — {t(`cases.status.${s.status}`)}
                </List.Item>
              ))}
            </List>
          </DetailSection>
          <ShortlistSection record={c} />
          <TripMentions kind="case" id={id} />
          <CooperationMentions linked={{ caseId: id }} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <TasksPanel caseId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <Timeline caseId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <NoteLinks notes={r?.notes ?? []} none={t('cases.noNotes')} />
        </Tabs.Panel>
      </Tabs>
    </article>
  );
}
