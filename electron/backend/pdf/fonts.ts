import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Sans TTF from an npm font package: Latin Extended, Greek and Cyrillic in one family, so
 * "Łódź", "Москва" and "Αθήνα" print and extract correctly. (WOFF2 breaks pdfkit's subsetting.)
 */
const files = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  semibold: '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  boldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
} as const;

export type FontFace = keyof typeof files;
export const fontFaces = Object.keys(files) as FontFace[];

let cache: Record<FontFace, Buffer> | null = null;

/** Font bytes, read once per process. */
export function fontBuffers(): Record<FontFace, Buffer> {
  if (!cache) {
    const require = createRequire(import.meta.url);
    cache = Object.fromEntries(
      fontFaces.map((face) => [face, readFileSync(require.resolve(files[face]))]),
    ) as Record<FontFace, Buffer>;
  }
  return cache;
}
