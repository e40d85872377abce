/**
 * One funding programme: funder, countries and regions, topics, deadline, where it is published
 * (as text, with Copy: the app opens nothing remote), and the cooperations and cases that name it.
 */
import { Anchor, Group, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { regionName } from '../../../../shared/features/countries/regions';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { DetailHeader } from '../../components/detail/DetailHeader';
import { Facts, Tags, type Fact } from '../../components/detail/Facts';
import { DetailSection, EmptyLine } from '../../components/detail/sections';
import { RecordFallback } from '../../components/RecordFallback';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime } from '../../lib/format';
import { CopyValue } from '../organisations/parts';
import { CooperationStatusBadge } from '../cooperations/parts';

export function ProgrammeDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const query = useQuery({ queryKey: ['programmes', 'get', id], queryFn: () => api.programmes.get({ id }) });
  const cooperations = useQuery({ queryKey: ['cooperations', 'list', 'programme', id], queryFn: () => api.cooperations.list({ programmeIds: [id], sort: 'title', direction: 'asc', limit: 200 }) });
  const cases = useQuery({ queryKey: ['cases', 'list', 'programme', id], queryFn: () => api.cases.list({ programmeIds: [id], sort: 'reference', direction: 'asc', limit: 200 }) });
  const p = query.data;
  if (!p || query.isError) return <RecordFallback query={query} />;

  const facts: Fact[] = [
    [t('programmes.fields.funder'), p.funder || '—'],
    [t('programmes.fields.deadline'), p.deadline ? formatDate(p.deadline, lang) : t('programmes.noDeadline')],
    [t('programmes.fields.countries'), p.countries.map((c) => countryName(c, lang)).join(', ') || '—'],
    [t('programmes.fields.regions'), p.regions.map((r) => regionName(r, lang)).join(', ') || '—'],
    [t('programmes.fields.topics'), <Tags values={p.topics} />],
    [
      t('programmes.fields.link'),
      p.link ? (
        <Group gap={4} wrap="nowrap">
          <Text size="sm" className="ellipsis" title={p.link}>
            {p.link}
          </Text>
          <CopyValue value={p.link} label={t('programmes.copyLink')} copiedLabel={t('programmes.copied')} />
        </Group>
      ) : (
        '—'
      ),
      { wide: true },
    ],
    [t('programmes.fields.updatedAt'), formatDateTime(p.updatedAt, lang)],
  ];
  const rows = cooperations.data?.rows ?? [];
  const caseRows = cases.data?.rows ?? [];

  return (
    <article className="detail" aria-labelledby="programme-title">
      <DetailHeader base="/programmes" record={p} service={api.programmes} label={t('programmes.actions')} titleId="programme-title" title={p.name} />
      <Facts items={facts} />
      <DetailSection id="programme-coops-title" title={t('programmes.sections.cooperations')} mt="lg">
        {rows.length ? (
          <List size="sm" spacing={2}>
            {rows.map((c) => (
              <List.Item key={c.id}>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/cooperations/${c.id}`} size="sm">
                    {c.title}
                  </Anchor>
                  <CooperationStatusBadge status={c.status} size="xs" />
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <EmptyLine>{t('programmes.noCooperations')}</EmptyLine>
        )}
      </DetailSection>
      <DetailSection id="programme-cases-title" title={t('programmes.sections.cases')} mt="lg">
        {caseRows.length ? (
          <List size="sm" spacing={2}>
            {caseRows.map((c) => (
              <List.Item key={c.id}>
                <Group gap={6} wrap="nowrap">
                  <Text span className="mono" size="xs" c="dimmed">
                    {c.reference}
                  </Text>
                  <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
                    {c.title}
                  </Anchor>
                  <StatusBadge status={c.status} />
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <EmptyLine>{t('programmes.noCases')}</EmptyLine>
        )}
      </DetailSection>
      <DetailSection id="programme-notes-title" title={t('programmes.sections.notes')} mt="lg">
        <Text className="prose" size="sm">
          {p.notes || '—'}
        </Text>
      </DetailSection>
    </article>
  );
}
