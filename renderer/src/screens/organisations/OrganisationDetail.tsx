import { Anchor, Badge, Button, Group, List, Text } from '@mantine/core';
import { IconGitMerge, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { useApi } from '../../api/context';
import { DetailHeader } from '../../components/detail/DetailHeader';
import { Facts, LinkList, Tags, type Fact } from '../../components/detail/Facts';
import { DetailSection, EmptyLine } from '../../components/detail/sections';
import { TripMentions } from '../../components/detail/TripMentions';
import { RecordFallback } from '../../components/RecordFallback';
import { formatDateTime } from '../../lib/format';
import { MergeOrganisationDialog } from './MergeOrganisationDialog';
import { OrganisationPeople } from './OrganisationPeople';
import { CaseLine, CopyValue, RoleList } from './parts';
import { CooperationMentions } from '../cooperations/CooperationMentions';
import { useLanguage } from '../../app/language';
import { FindPartnersDialog } from '../matchmaking/FindPartnersDialog';
import type { MatchDirection } from '../../../../shared/features/matchmaking/schema';
import { TeamStamp } from '../../components/TeamStamp';

export function OrganisationDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();

  const [merging, setMerging] = useState(false);
  const [finding, setFinding] = useState<MatchDirection | null>(null);
  const query = useQuery({ queryKey: ['organisations', 'get', id], queryFn: () => api.organisations.get({ id }) });
  const related = useQuery({ queryKey: ['organisations', 'related', id], queryFn: () => api.organisations.related({ id }) });
  const groupIds = query.data?.groupIds ?? [];
  const groups = useQuery({ queryKey: ['groups', 'lookup', groupIds], queryFn: () => api.groups.lookup({ ids: groupIds }), enabled: groupIds.length > 0 });
  const o = query.data;

  if (!o || query.isError) return <RecordFallback query={query} />;

  const r = related.data;
  const place = [o.city, o.country ? countryName(o.country, lang) : ''].filter(Boolean).join(', ');
  const facts: Fact[] = [
    [t('organisations.fields.kind'), t(`organisations.kinds.${o.kind}`)],
    [t('organisations.fields.country'), o.country ? `${countryName(o.country, lang)} (${o.country})` : '—'],
    [t('organisations.fields.city'), o.city || '—'],
    [
      t('organisations.fields.website'),
      o.website ? (
        <Group gap={4} wrap="nowrap">
          <Text size="sm" className="ellipsis" title={o.website}>
            {o.website}
          </Text>
          <CopyValue value={o.website} label={t('organisations.copyWebsite')} copiedLabel={t('organisations.copied')} />
        </Group>
      ) : (
        '—'
      ),
    ],
    [
      t('organisations.fields.parent'),
      r?.parent ? (
        <Anchor component={Link} to={`/organisations/${r.parent.id}`} size="sm">
          {r.parent.name}
        </Anchor>
      ) : (
        '—'
      ),
    ],
    [t('organisations.fields.topics'), <Tags values={o.topics} />],
    [t('organisations.fields.groupIds'), <LinkList base="/groups" items={o.groupIds.length ? (groups.data ?? []).map((g) => ({ id: g.id, label: g.name })) : []} />],
    [t('organisations.fields.owner'), o.owner || '—'],
    [t('organisations.fields.updatedAt'), formatDateTime(o.updatedAt, lang)],
  ];

  return (
    <article className="detail" aria-labelledby="organisation-title">
      <DetailHeader
        base="/organisations"
        record={o}
        service={api.organisations}
        label={t('organisations.actions')}
        titleId="organisation-title"
        title={
          <>
            {o.name}
            {o.shortName ? (
              <Text span c="dimmed" fw={400} inherit>
                {' '}
                ({o.shortName})
              </Text>
            ) : null}
          </>
        }
        meta={
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Badge variant="light" radius="sm" tt="none">
              {t(`organisations.kinds.${o.kind}`)}
            </Badge>
            {place ? (
              <Text size="sm" c="dimmed" truncate>
                {place}
              </Text>
            ) : null}
          </Group>
        }
      >
        <Button size="xs" variant="default" leftSection={<IconUsersGroup size={15} aria-hidden />} onClick={() => setFinding('partners')} aria-haspopup="dialog">
          {t('matchmaking.screen.open')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setFinding('institutes')} aria-haspopup="dialog">
          {t('matchmaking.screen.openInstitutes')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconGitMerge size={15} aria-hidden />} onClick={() => setMerging(true)} aria-haspopup="dialog">
          {t('merge.action')}
        </Button>
      </DetailHeader>
      <TeamStamp collection="organisations" id={o.id} />
      {merging ? <MergeOrganisationDialog organisation={o} onClose={() => setMerging(false)} /> : null}
      {finding ? <FindPartnersDialog key={finding} subject={{ kind: 'organisation', id: o.id }} direction={finding} onClose={() => setFinding(null)} /> : null}

      <Facts items={facts} />

      <OrganisationPeople organisation={o} current={r?.current ?? []} former={r?.former ?? []} loading={related.isPending} />

      <DetailSection id="org-cases-title" title={t('organisations.sections.cases')} mt="lg">
        {r?.cases.length ? (
          <RoleList labelledBy="org-cases-title">
            {r.cases.map((c) => (
              <li key={c.id}>
                <CaseLine item={c} role={t(`organisations.cases.roles.${c.role}`)} />
              </li>
            ))}
          </RoleList>
        ) : (
          <EmptyLine>{t('organisations.cases.none')}</EmptyLine>
        )}
      </DetailSection>

      <DetailSection id="org-children-title" title={t('organisations.sections.children')} mt="lg">
        {r?.children.length ? (
          <List size="sm" spacing={2}>
            {r.children.map((c) => (
              <List.Item key={c.id}>
                <Anchor component={Link} to={`/organisations/${c.id}`} size="sm">
                  {c.name}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {t(`organisations.kinds.${c.kind}`)}
                  {c.city ? ` · ${c.city}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <EmptyLine>{t('organisations.children.none')}</EmptyLine>
        )}
      </DetailSection>

      <CooperationMentions linked={{ organisationId: o.id }} none={t('cooperations.noneOnOrganisation')} />

      <TripMentions kind="organisation" id={o.id} />

      <DetailSection id="org-notes-title" title={t('organisations.sections.notes')} mt="lg">
        <Text className="prose" size="sm">
          {o.notes || '—'}
        </Text>
      </DetailSection>
    </article>
  );
}
