import { Anchor, Group, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TripRelated } from '../../../../shared/features/trips/contract';
import { countryName } from '../../../../shared/features/countries/names';
import type { TripRecord } from '../../../../shared/features/trips/schema';
import { Facts, Tags, type Fact } from '../../components/detail/Facts';
import { DetailSection, EmptyLine, NoteLinks } from '../../components/detail/sections';
import { CountryMapView } from '../../components/CountryMapView';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { zoneLabel } from '../../../../shared/features/trips/zones';
import { dateRange, destinationsLabel, tripDays } from './parts';
import { useLanguage } from '../../app/language';
import { CooperationMentions } from '../cooperations/CooperationMentions';

/** The trip at a glance: facts, purpose, the delegation with roles, and the linked cases and notes. */
export function TripOverview({ trip, related }: { trip: TripRecord; related: TripRelated | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const head = related?.members.find((m) => m.role === 'head');
  const countries = [...new Set(trip.destinations.map((d) => d.country))].slice(0, 4);
  const facts: Fact[] = [
    [t('book.facts.dates'), `${dateRange(trip.startDate, trip.endDate, lang)} (${t('trips.days', { count: tripDays(trip.startDate, trip.endDate) })})`],
    [t('book.facts.destinations'), destinationsLabel(trip.destinations, lang)],
    [t('book.facts.head'), head?.name || '—'],
    [t('trips.fields.timeZones'), trip.timeZones.map((z) => zoneLabel(z, lang)).join(', ')],
    [t('trips.fields.classification'), t(`book.classification.${trip.classification}`)],
    [t('trips.fields.language'), t(`trips.languages.${trip.language}`)],
    [t('trips.fields.topics'), <Tags values={trip.topics} />],
    [t('trips.fields.updatedAt'), formatDateTime(trip.updatedAt, lang)],
  ];

  return (
    <>
      <Facts items={facts} />

      <Group gap="md" mt="md" align="flex-start" className="trip-maps">
        {countries.map((code) => (
          <CountryMapView
            key={code}
            code={code}
            name={countryName(code, lang)}
            width={countries.length > 1 ? 240 : 320}
            caption={
              <Anchor component={Link} to={`/countries/${code}`} size="sm" fw={600}>
                {countryName(code, lang)}
              </Anchor>
            }
          />
        ))}
      </Group>

      <DetailSection id="trip-purpose-title" title={t('trips.fields.purpose')} className="trip-section">
        <Text className="prose" size="sm">
          {trip.purpose || t('trips.overview.noPurpose')}
        </Text>
      </DetailSection>

      <DetailSection id="trip-members-title" title={t('trips.overview.members')} className="trip-section">
        {related?.members.length ? (
          <Table className="members-table" verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('book.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('book.columns.role')}</Table.Th>
                <Table.Th scope="col">{t('book.columns.function')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {related.members.map((m, n) => {
                const source = trip.members[n];
                const fn = m.contact ? [m.contact.role, m.contact.organisationName].filter(Boolean).join(', ') : source?.kind === 'staff' ? source.function : '';
                return (
                  <Table.Tr key={`${m.name}-${n}`}>
                    <Table.Td>
                      {m.contact ? (
                        <Anchor component={Link} to={`/contacts/${m.contact.id}`} size="sm">
                          {m.name}
                        </Anchor>
                      ) : (
                        <>
                          {m.name}{' '}
                          <Text span size="xs" c="dimmed">
                            ({t('trips.overview.staff')})
                          </Text>
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`book.roles.${m.role}`)}</Table.Td>
                    <Table.Td>{fn || '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : (
          <EmptyLine>{t('trips.overview.noMembers')}</EmptyLine>
        )}
      </DetailSection>

      <DetailSection id="trip-cases-title" title={t('trips.overview.cases')} className="trip-section">
        {related?.cases.length ? (
          <List size="sm" spacing={4} listStyleType="none" className="plain-list">
            {related.cases.map((c) => (
              <List.Item key={c.id}>
                <Group gap={8} wrap="nowrap">
                  <Text span size="sm" className="mono" c="dimmed">
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
          <EmptyLine>{t('trips.overview.noCases')}</EmptyLine>
        )}
      </DetailSection>

      <DetailSection id="trip-notes-title" title={t('trips.overview.notes')} className="trip-section">
        <NoteLinks notes={related?.notes ?? []} none={t('trips.overview.noNotes')} listStyleType="none" className="plain-list" />
      </DetailSection>

      <CooperationMentions linked={{ tripId: trip.id }} />
    </>
  );
}
