/**
 * One cooperation: status, programme or instrument, funder, volume and period; our institutes and
 * the partners (with their countries and groups), the contact persons on both sides, and the
 * linked cases, trips and notes. Delete shows the impact and offers Undo like every record.
 */
import { Anchor, Badge, Button, Group, List, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CooperationOrganisation } from '../../../../shared/features/cooperations/contract';
import type { ContactRef } from '../../../../shared/features/contacts/schema';
import { countryName } from '../../../../shared/features/countries/names';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { DetailHeader } from '../../components/detail/DetailHeader';
import { Facts, Tags, type Fact } from '../../components/detail/Facts';
import { DetailSection, EmptyLine, NoteLinks } from '../../components/detail/sections';
import { RecordFallback } from '../../components/RecordFallback';
import { formatDateTime } from '../../lib/format';
import { CaseLine } from '../organisations/parts';
import { CooperationStatusBadge, formatPeriod, formatVolume } from './parts';
import { FindPartnersDialog } from '../matchmaking/FindPartnersDialog';
import { ProgrammeLink } from '../programmes/ProgrammeLink';
import './cooperations.css';

function OrganisationLines({ items, none, side }: { items: readonly CooperationOrganisation[]; none: string; side: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!items.length) return <EmptyLine>{none}</EmptyLine>;
  return (
    <ul className="coop-orgs" aria-label={side}>
      {items.map((o) => (
        <li key={o.id}>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={`/organisations/${o.id}`} size="sm">
              {o.shortName ? `${o.name} (${o.shortName})` : o.name}
            </Anchor>
            <Text span size="xs" c="dimmed">
              {[t(`organisations.kinds.${o.kind}`), o.country ? countryName(o.country, lang) : ''].filter(Boolean).join(' · ')}
            </Text>
            {o.groups.map((g) => (
              <Badge key={g.id} variant="outline" radius="sm" size="xs" tt="none">
                {g.name}
              </Badge>
            ))}
          </Group>
        </li>
      ))}
    </ul>
  );
}

function PeopleLines({ people }: { people: readonly ContactRef[] }) {
  return (
    <List size="sm" spacing={2}>
      {people.map((p) => (
        <List.Item key={p.id}>
          <Anchor component={Link} to={`/contacts/${p.id}`} size="sm">
            {p.name}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            {[p.role, p.organisationName].filter(Boolean).join(', ')}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export function CooperationDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const query = useQuery({ queryKey: ['cooperations', 'get', id], queryFn: () => api.cooperations.get({ id }) });
  const related = useQuery({ queryKey: ['cooperations', 'related', id], queryFn: () => api.cooperations.related({ id }) });
  const [finding, setFinding] = useState(false);
  const c = query.data;
  if (!c || query.isError) return <RecordFallback query={query} />;
  const r = related.data;
  const countries = [...new Set((r?.partners ?? []).map((o) => o.country).filter((x): x is string => !!x))];

  const facts: Fact[] = [
    [
      t('cooperations.fields.programme'),
      <ProgrammeLink programme={r?.programme} />,
    ],
    [t('cooperations.fields.instrument'), c.instrument || '—'],
    [t('cooperations.fields.funder'), c.funder || '—'],
    [t('cooperations.fields.volume'), formatVolume(c.volume, lang)],
    [t('cooperations.fields.period'), formatPeriod(c.start, c.end, lang)],
    [t('cooperations.fields.countries'), countries.map((x) => countryName(x, lang)).join(', ') || '—'],
    [t('cooperations.fields.topics'), <Tags values={c.topics} />],
    [t('cooperations.fields.updatedAt'), formatDateTime(c.updatedAt, lang)],
  ];
  const people = [...(r?.ourContacts ?? []), ...(r?.partnerContacts ?? [])];
  const links = (r?.cases.length ?? 0) + (r?.trips.length ?? 0) + (r?.notes.length ?? 0);

  return (
    <article className="detail" aria-labelledby="cooperation-title">
      <DetailHeader
        base="/cooperations"
        record={c}
        service={api.cooperations}
        label={t('cooperations.actions')}
        titleId="cooperation-title"
        title={c.title}
        meta={<CooperationStatusBadge status={c.status} />}
      >
        <Button size="xs" variant="default" leftSection={<IconUsersGroup size={15} aria-hidden />} onClick={() => setFinding(true)} aria-haspopup="dialog">
          {t('matchmaking.screen.open')}
        </Button>
      </DetailHeader>
      {finding ? <FindPartnersDialog subject={{ kind: 'cooperation', id: c.id }} onClose={() => setFinding(false)} /> : null}
      <Facts items={facts} />

      <DetailSection id="coop-orgs-title" title={t('cooperations.sections.organisations')} mt="lg">
        <Text size="xs" fw={600} mt={4}>
          {t('cooperations.fields.institutes')}
        </Text>
        <OrganisationLines items={r?.institutes ?? []} none={t('cooperations.none.institutes')} side={t('cooperations.fields.institutes')} />
        <Text size="xs" fw={600} mt="xs">
          {t('cooperations.fields.partners')}
        </Text>
        <OrganisationLines items={r?.partners ?? []} none={t('cooperations.none.partners')} side={t('cooperations.fields.partners')} />
      </DetailSection>

      <DetailSection id="coop-people-title" title={t('cooperations.sections.people')} mt="lg">
        {people.length ? (
          <>
            {r?.ourContacts.length ? (
              <>
                <Text size="xs" fw={600} mt={4}>
                  {t('cooperations.fields.ourContacts')}
                </Text>
                <PeopleLines people={r.ourContacts} />
              </>
            ) : null}
            {r?.partnerContacts.length ? (
              <>
                <Text size="xs" fw={600} mt="xs">
                  {t('cooperations.fields.partnerContacts')}
                </Text>
                <PeopleLines people={r.partnerContacts} />
              </>
            ) : null}
          </>
        ) : (
          <EmptyLine>{t('cooperations.none.people')}</EmptyLine>
        )}
      </DetailSection>

      <DetailSection id="coop-links-title" title={t('cooperations.sections.links')} mt="lg">
        {links && r ? (
          <>
            {r.cases.length ? (
              <List size="sm" spacing={2} aria-label={t('cooperations.fields.cases')}>
                {r.cases.map((k) => (
                  <List.Item key={k.id}>
                    <CaseLine item={k} role="" />
                  </List.Item>
                ))}
              </List>
            ) : null}
            {r.trips.length ? (
              <List size="sm" spacing={2} mt={4} aria-label={t('cooperations.fields.trips')}>
                {r.trips.map((trip) => (
                  <List.Item key={trip.id}>
                    <Anchor component={Link} to={`/trips/${trip.id}`} size="sm">
                      {trip.title}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {formatPeriod(trip.startDate, trip.endDate, lang)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            ) : null}
            {r.notes.length ? <NoteLinks notes={r.notes} none="" mt={4} aria-label={t('cooperations.fields.notes')} /> : null}
          </>
        ) : (
          <EmptyLine>{t('cooperations.none.links')}</EmptyLine>
        )}
      </DetailSection>

      <DetailSection id="coop-notes-title" title={t('cooperations.sections.notes')} mt="lg">
        <Text className="prose" size="sm">
          {c.notes || '—'}
        </Text>
      </DetailSection>
    </article>
  );
}
