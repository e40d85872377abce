/**
 * Team sync in the shell: the one polled `team.status` every screen shares (the sidebar, Settings →
 * Team, the record stamps), and the compact status line at the foot of the sidebar — where sync
 * stands, "Sync now", the conflicts waiting. When the team's changes reach the store (`applied`
 * grows), every query is refreshed so the open screens show them. State changes are announced
 * politely, once each; the "2 min ago" ticking along is not.
 */
import { ActionIcon, Anchor, Loader, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconKey, IconRefresh, IconArchive, IconGitMerge } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TeamStatus } from '../../../shared/features/team/schema';
import { useApi } from '../api/context';
import { describeError } from '../lib/errors';
import { notifyError } from '../lib/notify';
import { settledState, syncLine } from '../lib/team';
import { useLanguage } from './language';

export const TEAM_STATUS_KEY = ['team', 'status'] as const;

/** How often the status is asked for: every 2 s while linked, now and then while not (another window may link). */
const LINKED_POLL_MS = 2_000;
const OFF_POLL_MS = 30_000;

export function useTeamStatus() {
  const api = useApi();
  return useQuery({
    queryKey: TEAM_STATUS_KEY,
    queryFn: () => api.team.status({}),
    refetchInterval: (query) => (query.state.data && query.state.data.state !== 'off' ? LINKED_POLL_MS : OFF_POLL_MS),
  });
}

/** "Sync now", with the new status shown at once. */
export function useSyncNow() {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.team.syncNow({}),
    onSuccess: (status) => queryClient.setQueryData(TEAM_STATUS_KEY, status),
    onError: (e) => notifyError(describeError(t, e)),
  });
}

/** The status's icon by state (the sidebar, Settings → Team). */
export function StateIcon({ state, size = 16 }: { state: TeamStatus['state']; size?: number }) {
  const props = { size, 'aria-hidden': true, className: `team-status-icon team-status-${state}` } as const;
  switch (state) {
    case 'synced':
      return <IconCloudCheck {...props} />;
    case 'connecting':
    case 'syncing':
      return <Loader size={size - 2} className="team-status-icon" aria-hidden />;
    case 'offline':
      return <IconCloudOff {...props} />;
    case 'needsPassword':
      return <IconKey {...props} />;
    default:
      return <IconAlertTriangle {...props} />;
  }
}

/** The foot of the sidebar while the workspace is linked to a team database. */
export function TeamSyncStatus() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const status = useTeamStatus();
  const syncNow = useSyncNow();
  const s = status.data;

  // The team's changes reached the store: every screen asks again.
  const applied = s?.applied;
  const seenApplied = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (applied === undefined) return;
    if (seenApplied.current !== undefined && applied > seenApplied.current) void queryClient.invalidateQueries();
    seenApplied.current = applied;
  }, [applied, queryClient]);

  // Said once when sync settles into a new state, and when conflicts appear; never on the first status.
  const [announcement, setAnnouncement] = useState('');
  const settled = s ? settledState(s) : null;
  const lastSettled = useRef<string | null | undefined>(undefined);
  const conflicts = s?.conflicts ?? 0;
  const lastConflicts = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!s || s.state === 'off') {
      lastSettled.current = s ? null : undefined;
      return;
    }
    const said: string[] = [];
    if (settled !== null && lastSettled.current !== undefined && settled !== lastSettled.current) said.push(syncLine(t, s, Date.now(), lang));
    if (settled !== null) lastSettled.current = settled;
    else if (lastSettled.current === undefined) lastSettled.current = null;
    if (lastConflicts.current !== undefined && conflicts > lastConflicts.current) said.push(t('team.sync.conflicts', { count: conflicts }));
    lastConflicts.current = conflicts;
    if (said.length) setAnnouncement(said.join('. '));
    // Only a change of the settled state or of the conflicts speaks (s changes every poll).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled, conflicts]);

  if (!s || s.state === 'off') return null;
  const line = syncLine(t, s, status.dataUpdatedAt || Date.now(), lang);
  const busy = s.state === 'connecting' || s.state === 'syncing' || syncNow.isPending;

  return (
    <div className="team-status" role="group" aria-label={t('team.sync.label')} data-state={s.state}>
      <div className="team-status-row">
        {/* The icon is part of the button, so it stays a visible target when the sidebar shrinks to icons. */}
        <UnstyledButton
          className="team-status-button"
          onClick={() => void navigate('/settings?section=team')}
          title={`${line} — ${t('team.settings.openSettings')}`}
          aria-label={`${line}. ${t('team.settings.openSettings')}`}
        >
          <StateIcon state={s.state} />
          <span className="team-status-text" data-testid="team-status-line">
            {line}
          </span>
        </UnstyledButton>
        <Tooltip label={t('team.sync.syncNow')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t('team.sync.syncNow')}
            onClick={() => syncNow.mutate()}
            disabled={s.state === 'needsPassword'}
            data-busy={busy || undefined}
          >
            <IconRefresh size={15} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </div>
      {s.conflicts > 0 ? (
        <Anchor component={Link} to="/conflicts" size="xs" className="team-status-link">
          <IconGitMerge size={14} aria-hidden />
          <span className="team-status-link-text">{t('team.sync.conflicts', { count: s.conflicts })}</span>
        </Anchor>
      ) : null}
      {s.held > 0 ? (
        <Anchor component={Link} to="/conflicts" size="xs" className="team-status-link team-status-held">
          <IconArchive size={14} aria-hidden />
          <span className="team-status-link-text">{t('team.sync.held', { count: s.held })}</span>
        </Anchor>
      ) : null}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </div>
  );
}
