/**
 * Settings → Team: link this workspace to a CouchDB team database (address, database, user,
 * password, what to share), test the connection first, and while linked see where sync stands,
 * change what is shared, read where the password is kept, sync now, give the password again after a
 * restart that could not keep it, or disconnect (the local records stay). The password is sent once
 * and never shown back; field mistakes show under their fields, from the shared schema at once and
 * from the backend's answer otherwise.
 */
import { Alert, Anchor, Button, Checkbox, Group, List, Modal, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPlugConnected, IconPlugConnectedX, IconRefresh, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AppError } from '../../../../shared/errors';
import { passwordKeeps, shareKinds, type ShareKind } from '../../../../shared/features/team/link';
import { TeamConnectInput, type TeamStatus } from '../../../../shared/features/team/schema';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { StateIcon, TEAM_STATUS_KEY, useSyncNow, useTeamStatus } from '../../app/teamSync';
import { PassphraseInput } from '../../components/form/PassphraseInput';
import { byField, describeError, formErrorsOf, schemaErrors } from '../../lib/errors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { problemText, syncLine } from '../../lib/team';

/** After the form or the panel it replaced is gone, focus goes to the section's heading (a timer: after a dialog lets go). */
const focusLater = (ref: RefObject<HTMLElement | null>) => window.setTimeout(() => ref.current?.focus());

export function TeamSection() {
  const { t } = useTranslation();
  const status = useTeamStatus();
  const heading = useRef<HTMLHeadingElement>(null);
  const [params] = useSearchParams();
  const wanted = params.get('section') === 'team';
  // Opened from the sidebar's status line: the section comes into view with focus on its heading.
  useEffect(() => {
    if (!wanted) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [wanted]);
  const s = status.data;

  return (
    <Stack gap="sm" component="section" aria-labelledby="team-title">
      <Title order={2} size="h5" id="team-title" ref={heading} tabIndex={-1}>
        {t('team.settings.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('team.settings.intro')}
      </Text>
      {status.isError ? (
        <Text c="red" size="sm" role="alert">
          {describeError(t, status.error)}
        </Text>
      ) : !s ? null : s.state === 'off' ? (
        <ConnectForm onLinked={() => focusLater(heading)} />
      ) : (
        <LinkedPanel status={s} now={status.dataUpdatedAt || Date.now()} onUnlinked={() => focusLater(heading)} />
      )}
    </Stack>
  );
}

/** The share choice: one checkbox per kind, each saying what it carries, and what never travels. */
function ShareChoice({ value, onChange, error }: { value: ShareKind[]; onChange: (v: ShareKind[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('team.settings.share')} description={t('team.settings.shareHelp')} value={value} onChange={(v) => onChange(v as ShareKind[])} error={error}>
      <Stack gap={8} mt={8}>
        {shareKinds.map((kind) => (
          <Checkbox key={kind} value={kind} label={t(`team.settings.kinds.${kind}`)} description={t(`team.settings.kindHelp.${kind}`)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

type Fields = 'url' | 'database' | 'user' | 'password' | 'share';
const FIELD_ORDER: Fields[] = ['url', 'database', 'user', 'password', 'share'];
type TestOutcome = { ok: boolean; text: string };

function ConnectForm({ onLinked }: { onLinked: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [database, setDatabase] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [share, setShare] = useState<ShareKind[]>([...shareKinds]);
  const [errors, setErrors] = useState<Partial<Record<Fields | 'form', string>>>({});
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const refs = {
    url: useRef<HTMLInputElement>(null),
    database: useRef<HTMLInputElement>(null),
    user: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    share: useRef<HTMLInputElement>(null),
  };
  const input = { url, database, user, password, share };

  const showErrors = (found: Partial<Record<Fields | 'form', string>>) => {
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };
  /** The shared schema's verdict before anything is sent; true when the input may go. */
  const check = () => {
    const result = TeamConnectInput.safeParse(input);
    if (result.success) {
      setErrors({});
      return true;
    }
    showErrors(byField(schemaErrors(t, result.error)));
    return false;
  };
  const failed = (e: unknown) => {
    const fields = e instanceof AppError ? byField(formErrorsOf(t, e)) : {};
    if (Object.keys(fields).length) showErrors(fields);
    else setErrors({ form: describeError(t, e) });
  };

  const test = useMutation({
    mutationFn: () => api.team.test(input),
    onMutate: () => setOutcome(null),
    onSuccess: (r) => {
      if (!r.ok) setOutcome({ ok: false, text: problemText(t, r.problem ?? 'server') });
      else setOutcome({ ok: true, text: r.documents ? t('team.settings.testOk', { count: r.documents }) : t('team.settings.testOkEmpty') });
    },
    onError: failed,
  });
  const connect = useMutation({
    mutationFn: () => api.team.connect(input),
    onSuccess: (next) => {
      setPassword('');
      queryClient.setQueryData(TEAM_STATUS_KEY, next);
      notifySuccess(t('team.settings.connected'));
      onLinked();
    },
    onError: failed,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!connect.isPending && check()) connect.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="team-title">
      <Stack gap="sm">
        <TextInput
          ref={refs.url}
          label={t('team.settings.url')}
          description={t('team.settings.urlHelp')}
          placeholder="https://couch.example.org"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={errors.url}
          required
          type="url"
          autoComplete="url"
          spellCheck={false}
          maxLength={2000}
        />
        <Group grow align="flex-start">
          <TextInput
            ref={refs.database}
            label={t('team.settings.database')}
            description={t('team.settings.databaseHelp')}
            value={database}
            onChange={(e) => setDatabase(e.currentTarget.value)}
            error={errors.database}
            required
            spellCheck={false}
            autoCapitalize="none"
            maxLength={128}
          />
          <TextInput
            ref={refs.user}
            label={t('team.settings.user')}
            value={user}
            onChange={(e) => setUser(e.currentTarget.value)}
            error={errors.user}
            required
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            maxLength={120}
          />
        </Group>
        <PassphraseInput
          ref={refs.password}
          label={t('team.settings.password')}
          description={t('team.settings.passwordHelp')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          required
          autoComplete="current-password"
          maxLength={512}
        />
        <ShareChoice value={share} onChange={setShare} error={errors.share} />
        {errors.form ? (
          <Text c="red" size="sm" role="alert">
            {errors.form}
          </Text>
        ) : null}
        <div role="status" aria-live="polite">
          {outcome ? (
            <Group gap={6} wrap="nowrap" data-testid="team-test-outcome">
              <ThemeIcon size="sm" radius="xl" variant="light" color={outcome.ok ? 'teal' : 'red'} aria-hidden>
                {outcome.ok ? <IconCheck size={14} /> : <IconX size={14} />}
              </ThemeIcon>
              <Text size="sm" className={outcome.ok ? 'team-ok' : 'team-problem'}>
                {outcome.text}
              </Text>
            </Group>
          ) : null}
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconPlugConnected size={16} aria-hidden />}
            loading={test.isPending}
            onClick={() => {
              if (check()) test.mutate();
            }}
          >
            {t('team.settings.test')}
          </Button>
          <Button type="submit" loading={connect.isPending}>
            {t('team.settings.connect')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LinkedPanel({ status: s, now, onUnlinked }: { status: TeamStatus; now: number; onUnlinked: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const syncNow = useSyncNow();
  const [confirming, setConfirming] = useState(false);
  const disconnectButton = useRef<HTMLButtonElement>(null);
  const disconnect = useMutation({
    mutationFn: () => api.team.disconnect({}),
    onSuccess: (next) => {
      setConfirming(false);
      queryClient.setQueryData(TEAM_STATUS_KEY, next);
      void queryClient.invalidateQueries({ queryKey: ['team'] });
      notifySuccess(t('team.settings.disconnected'));
      onUnlinked();
    },
    onError: (e) => notifyError(describeError(t, e)),
  });
  const cancel = () => {
    setConfirming(false);
    focusLater(disconnectButton);
  };

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={s.state === 'error' || s.state === 'needsPassword' ? 'red' : s.state === 'offline' ? 'gray' : 'teal'} size="lg" aria-hidden>
          <StateIcon state={s.state} size={20} />
        </ThemeIcon>
        <div>
          <Text fw={600} size="sm" data-testid="team-settings-state">
            {syncLine(t, s, now, lang)}
          </Text>
          <Text size="sm">{t('team.settings.linkedTo', { database: s.database ?? '', url: s.url ?? '' })}</Text>
          <Text size="sm" c="dimmed">
            {t('team.settings.linkedAs', { user: s.user ?? '' })}
          </Text>
        </div>
      </Group>
      {s.state === 'needsPassword' ? <UnlockForm /> : null}
      {s.conflicts > 0 ? (
        <Anchor component={Link} to="/conflicts" size="sm">
          {t('team.sync.conflicts', { count: s.conflicts })}
        </Anchor>
      ) : null}
      <ShareForm saved={s.share} />
      {s.passwordKept ? (
        <Stack gap={4}>
          <Text size="sm" data-testid="team-password-kept">
            <Text span fw={600} size="sm">
              {t('team.settings.passwordKept')}:
            </Text>{' '}
            {t(`team.settings.keeps.${s.passwordKept}`)}
          </Text>
          <List size="xs" spacing={2} c="dimmed">
            {passwordKeeps.map((keep) => (
              <List.Item key={keep}>
                <Text span size="xs" fw={keep === s.passwordKept ? 600 : 400}>
                  {t(`team.settings.keeps.${keep}`)}
                </Text>
                {': '}
                {t(`team.settings.keepHelp.${keep}`)}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      <Group gap="xs">
        <Button variant="light" leftSection={<IconRefresh size={16} aria-hidden />} loading={syncNow.isPending} disabled={s.state === 'needsPassword'} onClick={() => syncNow.mutate()}>
          {t('team.settings.syncNow')}
        </Button>
        <Button ref={disconnectButton} variant="subtle" color="red" leftSection={<IconPlugConnectedX size={16} aria-hidden />} onClick={() => setConfirming(true)} aria-haspopup="dialog">
          {t('team.settings.disconnect')}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={cancel} title={t('team.settings.disconnectTitle')} centered returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="md">
          <Text size="sm">{t('team.settings.disconnectText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={disconnect.isPending} onClick={() => disconnect.mutate()}>
              {t('team.settings.disconnectConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** What is shared, changed while linked. */
function ShareForm({ saved }: { saved: ShareKind[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [share, setShare] = useState<ShareKind[]>(saved);
  const savedKey = [...saved].sort().join(',');
  // The saved choice arrives with each status; a change made here is kept until it is saved.
  useEffect(() => setShare(savedKey ? (savedKey.split(',') as ShareKind[]) : []), [savedKey]);
  const [error, setError] = useState<string | undefined>(undefined);
  const save = useMutation({
    mutationFn: () => api.team.share({ share }),
    onSuccess: (next) => {
      setError(undefined);
      queryClient.setQueryData(TEAM_STATUS_KEY, next);
      notifySuccess(t('team.settings.shareSaved'));
    },
    onError: (e) => setError(byField(formErrorsOf(t, e)).share ?? describeError(t, e)),
  });
  const changed = [...share].sort().join(',') !== savedKey;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (changed && !save.isPending) save.mutate();
      }}
      aria-label={t('team.settings.share')}
    >
      <Stack gap="xs">
        <ShareChoice value={share} onChange={setShare} error={error} />
        <Button type="submit" variant="default" size="compact-sm" disabled={!changed} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('team.settings.shareSave')}
        </Button>
      </Stack>
    </form>
  );
}

/** The password again, when it could be kept for the last session only. */
function UnlockForm() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const field = useRef<HTMLInputElement>(null);
  const unlock = useMutation({
    mutationFn: () => api.team.unlock({ password }),
    onSuccess: (next) => {
      setPassword('');
      setError(undefined);
      queryClient.setQueryData(TEAM_STATUS_KEY, next);
      notifySuccess(t('team.settings.unlocked'));
    },
    onError: (e) => {
      setError(byField(formErrorsOf(t, e)).password ?? describeError(t, e));
      field.current?.focus();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setError(t('validation.required'));
      field.current?.focus();
      return;
    }
    if (!unlock.isPending) unlock.mutate();
  };
  return (
    <Alert color="orange" variant="light" title={t('team.settings.unlockTitle')} icon={<IconAlertTriangle aria-hidden />}>
      <form onSubmit={submit} noValidate aria-label={t('team.settings.unlockTitle')}>
        <Stack gap="xs">
          <Text size="sm">{t('team.problems.passwordNeeded')}</Text>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <PassphraseInput
              ref={field}
              label={t('team.settings.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error}
              autoComplete="current-password"
              maxLength={512}
              style={{ flex: 1 }}
            />
            <Button type="submit" mt={25} loading={unlock.isPending}>
              {t('team.settings.unlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  );
}
