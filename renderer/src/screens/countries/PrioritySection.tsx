/**
 * The country screen's "Strategy priority" section (issue 13 part 4): each priority covering the
 * country — level, period, goals, the strategy notes that set it — with the activity against it
 * there (trips, people met, cooperations, open cases, each with its latest day) and its gaps,
 * marked so they stand out. The data comes with `countries.detail`.
 */
import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../components/StatusBadge';
import { Link } from 'react-router';
import { regionName } from '../../../../shared/features/countries/regions';
import type { PriorityView } from '../../../../shared/features/priorities/contract';
import { DetailSection, EmptyLine } from '../../components/detail/sections';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../lib/format';

const activityKinds = ['trips', 'contacts', 'cooperations', 'openCases'] as const;
const gapKinds = ['noTripIn18Months', 'noContactIn18Months', 'noCooperation'] as const;

export function PrioritySection({ priorities }: { priorities: readonly PriorityView[] }) {
  const { t } = useTranslation();
  return (
    <DetailSection id="country-priority-title" title={t('priorities.section.title')}>
      {priorities.length ? (
        <Stack gap="sm">
          {priorities.map((p) => (
            <PriorityCard key={p.id} p={p} />
          ))}
        </Stack>
      ) : (
        <EmptyLine>{t('priorities.section.none')}</EmptyLine>
      )}
      <Anchor component={Link} to="/priorities" size="sm" underline="always">
        {t('priorities.section.manage')}
      </Anchor>
    </DetailSection>
  );
}

function PriorityCard({ p }: { p: PriorityView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const gaps = gapKinds.filter((g) => p.gaps[g]);
  const headingId = `priority-${p.id}`;
  const period =
    p.start || p.end ? t('priorities.period', { start: p.start ? formatDate(p.start, lang) : '…', end: p.end ? formatDate(p.end, lang) : t('priorities.openEnded') }) : t('priorities.noPeriod');
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={headingId}>
      <Group gap="xs" wrap="wrap">
        <ToneBadge tone={p.level === 1 ? 'bad' : p.level === 2 ? 'warn' : 'neutral'}>{t('priorities.level', { level: p.level })}</ToneBadge>
        <Text fw={600} size="sm" id={headingId}>
          {p.title}
        </Text>
        {!p.active ? (
          <Text size="xs" c="dimmed">
            {t('priorities.inactive')}
          </Text>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {period}
        {p.via === 'region' && p.region ? ` · ${t('priorities.viaRegion', { region: regionName(p.region, lang) })}` : ''}
      </Text>
      {p.goals.length ? (
        <>
          <Text size="sm" fw={500} mt={6}>
            {t('priorities.section.goals')}
          </Text>
          <List size="sm" spacing={0}>
            {p.goals.map((g, i) => (
              <List.Item key={i}>{g}</List.Item>
            ))}
          </List>
        </>
      ) : null}
      {p.notes.length ? (
        <Text size="sm" mt={6}>
          {t('priorities.section.notes')}:{' '}
          {p.notes.map((n, i) => (
            <span key={n.id}>
              {i ? ', ' : ''}
              <Anchor component={Link} to={`/notes/${n.id}`} underline="always" size="sm">
                {n.title}
              </Anchor>
            </span>
          ))}
        </Text>
      ) : null}
      <Text size="sm" fw={500} mt={6}>
        {t('priorities.section.activity')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" role="list" aria-label={t('priorities.section.activity')}>
        {activityKinds.map((k) => (
          <div key={k} role="listitem">
            <Text size="xs" c="dimmed">
              {t(`priorities.activity.${k}`)}
            </Text>
            <Text size="sm">
              {p.activity[k].count}{' '}
              <Text span size="xs" c="dimmed">
                {p.activity[k].last ? t('priorities.activity.last', { date: formatDate(p.activity[k].last, lang) }) : t('priorities.activity.never')}
              </Text>
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {gaps.length ? (
        <Group gap={6} mt={6} role="list" aria-label={t('priorities.section.gaps')}>
          {gaps.map((g) => (
            <Badge key={g} role="listitem" color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              {t(`priorities.gaps.${g}`)}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="xs" c="dimmed" mt={6}>
          {t('priorities.section.noGaps')}
        </Text>
      )}
    </Paper>
  );
}
