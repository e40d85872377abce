/**
 * A passphrase field: Mantine's PasswordInput with what it leaves out for screen readers (its inner
 * input gets no aria-invalid and no link to its description or error) and a show/hide button that
 * has a name and can be reached with Tab. Used by the unlock form, Settings and the welcome screen.
 */
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends Omit<PasswordInputProps, 'error' | 'description'> {
  error?: ReactNode;
  description?: ReactNode;
}

export const PassphraseInput = forwardRef<HTMLInputElement, Props>(function PassphraseInput({ error, description, ...props }, ref) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <PasswordInput
      ref={ref}
      {...props}
      description={description}
      descriptionProps={{ id: descriptionId }}
      error={error}
      errorProps={{ id: errorId, role: 'alert' }}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': t('lock.show') }}
    />
  );
});
