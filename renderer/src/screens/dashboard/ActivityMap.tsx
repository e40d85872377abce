/**
 * The dashboard's world choropleth: countries coloured by the cooperations with partners there, or
 * by everything the workspace holds there (organisations, people, open cases, trips), by country
 * or rolled up to regions. The shapes come
 * from the backend (`countries.worldMap`, the same offline Natural Earth data as the country maps);
 * every coloured country is a link to its country screen, reachable with Tab in alphabetical order.
 * The "Show as table" switch gives the same numbers as a table.
 */
import { Anchor, Group, SegmentedControl, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { regionName, regionsOfCountry } from '../../../../shared/features/countries/regions';
import type { AreaActivity, Dashboard } from '../../../../shared/features/dashboard/schema';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../lib/format';
import { usePersistentState } from '../../lib/usePersistentState';
import { Widget } from './Widget';

type Level = 'country' | 'region';
/** What colours the map: the cooperation portfolio (the default) or everything the workspace holds. */
type Measure = 'cooperations' | 'activity';
const STEPS = 5;
const weights: Record<Measure, (a: AreaActivity) => number> = {
  cooperations: (a) => a.cooperations,
  activity: (a) => a.organisations + a.contacts + a.cases + a.trips + a.cooperations,
};
const isMeasure = (v: unknown): v is Measure => v === 'cooperations' || v === 'activity';

/** 0 for nothing, else 1..STEPS on a square-root scale (a few busy countries would otherwise wash out the rest). */
export function colourStep(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(STEPS, Math.ceil(STEPS * Math.sqrt(value / max))));
}

export function ActivityMap({ countries, regions }: { countries: Dashboard['activityByCountry']; regions: Dashboard['activityByRegion'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const titleId = useId();
  const [level, setLevel] = useState<Level>('country');
  const [measure, setMeasure] = usePersistentState<Measure>('dashboard.map.measure', 'cooperations', isMeasure);
  const weight = weights[measure];
  const world = useQuery({ queryKey: ['countries', 'worldMap'], queryFn: () => api.countries.worldMap({}), staleTime: Infinity });

  const byCountry = useMemo(() => new Map(countries.map((c) => [c.code, c])), [countries]);
  const byRegion = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const areaOf = (code: string): AreaActivity | undefined => (level === 'country' ? byCountry.get(code) : byRegion.get(regionsOfCountry(code)[0] ?? ''));
  const max = Math.max(0, ...(level === 'country' ? countries : regions).map(weight));
  const levelWord = level === 'country' ? t('dashboard.map.byCountry') : t('dashboard.map.byRegion');

  const describe = (code: string, area: AreaActivity) => {
    const name = level === 'country' ? countryName(code, lang) : `${countryName(code, lang)} (${regionName(area.code, lang)})`;
    return t('dashboard.map.tooltip', { name, cooperations: area.cooperations, organisations: area.organisations, contacts: area.contacts, cases: area.cases, trips: area.trips });
  };

  const control = (
    <Group gap="xs" wrap="wrap">
      <SegmentedControl
        size="xs"
        aria-label={t('dashboard.map.measure')}
        value={measure}
        onChange={(v) => setMeasure(v as Measure)}
        data={[
          { value: 'cooperations', label: t('dashboard.map.byCooperations') },
          { value: 'activity', label: t('dashboard.map.byActivity') },
        ]}
      />
      <SegmentedControl
      size="xs"
      aria-label={t('dashboard.map.level')}
      value={level}
      onChange={(v) => setLevel(v as Level)}
      data={[
        { value: 'country', label: t('dashboard.map.byCountry') },
        { value: 'region', label: t('dashboard.map.byRegion') },
      ]}
      />
    </Group>
  );

  return (
    <Widget
      name="map"
      wide
      title={measure === 'cooperations' ? t('dashboard.map.titleCooperations') : t('dashboard.map.title')}
      description={measure === 'cooperations' ? t('dashboard.map.descriptionCooperations') : t('dashboard.map.description')}
      aside={control}
    >
      {(asTable) => {
        if (countries.length === 0)
          return (
            <Text size="sm" c="dimmed">
              {t('dashboard.map.empty')}
            </Text>
          );
        if (asTable) return <AreaTable level={level} countries={countries} regions={regions} />;
        if (!world.data) return <Skeleton height={320} radius="sm" aria-hidden />;
        const { width, height, paths } = world.data;
        const plain = paths.filter((p) => !p.code || !areaOf(p.code) || weight(areaOf(p.code)!) === 0);
        const linked = paths
          .filter((p) => !plain.includes(p))
          .map((p) => ({ ...p, code: p.code!, name: countryName(p.code!, lang) }))
          .sort((a, b) => a.name.localeCompare(b.name, lang));
        return (
          <figure className="dash-map">
            <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby={titleId} width="100%" preserveAspectRatio="xMidYMid meet">
              <title id={titleId}>{t('dashboard.map.label', { level: levelWord })}</title>
              <rect width={width} height={height} className="dash-map-sea" />
              {plain.map((p) => (
                <path key={p.id + p.name} d={p.d} className="dash-map-0" aria-hidden />
              ))}
              {linked.map((p) => {
                const area = areaOf(p.code)!;
                const label = describe(p.code, area);
                return (
                  <a
                    key={p.id}
                    href={`#/countries/${p.code}`}
                    aria-label={label}
                    className="dash-map-link"
                    data-country={p.code}
                    onClick={(e) => {
                      e.preventDefault();
                      void navigate(`/countries/${p.code}`);
                    }}
                  >
                    <title>{label}</title>
                    <path d={p.d} className={`dash-map-${colourStep(weight(area), max)}`} />
                  </a>
                );
              })}
            </svg>
            <figcaption className="dash-legend">
              <span>{t('dashboard.map.legendNone')}</span>
              {Array.from({ length: STEPS + 1 }, (_, i) => (
                <span key={i} className={`dash-swatch dash-map-${i}`} aria-hidden />
              ))}
              <span>{t('dashboard.map.legendHigh')}</span>
            </figcaption>
          </figure>
        );
      }}
    </Widget>
  );
}

function AreaTable({ level, countries, regions }: { level: Level; countries: Dashboard['activityByCountry']; regions: Dashboard['activityByRegion'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const counts = (a: AreaActivity) => (
    <>
      <td>{a.cooperations}</td>
      <td>{a.organisations}</td>
      <td>{a.contacts}</td>
      <td>{a.cases}</td>
      <td>{a.trips}</td>
      <td>{formatDate(a.lastActivity, lang)}</td>
    </>
  );
  const countryLink = (code: string) => (
    <Anchor component={Link} to={`/countries/${code}`} size="sm">
      {countryName(code, lang)}
    </Anchor>
  );
  return (
    <div className="dash-table-wrap">
      <table className="dash-table">
        <caption>
          <VisuallyHidden>{t('dashboard.map.title')}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            <th scope="col">{level === 'country' ? t('dashboard.map.country') : t('dashboard.map.region')}</th>
            {level === 'region' ? <th scope="col">{t('dashboard.map.countries')}</th> : null}
            <th scope="col">{t('dashboard.map.cooperations')}</th>
            <th scope="col">{t('dashboard.map.organisations')}</th>
            <th scope="col">{t('dashboard.map.contacts')}</th>
            <th scope="col">{t('dashboard.map.cases')}</th>
            <th scope="col">{t('dashboard.map.trips')}</th>
            <th scope="col">{t('dashboard.map.lastActivity')}</th>
          </tr>
        </thead>
        <tbody>
          {level === 'country'
            ? countries.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{countryLink(c.code)}</th>
                  {counts(c)}
                </tr>
              ))
            : regions.map((r) => (
                <tr key={r.code}>
                  <th scope="row">{regionName(r.code, lang)}</th>
                  <td>
                    {r.countries.map((code, i) => (
                      <span key={code}>
                        {i > 0 ? ', ' : ''}
                        {countryLink(code)}
                      </span>
                    ))}
                  </td>
                  {counts(r)}
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
