import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The fonts a PDF prints with, all TTF from npm font packages (WOFF2 breaks pdfkit's subsetting).
 *
 * Noto Sans covers Latin Extended (Vietnamese too), Greek, Cyrillic and Devanagari, so "Łódź",
 * "Москва", "Αθήνα" and "भारतीय" need nothing else. Names in other scripts fall back to the Noto
 * family for their script: Simplified Chinese, Japanese, Korean and Arabic. Those files are read only when a
 * document holds text they are needed for (the CJK ones are 5–10 MB each), once per process; pdfkit
 * embeds only the glyphs used, so a book stays small.
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

/**
 * Fonts are registered under their PostScript names: pdfkit caches a font by the name it is asked
 * for, and the default font (regular) is already cached under its PostScript name, so any other
 * key would make it parse the TrueType file again on every switch back to the regular face.
 */
export const fontKey: Record<FontFace, string> = {
  regular: 'NotoSans-Regular',
  italic: 'NotoSans-Italic',
  semibold: 'NotoSans-SemiBold',
  bold: 'NotoSans-Bold',
  boldItalic: 'NotoSans-BoldItalic',
};

let cache: Record<FontFace, Buffer> | null = null;
const require = createRequire(import.meta.url);

/** Font bytes, read once per process. */
export function fontBuffers(): Record<FontFace, Buffer> {
  if (!cache) {
    cache = Object.fromEntries(fontFaces.map((face) => [face, readFileSync(require.resolve(files[face]))])) as Record<FontFace, Buffer>;
  }
  return cache;
}

// ——— fallbacks for other scripts ———

export type Fallback = 'sc' | 'jp' | 'kr' | 'arabic';
export type Weight = 'regular' | 'semibold' | 'bold';

/**
 * Three weights for Arabic (small files); the CJK families ship regular and bold only (semibold
 * text uses their bold), which keeps some 60 MB out of the installer.
 */
const fallbackFiles: Record<Fallback, { name: string } & Partial<Record<Weight, string>>> = {
  sc: {
    name: 'NotoSansSC',
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  jp: {
    name: 'NotoSansJP',
    regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  },
  kr: {
    name: 'NotoSansKR',
    regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
  },
  arabic: {
    name: 'NotoSansArabic',
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    semibold: '@expo-google-fonts/noto-sans-arabic/600SemiBold/NotoSansArabic_600SemiBold.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
};

/** The weight a fallback family prints a face in (none of them has italics: they stay upright). */
export function fallbackWeight(family: Fallback, face: FontFace): Weight {
  const weight: Weight = face === 'semibold' ? 'semibold' : face === 'bold' || face === 'boldItalic' ? 'bold' : 'regular';
  return fallbackFiles[family][weight] ? weight : 'bold';
}

/** The name a fallback font is registered under in a document. */
export const fallbackKey = (family: Fallback, weight: Weight) => `${fallbackFiles[family].name}-${weight[0]!.toUpperCase()}${weight.slice(1)}`;

const fallbackCache = new Map<string, Buffer>();
const reads: Record<string, number> = {};

/** A fallback font's bytes, read on first use and kept for the process. */
export function fallbackBuffer(family: Fallback, weight: Weight): Buffer {
  const id = `${family}-${weight}`;
  let buffer = fallbackCache.get(id);
  if (!buffer) {
    buffer = readFileSync(require.resolve(fallbackFiles[family][weight]!));
    fallbackCache.set(id, buffer);
    reads[id] = (reads[id] ?? 0) + 1;
  }
  return buffer;
}

/** How often each fallback file was read in this process (tests check that exports read them lazily). */
export const fallbackFontReads = (): Record<string, number> => ({ ...reads });
