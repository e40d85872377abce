/**
 * Settings → Security: whether the workspace is protected with a passphrase; set, change or remove
 * it (each in a dialog that gives focus back to its button); lock now; and the idle time before the
 * app locks itself.
 */
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import type { Settings } from '../../../../shared/features/workspace/schema';
import { useApi } from '../../api/context';
import { STATUS_KEY, useAppLock } from '../../app/lock';
import { DialogFooter } from '../../components/form/DialogFooter';
import { emptyPassphrase, newPassphraseErrors, NewPassphraseFields, type NewPassphrase } from '../../components/form/NewPassphrase';
import { PassphraseInput } from '../../components/form/PassphraseInput';
import { describeError, fieldErrors } from '../../lib/errors';
import { notifyError, notifySuccess } from '../../lib/notify';

type Mode = 'set' | 'change' | 'remove';

const LOCK_AFTER = [0, 5, 15, 30, 60];

export function SecuritySection() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { encrypted, lockNow } = useAppLock();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
  const update = useMutation({
    mutationFn: (changes: Partial<Settings>) => api.settings.update(changes),
    onSuccess: (next) => queryClient.setQueryData(['settings'], next),
    onError: (e) => notifyError(describeError(t, e)),
  });
  const [mode, setMode] = useState<Mode | null>(null);
  // Each opening starts with empty fields.
  const [opening, setOpening] = useState(0);
  const open = (m: Mode) => {
    setOpening((n) => n + 1);
    setMode(m);
  };
  const minutes = settings.data?.lockAfterMinutes ?? 15;
  const choices = LOCK_AFTER.includes(minutes) ? LOCK_AFTER : [...LOCK_AFTER, minutes].sort((a, b) => a - b);

  return (
    <Stack gap="sm" component="section" aria-labelledby="security-title">
      <Title order={2} size="h5" id="security-title">
        {t('security.title')}
      </Title>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={encrypted ? 'teal' : 'gray'} size="lg" aria-hidden>
          {encrypted ? <IconLock size={20} /> : <IconLockOpen size={20} />}
        </ThemeIcon>
        <div>
          <Text fw={600} size="sm" data-testid="protection-state">
            {encrypted ? t('security.protected') : t('security.unprotected')}
          </Text>
          <Text size="sm" c="dimmed">
            {encrypted ? t('security.protectedHint') : t('security.unprotectedHint')}
          </Text>
        </div>
      </Group>
      <Group gap="xs">
        {encrypted ? (
          <>
            <Button size="compact-sm" variant="light" onClick={() => open('change')}>
              {t('security.change')}
            </Button>
            <Button size="compact-sm" variant="light" color="red" onClick={() => open('remove')}>
              {t('security.remove')}
            </Button>
            <Button size="compact-sm" variant="default" leftSection={<IconLock size={14} aria-hidden />} onClick={() => void lockNow()}>
              {t('lock.lockNow')}
            </Button>
          </>
        ) : (
          <Button size="compact-sm" onClick={() => open('set')}>
            {t('security.set')}
          </Button>
        )}
      </Group>
      {encrypted ? <DeviceRow /> : null}
      <Stack gap={4}>
        <Text fw={600} size="sm" id="lock-after-label">
          {t('security.lockAfter')}
        </Text>
        <Text size="xs" c="dimmed" id="lock-after-hint">
          {t('security.lockAfterHint')}
        </Text>
        <SegmentedControl
          aria-labelledby="lock-after-label"
          aria-describedby="lock-after-hint"
          value={String(minutes)}
          onChange={(v) => update.mutate({ lockAfterMinutes: Number(v) })}
          disabled={!settings.data}
          data={choices.map((m) => ({ value: String(m), label: m === 0 ? t('security.never') : t('security.minutes', { value: m }) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <Modal
        opened={mode !== null}
        onClose={() => setMode(null)}
        title={mode ? t(`security.${mode}`) : ''}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {mode ? <PassphraseForm key={opening} mode={mode} onDone={() => setMode(null)} /> : null}
      </Modal>
    </Stack>
  );
}

/** "Remember on this device" for a protected workspace, where the shell can seal the key (Electron). */
function DeviceRow() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const device = useQuery({ queryKey: STATUS_KEY, queryFn: () => api.workspace.status({}) }).data?.device;
  const change = useMutation({
    mutationFn: (remember: boolean) => api.workspace.rememberOnDevice({ remember }),
    onSuccess: (status, remember) => {
      queryClient.setQueryData(STATUS_KEY, status);
      notifySuccess(t(remember ? 'security.rememberDone' : 'security.forgetDone'));
    },
    onError: (e) => notifyError(describeError(t, e)),
  });
  if (!device?.canRemember) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('security.device')}
      </Text>
      <Text size="sm" c="dimmed" data-testid="device-state">
        {device.remembered ? t('security.remembered') : t('security.notRemembered')}
      </Text>
      <Button size="compact-sm" variant="light" style={{ alignSelf: 'flex-start' }} loading={change.isPending} onClick={() => change.mutate(!device.remembered)}>
        {device.remembered ? t('security.forget') : t('security.rememberNow')}
      </Button>
    </Stack>
  );
}

function PassphraseForm({ mode, onDone }: { mode: Mode; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [choice, setChoice] = useState<NewPassphrase>(emptyPassphrase);
  const [errors, setErrors] = useState<{ current?: string; next?: string; repeat?: string; form?: string }>({});
  const currentField = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: () => api.workspace.setPassphrase({ current: mode === 'set' ? null : current, next: mode === 'remove' ? null : choice.next }),
    onSuccess: (status) => {
      queryClient.setQueryData(STATUS_KEY, status);
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
      notifySuccess(t(mode === 'set' ? 'security.setDone' : mode === 'change' ? 'security.changeDone' : 'security.removeDone'));
      onDone();
    },
    onError: (e) => {
      if (e instanceof AppError && e.code === 'WRONG_PASSPHRASE') {
        setErrors({ current: describeError(t, e) });
        currentField.current?.focus();
        currentField.current?.select();
      } else if (e instanceof AppError && e.fields?.next) {
        setErrors({ next: fieldErrors(t, e).next });
      } else setErrors({ form: describeError(t, e) });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (mode !== 'set' && !current) found.current = t('security.required');
    if (mode !== 'remove') Object.assign(found, newPassphraseErrors(t, choice));
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {mode === 'remove' ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('security.removeWarning')}
          </Alert>
        ) : null}
        {mode !== 'set' ? (
          <PassphraseInput
            ref={currentField}
            label={t('security.current')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.current}
            autoComplete="current-password"
            data-autofocus
          />
        ) : null}
        {mode !== 'remove' ? (
          <NewPassphraseFields
            value={choice}
            onChange={setChoice}
            errors={{ ...(errors.next ? { next: errors.next } : {}), ...(errors.repeat ? { repeat: errors.repeat } : {}) }}
            autoFocus={mode === 'set'}
          />
        ) : null}
        {errors.form ? (
          <Text c="red" size="sm" role="alert">
            {errors.form}
          </Text>
        ) : null}
        <DialogFooter onCancel={onDone} saving={save.isPending} submitLabel={mode === 'remove' ? t('security.removeConfirm') : t(`security.${mode}`)} mt="xs" />
      </Stack>
    </form>
  );
}
