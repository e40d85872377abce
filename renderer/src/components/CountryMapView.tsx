import { Skeleton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';

/**
 * The country and its neighbours as SVG, from the same offline world data and the same projection
 * as the briefing book's map. An image with a text alternative; nothing in it is interactive.
 */
export function CountryMapView({ code, name, width = 320, caption }: { code: string; name: string; width?: number; caption?: ReactNode }) {
  const { t } = useTranslation();
  const api = useApi();
  const map = useQuery({ queryKey: ['countries', 'map', code], queryFn: () => api.countries.map({ code }), staleTime: Infinity });
  if (map.isPending) return <Skeleton width={width} height={(width * 2) / 3} radius="sm" aria-hidden />;
  if (!map.data) return null;
  const { width: w, height: h, paths } = map.data;
  const label = t('countries.mapAlt', { country: name });
  return (
    <figure className="country-map" style={{ width }}>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} width={width} height={(width * h) / w}>
        <rect width={w} height={h} className="country-map-sea" />
        {paths.map((p) => (
          <path key={p.id} d={p.d} className={p.highlighted ? 'country-map-target' : 'country-map-land'} />
        ))}
      </svg>
      <figcaption>
        {caption ? <span className="country-map-title">{caption}</span> : null}
        {t('countries.mapCaption')}
      </figcaption>
    </figure>
  );
}
