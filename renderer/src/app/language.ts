/**
 * The reader's language ('en' | 'de') in one hook, so screens stop deriving it from i18next's
 * tag each on their own.
 */
import { useTranslation } from 'react-i18next';
import { languageFromTag, type Language } from '../../../shared/i18n';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languageFromTag(i18n.language);
}
