import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { dateInputProps } from '../../lib/dateInput';

/**
 * A date field for dialogs: ISO shown, either spelling read (dateInputProps). While its calendar is
 * open, Escape closes only the calendar, as Escape in an open Select closes only its list; the next
 * Escape reaches the dialog, which asks before typed work is lost. Mantine's dialogs skip an Escape
 * whose target carries data-mantine-stop-propagation, which its own Combobox sets the same way.
 */
export function DateField(props: DateInputProps) {
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    <DateInput
      {...dateInputProps}
      {...props}
      popoverProps={{
        ...props.popoverProps,
        onOpen: () => setCalendarOpen(true),
        onClose: () => setCalendarOpen(false),
      }}
      data-mantine-stop-propagation={calendarOpen || undefined}
    />
  );
}
