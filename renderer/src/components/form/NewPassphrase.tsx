/**
 * Choosing a new passphrase, the same at first start and in Settings: the field with a strength hint,
 * the repetition, and the warning that a forgotten passphrase cannot be recovered.
 */
import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { passphraseStrength } from '../../lib/passphrase';
import { PassphraseInput } from './PassphraseInput';

export interface NewPassphrase {
  next: string;
  repeat: string;
}

export const emptyPassphrase = (): NewPassphrase => ({ next: '', repeat: '' });

/** What is wrong with the choice, per field (the backend checks the length again). */
export function newPassphraseErrors(t: TFunction, v: NewPassphrase): Partial<Record<keyof NewPassphrase, string>> {
  if (v.next.length < 8) return { next: t('validation.passphraseTooShort') };
  if (v.next !== v.repeat) return { repeat: t('security.mismatch') };
  return {};
}

interface Props {
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
  errors: Partial<Record<keyof NewPassphrase, string>>;
  /** The first field takes focus (in a dialog that starts with it). */
  autoFocus?: boolean;
}

export function NewPassphraseFields({ value, onChange, errors, autoFocus }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        {t('security.warning')}
      </Alert>
      <PassphraseInput
        label={t('security.next')}
        value={value.next}
        onChange={(e) => onChange({ ...value, next: e.currentTarget.value })}
        description={value.next ? t(`security.strength.${passphraseStrength(value.next)}`) : t('validation.passphraseTooShort')}
        error={errors.next}
        autoComplete="new-password"
        data-autofocus={autoFocus || undefined}
      />
      <PassphraseInput
        label={t('security.repeat')}
        value={value.repeat}
        onChange={(e) => onChange({ ...value, repeat: e.currentTarget.value })}
        error={errors.repeat}
        autoComplete="new-password"
      />
    </Stack>
  );
}
