import { Button, Group, Title } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DeleteImpact } from '../../../../shared/contract/common';
import { recordHeading } from '../../app/focus';
import { DeleteDialog } from '../DeleteDialog';

interface Props {
  /** The list the record belongs to ("/cases"): Edit opens below it, and deleting returns to it. */
  base: string;
  record: { id: string; revision: number };
  /** The record's operations in the contract (`api.cases`, …). */
  service: {
    deleteImpact: (input: { id: string }) => Promise<DeleteImpact>;
    delete: (input: { id: string; revision: number }) => Promise<{ undoId: string }>;
  };
  /** The toolbar's accessible name ("Case actions"). */
  label: string;
  titleId: string;
  title: ReactNode;
  /** What sort of record it is and its state, left of the actions; without it the actions stand alone. */
  meta?: ReactNode;
  /** Further actions, between Edit and Delete. */
  children?: ReactNode;
  /** Actions more destructive than Delete (erasing a person), after it. */
  destructive?: ReactNode;
}

/**
 * The top of a record's detail pane: its actions (Edit, the screen's own, Delete) and its title.
 * Delete asks first, through the dialog that shows what else goes with the record.
 */
export function DetailHeader({ base, record, service, label, titleId, title, meta, children, destructive }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { id, revision } = record;

  const actions = (
    <>
      <Button size="xs" variant="default" leftSection={<IconEdit size={15} />} onClick={() => navigate(`${base}/${id}/edit`)}>
        {t('common.edit')}
      </Button>
      {children}
      <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={15} />} onClick={() => setConfirming(true)}>
        {t('common.delete')}
      </Button>
      {destructive}
    </>
  );

  return (
    <>
      {meta === undefined ? (
        <Group justify="flex-end" wrap="wrap" mb={6} role="toolbar" aria-label={label} gap={6}>
          {actions}
        </Group>
      ) : (
        <Group justify="space-between" wrap="wrap" gap={6} mb={6}>
          {meta}
          <Group gap={6} wrap="wrap" justify="flex-end" role="toolbar" aria-label={label}>
            {actions}
          </Group>
        </Group>
      )}
      <Title order={2} size="h3" id={titleId} {...recordHeading}>
        {title}
      </Title>
      <DeleteDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        recordKey={`${base}/${id}@${revision}`}
        impact={() => service.deleteImpact({ id })}
        remove={() => service.delete({ id, revision })}
        onDeleted={() => navigate(base)}
      />
    </>
  );
}
