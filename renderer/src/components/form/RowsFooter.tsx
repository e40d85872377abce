import { Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

let rowSeq = 0;
/** A stable React key for a row added to a form list (destinations, members, follow-ups). */
export const rowKey = () => `row-${++rowSeq}`;

interface Props {
  /** The list's own error (too few rows, …); errors of single rows stand at their fields. */
  error?: ReactNode;
  addLabel: string;
  onAdd: () => void;
  disabled?: boolean;
}

/** Below a list of form rows: what is wrong with the list as a whole, and the button to add a row. */
export function RowsFooter({ error, addLabel, onAdd, disabled }: Props) {
  return (
    <>
      {typeof error === 'string' ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd} disabled={disabled}>
          {addLabel}
        </Button>
      </Group>
    </>
  );
}
