/**
 * Asking for the passphrase of an encrypted workspace: the start screen when it has just been opened,
 * and the same form on the app lock's overlay. A wrong passphrase says so and changes nothing.
 */
import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../shared/features/workspace/schema';
import { STATUS_KEY, useAppLock } from '../../app/lock';
import { PassphraseInput } from '../../components/form/PassphraseInput';
import { describeError } from '../../lib/errors';
import { BrandMark } from '../../components/BrandMark';

/**
 * `offerRemember`: the start screen offers "Remember on this device" where the shell can seal the key
 * (Electron with an OS keychain); the app lock never does — it exists to ask.
 */
export function UnlockForm({ intro, offerRemember = false }: { intro: string; offerRemember?: boolean }) {
  const { t } = useTranslation();
  const { unlock } = useAppLock();
  const status = useQueryClient().getQueryData<WorkspaceStatus>(STATUS_KEY);
  const dataDir = status?.dataDir;
  const canRemember = offerRemember && status?.device.canRemember === true;
  const [remember, setRemember] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!passphrase || busy) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unlock(passphrase, canRemember && remember);
    } catch (err) {
      setError(describeError(t, err));
      setBusy(false);
      // Typing again replaces what was wrong.
      input.current?.focus();
      input.current?.select();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <BrandMark size={32} />
          <Text fw={700}>{t('app.name')}</Text>
        </Group>
        <div>
          <Title order={1} size="h3" id="unlock-title">
            <Group gap={8} component="span" wrap="nowrap">
              <IconLock size={22} aria-hidden />
              {t('lock.title')}
            </Group>
          </Title>
          <Text size="sm" mt={6}>
            {intro}
          </Text>
        </div>
        <PassphraseInput
          ref={input}
          label={t('lock.passphrase')}
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.currentTarget.value);
            if (error) setError(null);
          }}
          error={error}
          autoComplete="current-password"
        />
        {canRemember ? (
          <Checkbox
            label={t('lock.remember')}
            description={t('lock.rememberHint')}
            checked={remember}
            onChange={(e) => setRemember(e.currentTarget.checked)}
          />
        ) : null}
        <Button type="submit" loading={busy} fullWidth>
          {t('lock.unlock')}
        </Button>
        {dataDir ? (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('lock.dataFolder', { path: dataDir })}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

/** An encrypted workspace just opened: nothing of it is shown before the passphrase. */
export function UnlockScreen() {
  const { t } = useTranslation();
  return (
    <main className="centered-page">
      <div style={{ width: 440, maxWidth: '100%' }}>
        <UnlockForm intro={t('lock.intro')} offerRemember />
      </div>
    </main>
  );
}
