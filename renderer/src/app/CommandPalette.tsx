import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import { IconBriefcase, IconBuilding, IconNotes, IconPlus, IconSearch, IconSettings, IconUser } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { foldText } from '../../../shared/domain/text';
import { useApi } from '../api/context';
import { emitCommand } from './commands';
import { useSections } from './sections';

interface PaletteItem {
  id: string;
  label: string;
  description?: string;
  icon: ReactNode;
  badge?: string;
  run: () => void;
}

const [paletteStore, palette] = createSpotlight();

/** Ctrl/Cmd+K: jump to any case or run a command, by keyboard. */
export function CommandPalette() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 100);

  const hits = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => api.search.global({ text: debounced, limit: 6 }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
  });

  const sections = useSections();
  const commands: PaletteItem[] = [
    { id: 'new-case', label: t('cases.new'), icon: <IconPlus size={18} />, run: () => emitCommand('case.new') },
    ...sections.map((s) => ({ id: s.path, label: s.label, icon: s.icon, run: () => navigate(s.path) })),
    { id: 'settings', label: t('nav.settings'), icon: <IconSettings size={18} />, run: () => navigate('/settings') },
  ];
  const q = foldText(query.trim());
  const matchingCommands = commands.filter((c) => !q || foldText(c.label).includes(q));
  const icons = { case: <IconBriefcase size={18} />, contact: <IconUser size={18} />, organisation: <IconBuilding size={18} />, note: <IconNotes size={18} /> };
  const routes = { case: '/cases', contact: '/contacts', organisation: '/organisations', note: '/notes' };
  const recordItems: PaletteItem[] =
    q && hits.data
      ? hits.data.map((h) => ({
          id: `${h.kind}-${h.id}`,
          label: h.label,
          description: h.detail,
          badge: t(`palette.kinds.${h.kind}`),
          icon: icons[h.kind],
          run: () => navigate(`${routes[h.kind]}/${h.id}`),
        }))
      : [];
  // A command whose name was typed comes first: "People" means the list, not a person named so.
  const items = [...matchingCommands, ...recordItems];

  // Enter with nothing highlighted goes to the best match, so "type, Enter" is enough.
  const onSearchKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || paletteStore.getState().selected >= 0 || !items[0]) return;
    e.preventDefault();
    items[0].run();
    palette.close();
  };

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      scrollable
      maxHeight={420}
      onSpotlightClose={() => setQuery('')}
      attributes={{ content: { 'aria-label': t('palette.title') } }}
    >
      <Spotlight.Search
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.title')}
        leftSection={<IconSearch size={18} />}
        onKeyDown={onSearchKeyDown}
      />
      <Spotlight.ActionsList aria-label={t('palette.title')}>
        {items.length ? (
          items.map((item) => (
            <Spotlight.Action key={item.id} onClick={item.run}>
              <Group wrap="nowrap" gap="sm" w="100%">
                {item.icon}
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {item.label}
                  </Text>
                  {item.description ? (
                    <Text size="xs" c="dimmed">
                      {item.description}
                    </Text>
                  ) : null}
                </div>
                {item.badge ? (
                  <Badge size="xs" variant="light">
                    {item.badge}
                  </Badge>
                ) : null}
              </Group>
            </Spotlight.Action>
          ))
        ) : (
          <Spotlight.Empty>{t('palette.nothing')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

export const openPalette = () => palette.open();
