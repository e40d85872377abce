import { IconAffiliate, IconBriefcase, IconChecklist, IconBuilding, IconCoin, IconHome, IconNotes, IconPlane, IconTarget, IconUsers, IconWorld } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Section {
  path: string;
  label: string;
  icon: ReactNode;
}

/** The app's main areas, in sidebar order; the sidebar and the command palette both offer them. */
export function useSections(): Section[] {
  const { t } = useTranslation();
  return [
    { path: '/dashboard', label: t('nav.dashboard'), icon: <IconHome size={18} /> },
    { path: '/my-work', label: t('myWork.title'), icon: <IconChecklist size={18} /> },
    { path: '/cases', label: t('nav.cases'), icon: <IconBriefcase size={18} /> },
    { path: '/organisations', label: t('organisations.title'), icon: <IconBuilding size={18} /> },
    { path: '/contacts', label: t('contacts.title'), icon: <IconUsers size={18} /> },
    { path: '/notes', label: t('notes.title'), icon: <IconNotes size={18} /> },
    { path: '/trips', label: t('trips.title'), icon: <IconPlane size={18} /> },
    { path: '/cooperations', label: t('cooperations.title'), icon: <IconAffiliate size={18} /> },
    { path: '/programmes', label: t('programmes.title'), icon: <IconCoin size={18} /> },
    { path: '/countries', label: t('countries.title'), icon: <IconWorld size={18} /> },
    { path: '/priorities', label: t('priorities.title'), icon: <IconTarget size={18} /> },
  ];
}

/**
 * The section a path belongs to, for the sidebar's highlight: its own, or for the import screen the
 * list it was opened from (`/import?target=organisations` → Organisations, otherwise People); a
 * group's screen belongs to Organisations, where groups are managed.
 */
export function sectionOf(sections: readonly Section[], pathname: string, search: string): string | undefined {
  if (pathname === '/import') {
    const target = new URLSearchParams(search).get('target');
    return target === 'organisations' ? '/organisations' : target === 'cooperations' ? '/cooperations' : '/contacts';
  }
  if (pathname.startsWith('/groups/')) return '/organisations';
  return sections.find((s) => pathname.startsWith(s.path))?.path;
}
