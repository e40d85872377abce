/**
 * The home screen: what needs doing and what is coming, across the workspace — open tasks (overdue
 * first), priorities with gaps, upcoming trips, programme deadlines, cases by status, GDPR reviews
 * due and a world map of the cooperations (or all activity) — from one call (`dashboard.get`). Every widget is a titled region; every chart and the map has a table view.
 */
import { Alert, Anchor, Group, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import type { Dashboard } from '../../../../shared/features/dashboard/schema';
import { useApi } from '../../api/context';
import { screenHeading } from '../../app/focus';
import { useLanguage } from '../../app/language';
import { ToneBadge } from '../../components/StatusBadge';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { ActivityMap } from './ActivityMap';
import { DeadlinesWidget, PriorityGapsWidget } from './PortfolioWidgets';
import { Widget, WidgetList } from './Widget';

export const DASHBOARD_KEY = ['dashboard'] as const;

export function DashboardScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const dashboard = useQuery({ queryKey: DASHBOARD_KEY, queryFn: () => api.dashboard.get({}), staleTime: 0 });
  const d = dashboard.data;
  return (
    <div className="page dashboard-page">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={1} size="h3" id="dashboard-title" {...screenHeading}>
            {t('dashboard.title')}
          </Title>
          {d ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.today', { date: formatDate(d.today, lang) })}
            </Text>
          ) : null}
        </Group>
        {dashboard.isPending ? <Loader aria-label={t('common.loading')} /> : null}
        {dashboard.isError ? (
          <Alert color="red" title={t('dashboard.loadFailed')}>
            {describeError(t, dashboard.error)}
          </Alert>
        ) : null}
        {d ? (
          <div className="dash-grid">
            <MyWorkWidget data={d.myWork} reminders={d.remindersDue} />
            <PriorityGapsWidget data={d.priorityGaps} />
            <TripsWidget data={d.upcomingTrips} />
            <DeadlinesWidget data={d.programmeDeadlines} />
            <StatusWidget data={d.casesByStatus} />
            <GdprWidget data={d.gdprReviewDue} />
            <ActivityMap countries={d.activityByCountry} regions={d.activityByRegion} />
          </div>
        ) : null}
      </Stack>
    </div>
  );
}

function MyWorkWidget({ data, reminders }: { data: Dashboard['myWork']; reminders: Dashboard['remindersDue'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Widget
      name="myWork"
      title={data.assignee ? t('dashboard.myWork.title') : t('dashboard.myWork.titleAll')}
      description={t('dashboard.myWork.description')}
      aside={
        <Text size="xs" c="dimmed">
          {t('dashboard.myWork.summary', { total: data.total, overdue: data.overdue })}
        </Text>
      }
    >
      <WidgetList items={data.tasks} total={data.total} empty={t('dashboard.myWork.empty')}>
        {(task) => (
          <li key={task.id} className={task.overdue ? 'dash-item dash-overdue' : 'dash-item'}>
            <Anchor component={Link} to={`/cases/${task.caseId}`} size="sm" className="dash-item-link">
              {task.title}
            </Anchor>
            <Group gap={6} wrap="nowrap" className="dash-item-meta">
              {task.overdue ? (
                <ToneBadge tone="bad">{t('dashboard.myWork.overdue')}</ToneBadge>
              ) : null}
              <Text size="xs" c="dimmed" className="ellipsis">
                {task.dueOn ? t('dashboard.myWork.due', { date: formatDate(task.dueOn, lang) }) : t('dashboard.myWork.noDate')} · {task.caseReference} {task.caseTitle}
                {task.assignee ? ` · ${task.assignee}` : ''}
              </Text>
            </Group>
          </li>
        )}
      </WidgetList>
      {reminders.total > 0 ? (
        <>
          <Title order={3} size="h6" mt="sm" mb={4}>
            {t('dashboard.myWork.reminders')}
          </Title>
          <WidgetList items={reminders.reminders} total={reminders.total} empty="">
            {(r) => (
              <li key={r.id} className={r.overdue ? 'dash-item dash-overdue' : 'dash-item'} data-reminder={r.id}>
                <Anchor component={Link} to={`/contacts/${r.contactId}`} size="sm" className="dash-item-link">
                  {r.text}
                </Anchor>
                <Text size="xs" c="dimmed" className="ellipsis">
                  {t('dashboard.myWork.reminderDue', { date: formatDate(r.dueOn, lang) })} · {r.contactName}
                </Text>
              </li>
            )}
          </WidgetList>
        </>
      ) : null}
      <Anchor component={Link} to="/my-work" size="xs" mt="xs" display="inline-block">
        {t('dashboard.myWork.openAll')}
      </Anchor>
    </Widget>
  );
}

function TripsWidget({ data }: { data: Dashboard['upcomingTrips'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Widget name="trips" title={t('dashboard.trips.title')} description={t('dashboard.trips.description')}>
      <WidgetList items={data.trips} total={data.total} empty={t('dashboard.trips.empty')}>
        {(trip) => (
          <li key={trip.id} className="dash-item">
            <Anchor component={Link} to={`/trips/${trip.id}`} size="sm" className="dash-item-link">
              {trip.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('dashboard.trips.dates', { start: formatDate(trip.startDate, lang), end: formatDate(trip.endDate, lang) })} · {trip.countries.map((code) => countryName(code, lang)).join(', ')}
            </Text>
          </li>
        )}
      </WidgetList>
    </Widget>
  );
}

function StatusWidget({ data }: { data: Dashboard['casesByStatus'] }) {
  const { t } = useTranslation();
  const descId = useId();
  const total = data.reduce((n, s) => n + s.count, 0);
  const rows = data.map((s) => ({ status: t(`cases.status.${s.status}`), count: s.count }));
  return (
    <Widget name="status" title={t('dashboard.status.title')} description={<span id={descId}>{t('dashboard.status.description', { total })}</span>}>
      {(asTable) =>
        asTable ? (
          <table className="dash-table">
            <caption>
              <VisuallyHidden>{t('dashboard.status.title')}</VisuallyHidden>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.status.status')}</th>
                <th scope="col">{t('dashboard.status.count')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.status}>
                  <th scope="row">{r.status}</th>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div role="img" aria-label={t('dashboard.status.chartLabel')} aria-describedby={descId} className="dash-chart">
            {/* Bars across, statuses down the side: every status name stays readable at any width. */}
            <BarChart
              h={230}
              data={rows}
              dataKey="status"
              orientation="vertical"
              series={[{ name: 'count', label: t('dashboard.status.count'), color: 'blue.5' }]}
              tickLine="none"
              gridAxis="x"
              withTooltip={false}
              withBarValueLabel
              xAxisProps={{ allowDecimals: false }}
              yAxisProps={{ width: 120 }}
            />
          </div>
        )
      }
    </Widget>
  );
}

function GdprWidget({ data }: { data: Dashboard['gdprReviewDue'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Widget name="gdpr" title={t('dashboard.gdpr.title')} description={t('dashboard.gdpr.description')}>
      <WidgetList items={data.contacts} total={data.total} empty={t('dashboard.gdpr.empty')}>
        {(c) => (
          <li key={c.id} className={c.overdue ? 'dash-item dash-overdue' : 'dash-item'}>
            <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" className="dash-item-link">
              {c.name}
            </Anchor>
            <Group gap={6} wrap="nowrap">
              {c.overdue ? (
                <ToneBadge tone="bad">{t('dashboard.gdpr.overdue')}</ToneBadge>
              ) : null}
              <Text size="xs" c="dimmed">
                {t('dashboard.gdpr.reviewOn', { date: formatDate(c.reviewOn, lang) })}
              </Text>
            </Group>
          </li>
        )}
      </WidgetList>
    </Widget>
  );
}
