import { Button, Checkbox, Menu } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  all: Array<{ id: string; header: string; required?: boolean }>;
  visible: string[];
  onChange: (visible: string[]) => void;
}

/** Which columns a list shows; required ones (the name) cannot be hidden. */
export function ColumnChooser({ all, visible, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (id: string) => onChange(visible.includes(id) ? visible.filter((v) => v !== id) : all.filter((c) => c.id === id || visible.includes(c.id)).map((c) => c.id));
  return (
    <Menu position="bottom-end" withinPortal closeOnItemClick={false}>
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconColumns size={15} />}>
          {t('lists.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {all.map((c) => (
          <Menu.Item key={c.id} onClick={() => !c.required && toggle(c.id)} disabled={c.required}>
            <Checkbox label={c.header} checked={visible.includes(c.id)} readOnly tabIndex={-1} size="xs" disabled={c.required} />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
