/**
 * The dashboard's strategy widgets: programme deadlines coming up, and the strategy priorities with
 * a gap ("priority country, no trip and no contact in 18 months"). Each entry is a link: a deadline
 * opens its programme, a country priority opens the country screen (where the priority, its goals
 * and the activity against it are shown), a regional priority opens the priority itself.
 */
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { regionName } from '../../../../shared/features/countries/regions';
import type { Dashboard, PriorityGap } from '../../../../shared/features/dashboard/schema';
import { useLanguage } from '../../app/language';
import { ToneBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { Widget, WidgetList } from './Widget';

/** A deadline this close (in days) is marked as near. */
const NEAR_DAYS = 14;

export function DeadlinesWidget({ data }: { data: Dashboard['programmeDeadlines'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Widget name="deadlines" title={t('dashboard.deadlines.title')} description={t('dashboard.deadlines.description')}>
      <WidgetList items={data.programmes} total={data.total} empty={t('dashboard.deadlines.empty')}>
        {(p) => {
          const near = p.daysLeft <= NEAR_DAYS;
          const places = [...p.countries.map((c) => countryName(c, lang)), ...p.regions.map((r) => regionName(r, lang))];
          return (
            <li key={p.id} className={near ? 'dash-item dash-overdue' : 'dash-item'}>
              <Anchor component={Link} to={`/programmes/${p.id}`} size="sm" className="dash-item-link">
                {p.name}
              </Anchor>
              <Group gap={6} wrap="nowrap" className="dash-item-meta">
                {near ? <ToneBadge tone="warn">{p.daysLeft === 0 ? t('dashboard.deadlines.today') : t('dashboard.deadlines.inDays', { count: p.daysLeft })}</ToneBadge> : null}
                <Text size="xs" c="dimmed" className="ellipsis">
                  {t('dashboard.deadlines.deadline', { date: formatDate(p.deadline, lang) })}
                  {near ? '' : ` · ${t('dashboard.deadlines.inDays', { count: p.daysLeft })}`}
                  {p.funder ? ` · ${p.funder}` : ''}
                  {places.length ? ` · ${places.slice(0, 3).join(', ')}${places.length > 3 ? ' …' : ''}` : ''}
                </Text>
              </Group>
            </li>
          );
        }}
      </WidgetList>
    </Widget>
  );
}

const gapKinds = ['noTripIn18Months', 'noContactIn18Months', 'noCooperation'] as const;

export function PriorityGapsWidget({ data }: { data: Dashboard['priorityGaps'] }) {
  const { t } = useTranslation();
  return (
    <Widget
      name="priorityGaps"
      title={t('dashboard.gaps.title')}
      description={t('dashboard.gaps.description')}
      aside={
        <Text size="xs" c="dimmed">
          {t('dashboard.gaps.summary', { total: data.total, active: data.active })}
        </Text>
      }
    >
      <WidgetList items={data.priorities} total={data.total} empty={data.active === 0 ? t('dashboard.gaps.noPriorities') : t('dashboard.gaps.empty')}>
        {(p) => (
          <GapItem key={p.id} gap={p} />
        )}
      </WidgetList>
    </Widget>
  );
}

function GapItem({ gap }: { gap: PriorityGap }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const place = gap.country ? countryName(gap.country, lang) : gap.region ? regionName(gap.region, lang) : '';
  const to = gap.country ? `/countries/${gap.country}` : `/priorities/${gap.id}`;
  const last = [
    gap.lastTrip ? t('dashboard.gaps.lastTrip', { date: formatDate(gap.lastTrip, lang) }) : t('dashboard.gaps.noTrip'),
    gap.lastContact ? t('dashboard.gaps.lastContact', { date: formatDate(gap.lastContact, lang) }) : t('dashboard.gaps.noContact'),
  ].join(' · ');
  return (
    <li className="dash-item dash-overdue" data-priority={gap.id}>
      <Anchor component={Link} to={to} size="sm" className="dash-item-link">
        {place ? `${place} — ${gap.title}` : gap.title}
      </Anchor>
      <Group gap={4} wrap="wrap" mt={2} role="list" aria-label={t('priorities.section.gaps')}>
        <ToneBadge tone="neutral">{t('priorities.level', { level: gap.level })}</ToneBadge>
        {gapKinds
          .filter((k) => gap[k])
          .map((k) => (
            <span role="listitem" key={k}>
              <ToneBadge tone="bad">{t(`priorities.gaps.${k}`)}</ToneBadge>
            </span>
          ))}
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {last}
      </Text>
    </li>
  );
}
