import { TagsInput, type TagsInputProps } from '@mantine/core';

/** Free topic tags with suggestions from what the workspace already uses. */
export function TopicsInput(props: TagsInputProps) {
  return <TagsInput clearable acceptValueOnBlur splitChars={[',', ';']} maxDropdownHeight={220} comboboxProps={{ withinPortal: true }} {...props} />;
}
