/**
 * The Conflicts screen (`/conflicts`, one opened at `/conflicts/<collection>/<id>`): the records the
 * team changed in two places at once, each with the fields that differ and who made each version;
 * opened, its versions side by side, one row per field, a choice per field (the first version's
 * value unless changed), and "Keep chosen values". Below, the documents from the server that were
 * kept aside and why. The sidebar's status and the command palette lead here.
 */
import { Alert, Anchor, Badge, Button, Code, Group, List, Loader, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { IconGitMerge, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { ConflictDetail, ConflictSummary } from '../../../../shared/features/team/schema';
import type { CollectionName } from '../../../../shared/schemas/database';
import type { TranslationKey } from '../../../../shared/i18n';
import { AppError } from '../../../../shared/errors';
import { useApi } from '../../api/context';
import { focusLost, focusScreenHeading, recordHeading, requestHeadingFocus, screenHeading } from '../../app/focus';
import { useLanguage } from '../../app/language';
import { TEAM_STATUS_KEY, useTeamStatus } from '../../app/teamSync';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { fieldLabel, valueView } from '../../lib/team';
import { collectionNames } from '../../../../shared/schemas/database';

const CONFLICTS_KEY = ['team', 'conflicts'] as const;
const HELD_KEY = ['team', 'held'] as const;

const conflictPath = (c: { collection: string; id: string }) => `/conflicts/${c.collection}/${encodeURIComponent(c.id)}`;

export function ConflictsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const status = useTeamStatus();
  const params = useParams();
  const [collection, id] = (params['*'] ?? '').split('/');
  const open = collection && id && (collectionNames as string[]).includes(collection) ? { collection: collection as CollectionName, id: decodeURIComponent(id) } : null;
  const linked = status.data !== undefined && status.data.state !== 'off';
  const conflicts = useQuery({ queryKey: CONFLICTS_KEY, queryFn: () => api.team.conflicts({}) });
  const held = useQuery({ queryKey: HELD_KEY, queryFn: () => api.team.held({}) });
  // The list follows the status's count (a conflict arriving or resolved on another copy).
  const queryClient = useQueryClient();
  const count = status.data?.conflicts;
  const heldCount = status.data?.held;
  useEffect(() => {
    if (count === undefined) return;
    void queryClient.invalidateQueries({ queryKey: CONFLICTS_KEY });
  }, [count, queryClient]);
  useEffect(() => {
    if (heldCount === undefined) return;
    void queryClient.invalidateQueries({ queryKey: HELD_KEY });
  }, [heldCount, queryClient]);

  const list = conflicts.data ?? [];
  // After a resolve the Keep button is gone with its form: once the address has moved on, focus goes
  // to the next conflict's heading (when it has loaded) or to the list's.
  const location = useLocation();
  const [focusTo, setFocusTo] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTo || focusTo !== location.pathname) return;
    setFocusTo(null);
    focusScreenHeading(focusTo);
  }, [focusTo, location.pathname]);

  return (
    <div className="page conflicts-page">
      <Stack gap="md" maw={1100}>
        <Title order={1} size="h3" id="conflicts-title" {...screenHeading}>
          {t('team.conflicts.title')}
        </Title>
        {status.data && !linked ? (
          <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
            {t('team.conflicts.notLinked')}{' '}
            <Anchor component={Link} to="/settings?section=team" inherit>
              {t('team.settings.openSettings')}
            </Anchor>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed" maw={760}>
            {t('team.conflicts.intro')}
          </Text>
        )}
        {conflicts.isError ? (
          <Text c="red" role="alert">
            {describeError(t, conflicts.error)}
          </Text>
        ) : conflicts.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : list.length === 0 ? (
          linked || !status.data ? (
            <Text size="sm" data-testid="no-conflicts">
              {t('team.conflicts.empty')}
            </Text>
          ) : null
        ) : (
          <ConflictList conflicts={list} open={open} />
        )}
        {open ? <ConflictPanel key={`${open.collection}:${open.id}`} target={open} list={list} onResolved={setFocusTo} /> : null}
        {linked || held.data?.length ? <HeldSection held={held.data ?? []} error={held.isError ? describeError(t, held.error) : null} /> : null}
      </Stack>
    </div>
  );
}

function Versions({ versions }: { versions: ConflictSummary['versions'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <List size="xs" spacing={0} listStyleType="none">
      {versions.map((v) => (
        <List.Item key={v.rev}>{t('team.conflicts.versionBy', { user: v.user, when: formatDateTime(v.at, lang) })}</List.Item>
      ))}
    </List>
  );
}

function ConflictList({ conflicts, open }: { conflicts: ConflictSummary[]; open: { collection: string; id: string } | null }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped aria-labelledby="conflicts-title" data-testid="conflict-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('team.conflicts.record')}</Table.Th>
            <Table.Th>{t('team.conflicts.kind')}</Table.Th>
            <Table.Th>{t('team.conflicts.fields')}</Table.Th>
            <Table.Th>{t('team.conflicts.versions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conflicts.map((c) => {
            const current = open?.collection === c.collection && open.id === c.id;
            return (
              <Table.Tr key={`${c.collection}:${c.id}`} aria-current={current ? 'true' : undefined} className={current ? 'conflict-row-open' : undefined}>
                <Table.Td>
                  <Anchor component={Link} to={conflictPath(c)} size="sm" fw={500}>
                    {c.label}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`team.collections.${c.collection}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.fields.map((f) => fieldLabel(t, exists, c.collection, f)).join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  <Versions versions={c.versions} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One value of one version, as a person reads it. */
function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const view = valueView(t, value, lang);
  switch (view.kind) {
    case 'empty':
      return (
        <Text span size="sm" c="dimmed" fs="italic">
          {t('team.conflicts.emptyValue')}
        </Text>
      );
    case 'text':
      return (
        <Text span size="sm" className="conflict-text">
          {view.text}
        </Text>
      );
    case 'list':
      return (
        <Group gap={4} component="span">
          {view.items.map((item, i) => (
            <Badge key={`${item}-${i}`} size="sm" variant="light" color="gray" tt="none" component="span">
              {item}
            </Badge>
          ))}
        </Group>
      );
    case 'json':
      return <Code className="conflict-json">{view.text}</Code>;
  }
}

function ConflictPanel({ target, list, onResolved }: { target: { collection: CollectionName; id: string }; list: ConflictSummary[]; onResolved: (next: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const detail = useQuery({ queryKey: ['team', 'conflict', target.collection, target.id], queryFn: () => api.team.conflict(target), retry: false });
  if (detail.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (detail.isError) {
    const gone = detail.error instanceof AppError && detail.error.code === 'NOT_FOUND';
    return (
      <Alert color={gone ? 'gray' : 'red'} variant="light" role="alert">
        {gone ? t('team.conflicts.gone') : describeError(t, detail.error)}{' '}
        <Anchor component={Link} to="/conflicts">
          {t('team.conflicts.back')}
        </Anchor>
      </Alert>
    );
  }
  return <ConflictForm conflict={detail.data} list={list} onResolved={onResolved} />;
}

function ConflictForm({ conflict, list, onResolved }: { conflict: ConflictDetail; list: ConflictSummary[]; onResolved: (next: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const exists = (key: string) => i18n.exists(key);
  const fields = useMemo(() => conflict.fields.filter((f) => Object.hasOwn(conflict.values, f)), [conflict]);
  const [choices, setChoices] = useState<Record<string, number>>(() => Object.fromEntries(fields.map((f) => [f, 0])));
  const [error, setError] = useState<string | null>(null);
  const resolve = useMutation({
    mutationFn: () => api.team.resolve({ collection: conflict.collection, id: conflict.id, revs: conflict.versions.map((v) => v.rev), choices }),
    onSuccess: async (status) => {
      queryClient.setQueryData(TEAM_STATUS_KEY, status);
      notifySuccess(t('team.conflicts.resolved', { label: conflict.label }));
      // The next conflict in the list opens, or the list's heading takes focus when none is left.
      const others = list.filter((c) => !(c.collection === conflict.collection && c.id === conflict.id));
      const at = list.findIndex((c) => c.collection === conflict.collection && c.id === conflict.id);
      const next = others[Math.max(0, Math.min(at, others.length - 1))];
      const path = next ? conflictPath(next) : '/conflicts';
      requestHeadingFocus(path);
      onResolved(path);
      await navigate(path);
      // The resolved conflict is gone: its versions are not asked for again, everything else of the team is.
      queryClient.removeQueries({ queryKey: ['team', 'conflict', conflict.collection, conflict.id] });
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'team' && q.queryKey[1] !== 'conflict' });
      // The refresh may re-render the list under the heading: focus never stays lost on the body.
      if (focusLost()) focusScreenHeading(path);
    },
    onError: (e) => {
      setError(describeError(t, e));
      // Another version arrived meanwhile: the versions are shown again, as they are now.
      if (e instanceof AppError && e.code === 'CONFLICT') void queryClient.invalidateQueries({ queryKey: ['team', 'conflict', conflict.collection, conflict.id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    resolve.mutate();
  };
  const titleId = 'conflict-title';

  return (
    <form onSubmit={submit} aria-labelledby={titleId} className="conflict-form">
      <Stack gap="sm">
        <Group gap="xs" align="center">
          <IconGitMerge size={20} aria-hidden />
          <Title order={2} size="h4" id={titleId} {...recordHeading}>
            {t('team.conflicts.detailTitle', { label: conflict.label })}
          </Title>
          <Badge variant="light" color="gray" tt="none">
            {t(`team.collections.${conflict.collection}`)}
          </Badge>
        </Group>
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder withColumnBorders className="conflict-table" aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('team.conflicts.field')}</Table.Th>
                {conflict.versions.map((v, i) => (
                  <Table.Th scope="col" key={v.rev} id={`version-${i}`}>
                    {t('team.conflicts.versionOf', { n: i + 1, user: v.user, when: formatDateTime(v.at, lang) })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => {
                const label = fieldLabel(t, exists, conflict.collection, field);
                const values = conflict.values[field] ?? [];
                return (
                  <Table.Tr key={field}>
                    <Table.Th scope="row" id={`field-${field}`}>
                      {label}
                    </Table.Th>
                    {conflict.versions.map((v, i) => (
                      <Table.Td key={v.rev} className={(choices[field] ?? 0) === i ? 'conflict-chosen' : undefined}>
                        <Radio
                          name={`keep-${field}`}
                          value={String(i)}
                          checked={(choices[field] ?? 0) === i}
                          onChange={() => setChoices((c) => ({ ...c, [field]: i }))}
                          label={<Value value={values[i]} />}
                          aria-describedby={`field-${field} version-${i}`}
                          styles={{ body: { alignItems: 'flex-start' } }}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {error ? (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        ) : null}
        <Group gap="xs">
          <Button type="submit" loading={resolve.isPending}>
            {t('team.conflicts.keep')}
          </Button>
          <Button variant="default" component={Link} to="/conflicts">
            {t('team.conflicts.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function HeldSection({ held, error }: { held: Array<{ docId: string; reason: string; detail: string }>; error: string | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="held-title" mt="md">
      <Title order={2} size="h5" id="held-title">
        {t('team.conflicts.heldTitle')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('team.conflicts.heldIntro')}
      </Text>
      {error ? (
        <Text c="red" role="alert" size="sm">
          {error}
        </Text>
      ) : held.length === 0 ? (
        <Text size="sm">{t('team.conflicts.heldEmpty')}</Text>
      ) : (
        <Table withTableBorder striped aria-labelledby="held-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.conflicts.document')}</Table.Th>
              <Table.Th>{t('team.conflicts.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {held.map((h) => (
              <Table.Tr key={h.docId}>
                <Table.Td>
                  <Code>{h.docId}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`team.held.${h.reason}` as TranslationKey, { detail: h.detail, defaultValue: h.detail || h.reason })}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
