/**
 * Who changed a record in the team, under its detail page's title: "Changed by anna · 5 Dec 2026,
 * 10:02" with the team's history behind a disclosure, "Kept on this machine only" for a record that
 * never travels (confidential, or of a kind not shared), and a conflict badge that leads to the
 * Conflicts screen. Nothing at all while the workspace is not linked to a team database.
 */
import { Anchor, Badge, Collapse, Group, List, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDeviceLaptop, IconGitMerge, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CollectionName } from '../../../shared/schemas/database';
import { useApi } from '../api/context';
import { useLanguage } from '../app/language';
import { useTeamStatus } from '../app/teamSync';
import { formatDateTime } from '../lib/format';

export function TeamStamp({ collection, id }: { collection: CollectionName; id: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const status = useTeamStatus();
  const linked = status.data !== undefined && status.data.state !== 'off';
  const info = useQuery({
    queryKey: ['team', 'record', collection, id],
    queryFn: () => api.team.record({ collection, id }),
    enabled: linked,
  });
  const [open, setOpen] = useState(false);
  const historyId = useId();
  const r = info.data;
  if (!linked || !r) return null;
  if (!r.last && !r.localOnly && !r.conflict) return null;

  return (
    <Group gap="xs" wrap="wrap" className="team-stamp" data-testid="team-stamp" mt={4}>
      {r.localOnly ? (
        <Badge variant="light" color="gray" tt="none" leftSection={<IconDeviceLaptop size={12} aria-hidden />}>
          {t('team.stamp.localOnly')}
        </Badge>
      ) : null}
      {r.conflict ? (
        <Anchor component={Link} to={`/conflicts/${collection}/${encodeURIComponent(id)}`} underline="never" title={t('team.stamp.conflictHint')}>
          <Badge variant="light" color="red" tt="none" leftSection={<IconGitMerge size={12} aria-hidden />} style={{ cursor: 'pointer' }}>
            {t('team.stamp.conflict')}
          </Badge>
        </Anchor>
      ) : null}
      {r.last ? (
        <Text size="xs" c="dimmed" span>
          <IconUsers size={12} aria-hidden style={{ verticalAlign: -1, marginRight: 4 }} />
          {t('team.stamp.changedBy', { user: r.last.user, when: formatDateTime(r.last.at, lang) })}
        </Text>
      ) : null}
      {r.history.length > 0 ? (
        <div className="team-history">
          <UnstyledButton
            className="team-history-toggle"
            aria-expanded={open}
            aria-controls={historyId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? <IconChevronDown size={12} aria-hidden /> : <IconChevronRight size={12} aria-hidden />}
            <Text span size="xs">
              {t('team.stamp.history')}
            </Text>
          </UnstyledButton>
          <Collapse expanded={open} id={historyId}>
            <List size="xs" spacing={2} mt={4} aria-label={t('team.stamp.history')}>
              {r.history.map((h) => (
                <List.Item key={h.rev}>
                  {t('team.stamp.historyItem', { user: h.user, when: formatDateTime(h.at, lang) })}
                  {h.deleted ? ` (${t('team.stamp.deleted')})` : ''}
                </List.Item>
              ))}
            </List>
          </Collapse>
        </div>
      ) : null}
    </Group>
  );
}
