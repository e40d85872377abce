/**
 * The search screen (`/search?q=…&kind=…`): every hit of a query across all kinds, filtered by kind
 * (each with its count), paged with "Show more", the matched words marked. The palette's "Show all"
 * opens it; the address keeps the query so Back returns to the same results.
 */
import { Anchor, Badge, Button, Chip, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { searchKinds, type SearchKind } from '../../../../shared/features/search/documents';
import { useApi } from '../../api/context';
import { screenHeading } from '../../app/focus';
import { Highlighted, hitPath, kindIcons } from './parts';

const PAGE = 50;

export function SearchScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text, 150);
  const kind = searchKinds.find((k) => k === params.get('kind')) ?? null;

  // The address follows the typed text (replacing the entry, so Back leaves the screen).
  useEffect(() => {
    const q = debounced.trim();
    if ((params.get('q') ?? '') === q) return;
    const next = new URLSearchParams(params);
    if (q) next.set('q', q);
    else next.delete('q');
    setParams(next, { replace: true });
  }, [debounced, params, setParams]);

  const query = (params.get('q') ?? '').trim();
  const results = useInfiniteQuery({
    queryKey: ['search', 'query', query, kind],
    queryFn: ({ pageParam }) => api.search.query({ text: query, kinds: kind ? [kind] : [], offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const shown = pages.reduce((n, p) => n + p.rows.length, 0);
      return shown < last.total ? shown : undefined;
    },
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
  const pages = results.data?.pages ?? [];
  const first = pages[0];
  const rows = pages.flatMap((p) => p.rows);
  const counts = first?.counts ?? [];
  const all = counts.reduce((n, c) => n + c.count, 0);
  // "Show more" moves focus to the first row it added (the button itself goes away after the last page).
  const list = useRef<HTMLOListElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    const at = focusRow.current;
    if (at === null || rows.length <= at) return;
    focusRow.current = null;
    list.current?.querySelectorAll<HTMLAnchorElement>('li a')[at]?.focus();
  }, [rows.length]);
  const setKind = (k: SearchKind | null) => {
    const next = new URLSearchParams(params);
    if (k) next.set('kind', k);
    else next.delete('kind');
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <Stack gap="md" maw={860}>
        <Title order={1} size="h3" {...screenHeading}>
          {t('searchScreen.title')}
        </Title>
        <TextInput
          label={t('searchScreen.field')}
          placeholder={t('searchScreen.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={200}
          type="search"
        />
        {query && counts.length ? (
          <Chip.Group multiple={false} value={kind ?? 'all'} onChange={(v) => setKind(v === 'all' ? null : (v as SearchKind))}>
            <Group gap={6} role="group" aria-label={t('searchScreen.kinds')}>
              <Chip value="all" size="sm" variant="outline">
                {t('searchScreen.all', { count: all })}
              </Chip>
              {counts.map((c) => (
                <Chip key={c.kind} value={c.kind} size="sm" variant="outline">
                  {t('searchScreen.kind', { kind: t(`palette.groups.${c.kind}`), count: c.count })}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        ) : null}
        {first && !first.ready ? (
          <Text size="sm" c="dimmed" role="status">
            {t('searchScreen.preparing')}
          </Text>
        ) : null}
        <div aria-live="polite">
          {!query ? (
            <Text size="sm" c="dimmed">
              {t('searchScreen.empty')}
            </Text>
          ) : results.isPending ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : first && first.total === 0 ? (
            <Text size="sm">{t('searchScreen.none', { text: query })}</Text>
          ) : first ? (
            <Text size="sm" c="dimmed">
              {t('searchScreen.results', { count: first.total })}
            </Text>
          ) : null}
        </div>
        {rows.length ? (
          <ol className="search-results" aria-label={t('searchScreen.title')} ref={list}>
            {rows.map((h) => (
              <li key={`${h.kind}:${h.id}`}>
                <Group wrap="nowrap" gap="sm" align="flex-start">
                  <span className="search-results-icon">{kindIcons[h.kind]}</span>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Group gap={8} wrap="nowrap">
                      <Anchor component={Link} to={hitPath(h)} fw={600} size="sm">
                        <Highlighted text={h.label} match={first?.match} />
                      </Anchor>
                      <Badge size="xs" variant="light" radius="sm" tt="none">
                        {t(`palette.kinds.${h.kind}`)}
                      </Badge>
                    </Group>
                    {h.detail ? (
                      <Text size="xs" c="dimmed">
                        <Highlighted text={h.detail} match={first?.match} />
                      </Text>
                    ) : null}
                    {h.snippet ? (
                      <Text size="sm">
                        <Highlighted text={h.snippet} match={first?.match} />
                      </Text>
                    ) : null}
                  </div>
                </Group>
              </li>
            ))}
          </ol>
        ) : null}
        {results.hasNextPage ? (
          <Group>
            <Button
              variant="default"
              size="sm"
              loading={results.isFetchingNextPage}
              onClick={() => {
                focusRow.current = rows.length;
                void results.fetchNextPage();
              }}
            >
              {t('searchScreen.more', { count: Math.min(PAGE, (first?.total ?? 0) - rows.length) })}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </div>
  );
}
