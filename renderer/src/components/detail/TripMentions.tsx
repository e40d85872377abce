import { Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MentionedKind, TripMention } from '../../../../shared/features/trips/contract';
import type { TranslationKey } from '../../../../shared/i18n';
import { useApi } from '../../api/context';
import { formatDate } from '../../lib/format';
import { DetailSection, EmptyLine } from './sections';
import { useLanguage } from '../../app/language';

const itemLabel: Record<MentionedKind, TranslationKey> = {
  contact: 'mentions.counterpart',
  organisation: 'mentions.host',
  case: 'mentions.onAgenda',
  note: 'mentions.onAgenda',
};

/**
 * The delegation trips that refer to a record (a person in the delegation or across the table, a
 * host organisation, a case or note linked to the trip or an agenda item): links the other way.
 */
export function TripMentions({ kind, id, mt = 'lg' }: { kind: MentionedKind; id: string; mt?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  // Under 'trips', so every change to a trip or its agenda refreshes it.
  const query = useQuery({ queryKey: ['trips', 'mentions', kind, id], queryFn: () => api.trips.mentions({ kind, id }) });
  const titleId = `${kind}-trips-title`;
  const how = (m: TripMention) =>
    [
      m.memberRole ? t('mentions.member', { role: t(`book.roles.${m.memberRole}`) }) : '',
      m.linked ? t('mentions.linked') : '',
      m.items.length ? `${t(itemLabel[kind])}: ${m.items.map((i) => i.title).join('; ')}` : '',
    ].filter(Boolean);

  return (
    <DetailSection id={titleId} title={t('mentions.title')} mt={mt}>
      {!query.data?.length ? (
        <EmptyLine>{query.data ? t('mentions.none') : t('common.loading')}</EmptyLine>
      ) : (
        <List size="sm" spacing={6} listStyleType="none" className="trip-mentions">
          {query.data.map((m) => (
            <List.Item key={m.id}>
              <Anchor component={Link} to={`/trips/${m.id}`} size="sm" fw={500}>
                {m.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatDate(m.startDate, lang)} – {formatDate(m.endDate, lang)}
              </Text>
              {how(m).map((line) => (
                <Text key={line} size="xs">
                  {line}
                </Text>
              ))}
            </List.Item>
          ))}
        </List>
      )}
    </DetailSection>
  );
}
