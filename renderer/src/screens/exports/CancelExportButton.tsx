/**
 * Why this exists: a running export (a list, a person's data, the archive) can be stopped. The button
 * sits beside the one that started the export while the job runs; pressing it asks the backend to
 * cancel (jobs.cancel: the job stops at its next checkpoint and delivers no file) and gives focus back
 * to the export button, so focus is never lost when this button goes away — also when the job ends
 * by itself while the button has focus.
 */
import { Button } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  running: boolean;
  onCancel: () => void;
  /** Where focus goes when the button goes away: the button that started the export. */
  returnFocusTo: RefObject<HTMLElement | null>;
  /** Its accessible name when "Cancel export" is not precise enough. */
  label?: string;
}

export function CancelExportButton({ running, onCancel, returnFocusTo, label }: Props) {
  const { t } = useTranslation();
  const hadFocus = useRef(false);
  useEffect(() => {
    if (running || !hadFocus.current) return;
    hadFocus.current = false;
    if (document.activeElement === document.body || document.activeElement === null) returnFocusTo.current?.focus();
  }, [running, returnFocusTo]);
  if (!running) return null;
  return (
    <Button
      size="xs"
      variant="subtle"
      color="gray"
      leftSection={<IconX size={14} aria-hidden />}
      aria-label={label ?? t('exports.cancel')}
      onFocus={() => {
        hadFocus.current = true;
      }}
      onBlur={(e) => {
        // Focus moved on by the user (not the button going away).
        if (e.relatedTarget) hadFocus.current = false;
      }}
      onClick={() => {
        onCancel();
        hadFocus.current = false;
        returnFocusTo.current?.focus();
      }}
    >
      {t('common.cancel')}
    </Button>
  );
}
