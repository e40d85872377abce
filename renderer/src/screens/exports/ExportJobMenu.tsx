/**
 * The scaffold every Export menu shares (a list's, a person's, a selection's): the button that
 * opens the menu and shows the running job's progress, the menu itself, and a status region that
 * says an export is running, and a Cancel button beside it while a job runs (`onCancel`, the hook's
 * cancel()). The menu's items start jobs with `run` from useExportJob.
 */
import { Button, Loader, Menu, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CancelExportButton } from './CancelExportButton';
import type { ExportJobState } from './useExportJob';

interface Props {
  state: ExportJobState;
  /** The button's text when idle (default "Export"). */
  label?: string;
  title?: string;
  'aria-label'?: string;
  /** Stops the running job (a Cancel button shows while it runs). */
  onCancel?: () => void;
  /** The menu's button, for a dialog the menu opens to give focus back to. */
  buttonRef?: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
}

export function ExportJobMenu({ state, label, title, 'aria-label': ariaLabel, onCancel, buttonRef, children }: Props) {
  const { t } = useTranslation();
  const own = useRef<HTMLButtonElement>(null);
  const button = buttonRef ?? own;
  const text = label ?? t('exports.menu');
  const percent = Math.round(state.progress * 100);
  return (
    <>
      <Menu position="bottom-end" withinPortal={false} floatingStrategy="fixed" withInitialFocusPlaceholder={false}>
        <Menu.Target>
          {/* Never disabled while the job runs (focus would fall to the page); a second choice waits for the first. */}
          <Button
            ref={button}
            size="xs"
            variant="default"
            leftSection={state.running ? <Loader size={13} /> : <IconDownload size={15} />}
            title={title}
            aria-label={ariaLabel}
            aria-busy={state.running}
          >
            {state.running ? `${text} · ${percent} %` : text}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>{children}</Menu.Dropdown>
      </Menu>
      {onCancel ? <CancelExportButton running={state.running} onCancel={onCancel} returnFocusTo={button} /> : null}
      <VisuallyHidden role="status">{state.running ? t('exports.exporting') : ''}</VisuallyHidden>
    </>
  );
}
