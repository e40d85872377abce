import { TextInput, type TextInputProps } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { normaliseTime } from './parts';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void };

/**
 * A local time as "HH:MM" on the 24-hour clock, typed. The browser's time input would show
 * "10:30 AM" or "10:30" depending on the system locale; the briefing book prints 24-hour times.
 */
export function TimeField({ value, onChange, onBlur, ...rest }: Props) {
  return (
    <TextInput
      {...rest}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      placeholder="HH:MM"
      leftSection={<IconClock size={15} aria-hidden />}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const next = normaliseTime(e.currentTarget.value);
        if (next !== value) onChange(next);
        onBlur?.(e);
      }}
    />
  );
}
