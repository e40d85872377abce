import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

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

// ——— parsed fonts, shared by every document of the process ———

/** A font as fontkit parsed it (opaque here: pdfkit's `registerFont` and default `font` take it back as is). */
export interface ParsedFont {
  postscriptName: string;
  layout(text: string): unknown;
}

/** What of pdfkit's font object (EmbeddedFont) the sharing below touches; not in pdfkit's typings. */
interface PdfkitFont {
  font?: ParsedFont;
  layoutCache?: Record<string, unknown>;
}

/**
 * pdfkit parses a font given as bytes again in every document (fontkit then decodes its tables lazily,
 * once per parse: the cmap, GSUB and GPOS lookups), and shapes each word anew in each document. A
 * parsed font is kept per process instead, by its key; pdfkit's font factory accepts it in place of the
 * bytes. Nothing of a document is kept in it: pdfkit makes each document its own subset of the glyphs.
 */
const parsed = new Map<string, ParsedFont>();
const parses: Record<string, number> = {};

/** The parsed font for a key (a `fontKey` or `fallbackKey`), parsed from `bytes()` on first use in the process. */
export function parsedFont(key: string, bytes: () => Buffer): ParsedFont {
  let font = parsed.get(key);
  if (!font) {
    // pdfkit's own font factory parses it (fontkit is pdfkit's, not ours to import): a scratch
    // document with the font as its default, never written.
    const scratch = new PDFDocument({ autoFirstPage: false, font: bytes() as unknown as string }) as unknown as { _font: PdfkitFont };
    font = scratch._font.font;
    if (!font) throw new Error(`Font ${key} is not a TrueType font`);
    freshGlyphsPerLayout(font);
    parsed.set(key, font);
    parses[key] = (parses[key] ?? 0) + 1;
  }
  return font;
}

/**
 * fontkit keeps one glyph object per glyph id, with the characters of the text it was first shaped
 * from, and pdfkit takes a glyph's ToUnicode text from that object. In a font shared between
 * documents, a glyph first shaped for one export ("ﬁ", or "i" inside "ị") would then read back wrongly
 * in later ones ("office" as "ofﬁce"). So each shaping starts with an empty glyph cache: every run's
 * glyphs carry the characters of that run's own text, and a document reads back the same whatever
 * was exported before it (tests/unit/pdf-book-caches.test.ts).
 */
function freshGlyphsPerLayout(font: ParsedFont): void {
  const f = font as ParsedFont & { _glyphs: Record<number, unknown>; layout: (...args: unknown[]) => unknown };
  const layout = f.layout.bind(f);
  f.layout = (...args: unknown[]) => {
    f._glyphs = {};
    return layout(...args);
  };
}

/** The five Noto Sans faces, parsed once per process. */
export const mainFonts = (): Record<FontFace, ParsedFont> =>
  Object.fromEntries(fontFaces.map((face) => [face, parsedFont(fontKey[face], () => fontBuffers()[face])])) as Record<FontFace, ParsedFont>;

/** How often each font was parsed in this process (tests check that a second export parses none). */
export const fontParses = (): Record<string, number> => ({ ...parses });

/**
 * Shaped words of the main faces, shared between documents: pdfkit keeps a word's glyph run (glyphs and
 * positions, never changed once made) by its text in a cache per font object; every document's font
 * object of a main face gets the one cache of its parsed font instead of an empty one. Fallback fonts
 * keep a cache per document: the Arabic one re-creates its glyphs per use (see text-layer's
 * `exactToUnicode`). Bounded: a cache that has grown past this many words is started afresh by the next
 * document.
 */
const LAYOUT_CACHE_WORDS = 20_000;
const layouts = new Map<ParsedFont, { words: Record<string, unknown> }>();
let layoutReuses = 0;

/** How often a document's font took over a shared word cache instead of an empty one (tests read it). */
export const sharedLayoutReuses = () => layoutReuses;

/**
 * Makes a document's main-face fonts use the shared word caches, as pdfkit creates them (it does so
 * on a face's first use, so faces a document never uses are still not embedded). Call right after
 * creating the document.
 */
export function shareFontWork(doc: PDFKit.PDFDocument): void {
  const shared = new Set(fontFaces.map((face) => parsed.get(fontKey[face])).filter((f): f is ParsedFont => !!f));
  for (const font of shared) {
    const entry = layouts.get(font);
    if (entry && Object.keys(entry.words).length > LAYOUT_CACHE_WORDS) layouts.delete(font);
  }
  const d = doc as unknown as { _font: PdfkitFont | null; font: (...args: unknown[]) => PDFKit.PDFDocument };
  const adopt = () => {
    const f = d._font;
    if (!f?.font || !f.layoutCache || !shared.has(f.font)) return;
    const entry = layouts.get(f.font);
    if (!entry) layouts.set(f.font, { words: f.layoutCache });
    else if (f.layoutCache !== entry.words) {
      f.layoutCache = entry.words;
      layoutReuses++;
    }
  };
  adopt();
  const font = d.font.bind(doc);
  d.font = (...args: unknown[]) => {
    const out = font(...args);
    adopt();
    return out;
  };
}
