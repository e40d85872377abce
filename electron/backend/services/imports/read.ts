/**
 * Turns an uploaded file into one table of text (a header row and data rows) whatever it was:
 * CSV (Papa Parse; encoding and delimiter detected), XLSX (ExcelJS, first sheet) or vCard
 * (ical.js, after decoding Outlook's quoted-printable). Everything after this step — mapping,
 * preview, apply — sees only the table. Long files are parsed in slices that yield to the event
 * loop, report progress and stop at a cancel.
 */
import type ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { AppError, type Message } from '../../../../shared/errors';
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, type ImportFormat } from '../../../../shared/features/imports/schema';

export interface Table {
  format: ImportFormat;
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rows: string[][];
  notes: Message[];
}

export interface ReadControl {
  progress: (fraction: number) => void;
  checkpoint: () => void;
}

const fileTypeError = (detail: string) =>
  new AppError('VALIDATION', `This file cannot be imported: ${detail}`, { messageKey: { key: 'imports.errors.fileType' } });

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the bytes are, by their content first (a renamed file is still what it is) and then the name. */
export function detectFormat(bytes: Uint8Array, fileName: string): ImportFormat {
  const head = Buffer.from(bytes.subarray(0, 4096));
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new AppError('VALIDATION', 'Old Excel files (.xls) cannot be imported; save as .xlsx or CSV.', { messageKey: { key: 'imports.errors.xls' } });
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') throw fileTypeError('a PDF');
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) throw fileTypeError('binary content');
  const text = decode(bytes.subarray(0, 4096)).text.replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCARD/i.test(text)) return 'vcard';
  if (/\.vcf$/i.test(fileName)) throw fileTypeError('a .vcf file without BEGIN:VCARD');
  if (!/\.(csv|tsv|txt|tab)$/i.test(fileName) && !/\.(xlsx|vcf)$/i.test(fileName)) throw fileTypeError(`unknown extension of ${fileName}`);
  if (/\.xlsx$/i.test(fileName)) throw fileTypeError('an .xlsx file that is not a zip');
  return 'csv';
}

/** What Windows-1252 puts at 0x80–0x9F (Node's TextDecoder reads those bytes as Latin-1 control characters). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 65536) {
    const slice = bytes.subarray(i, i + 65536);
    out += Buffer.from(slice).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/** UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 (what Excel and Outlook write on Windows). */
export function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS) : s;
};

/**
 * A CSV cell as typed: spreadsheet exports (ours included) put an apostrophe before a value that
 * a spreadsheet would run as a formula (`'=…`, `'+254 …`); that guard is not part of the value.
 */
const csvCell = (v: unknown): string => {
  const s = cell(v);
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
};

/** Header row plus data rows; blank rows dropped; refused when empty, too wide or ragged. */
function toTable(format: ImportFormat, all: string[][], extra: Omit<Table, 'format' | 'headers' | 'rows'>): Table {
  const rows = all.filter((r) => r.some((c) => c.trim() !== ''));
  const header = rows.shift();
  if (!header || rows.length === 0) {
    throw new AppError('VALIDATION', 'The file has no data rows.', { messageKey: { key: 'imports.errors.empty' } });
  }
  if (header.length > MAX_IMPORT_COLUMNS) {
    throw new AppError('VALIDATION', `The file has ${header.length} columns; at most ${MAX_IMPORT_COLUMNS} can be imported.`, {
      messageKey: { key: 'imports.errors.tooWide', params: { max: MAX_IMPORT_COLUMNS } },
    });
  }
  return { format, headers: header.map((h, i) => h.trim() || `#${i + 1}`), rows, ...extra };
}

// ————— CSV —————

async function readCsv(bytes: Uint8Array, control: ReadControl): Promise<Table> {
  const { text: decoded, encoding } = decode(bytes);
  control.checkpoint();
  let text = decoded.replace(/^\uFEFF/, '');
  // Excel's "sep=;" first line names the delimiter.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) text = text.slice(sep[0].length);
  const delimiter = sep?.[1] ?? Papa.parse<string[]>(text.slice(0, 65536), { preview: 20, delimitersToGuess: [',', ';', '\t'] }).meta.delimiter;
  const rows: string[][] = [];
  // Ragged rows: a row whose field count differs from the header's (blank lines aside).
  let width = -1;
  const ragged: number[] = [];
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter,
      chunkSize: 1024 * 1024,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const row of results.data) {
          if (row.length === 1 && row[0] === '') continue;
          if (width < 0) width = row.length;
          else if (row.length !== width && ragged.length < 5) ragged.push(rows.length + 1);
          rows.push(row.map(csvCell));
        }
        control.progress(Math.min(1, results.meta.cursor / text.length));
        parser.pause();
        setImmediate(() => {
          try {
            control.checkpoint();
            parser.resume();
          } catch (e) {
            reject(e); // first: Papa's abort calls `complete`
            parser.abort();
          }
        });
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  if (ragged.length) {
    throw new AppError('VALIDATION', `Rows ${ragged.join(', ')} have a different number of fields than the header.`, {
      messageKey: { key: 'imports.errors.ragged', params: { rows: ragged.join(', '), fields: width } },
    });
  }
  return toTable('csv', rows, { encoding, delimiter, notes: [] });
}

// ————— XLSX —————

function excelText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? value.hyperlink);
    if ('formula' in value || 'sharedFormula' in value) return excelText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array, control: ReadControl): Promise<Table> {
  // Loaded when a workbook comes: ExcelJS takes half a second to start, which a CSV's reading thread need not wait for.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw fileTypeError('not a readable .xlsx workbook');
  }
  control.checkpoint();
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION', 'The workbook has no sheet.', { messageKey: { key: 'imports.errors.empty' } });
  const rows: string[][] = [];
  const width = Math.min(sheet.columnCount, MAX_IMPORT_COLUMNS + 1);
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const out: string[] = [];
    for (let c = 1; c <= width; c++) out.push(cell(excelText(row.getCell(c).value)));
    rows.push(out);
  });
  control.progress(1);
  return toTable('xlsx', rows, { encoding: null, delimiter: null, notes: [] });
}

// ————— vCard —————

/** Outlook writes vCard 2.1 with quoted-printable values (soft line breaks "=" at the end) and bare parameters. */
function normaliseVcard(text: string): { text: string; photos: number } {
  const lines = text.split(/\r\n|\n|\r/);
  const out: string[] = [];
  let photos = 0;
  let skippingPhoto = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (skippingPhoto) {
      if (/^[ \t]/.test(line) || (line !== '' && !line.includes(':'))) continue; // folded or 2.1 base64 continuation
      skippingPhoto = false;
    }
    const colon = line.indexOf(':');
    if (colon < 0) {
      out.push(line);
      continue;
    }
    let head = line.slice(0, colon);
    if (/^(item\d+\.)?(PHOTO|LOGO|SOUND|KEY)(;|$)/i.test(head)) {
      photos += /^(item\d+\.)?PHOTO/i.test(head) ? 1 : 0;
      skippingPhoto = true;
      continue;
    }
    // vCard 2.1 bare parameters ("TEL;WORK;VOICE:") → TYPE=…
    head = head
      .split(';')
      .map((p, j) => (j > 0 && !p.includes('=') ? `TYPE=${p}` : p))
      .join(';');
    if (/;(TYPE=)?(ENCODING=)?QUOTED-PRINTABLE/i.test(head)) {
      let value = line.slice(colon + 1);
      while (value.endsWith('=') && i + 1 < lines.length) value = value.slice(0, -1) + lines[++i]!;
      const charset = /;CHARSET=([^;:]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
      const bytes = Buffer.from(value.replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      let decoded: string;
      if (/^(windows-1252|cp1252|iso-8859-1|latin1)$/.test(charset)) decoded = decodeWindows1252(bytes);
      else {
        try {
          decoded = new TextDecoder(charset).decode(bytes);
        } catch {
          decoded = new TextDecoder('utf-8').decode(bytes);
        }
      }
      const structured = /^(item\d+\.)?(N|ADR|ORG)(;|$)/i.test(head);
      const escaped = decoded.replace(/\\/g, '\\\\').replace(/\r\n|\n|\r/g, '\\n');
      head = head.replace(/;(TYPE=)?(ENCODING=)?QUOTED-PRINTABLE/i, '').replace(/;CHARSET=[^;:]+/i, '');
      line = `${head}:${structured ? escaped : escaped.replace(/,/g, '\\,').replace(/;/g, '\\;')}`;
    } else {
      line = `${head.replace(/;CHARSET=[^;:]+/i, '')}:${line.slice(colon + 1)}`;
    }
    out.push(line);
  }
  // vCard 2.1 is read with the 3.0 rules (ical.js knows 3.0 and 4.0).
  return { text: out.join('\r\n').replace(/^VERSION:2\.1$/gim, 'VERSION:3.0'), photos };
}

const typesOf = (p: ICAL.Property): string[] => {
  const t = p.getParameter('type');
  const list = Array.isArray(t) ? t : t ? [t] : [];
  return list.flatMap((v) => String(v).split(',')).map((v) => v.toLowerCase());
};
const str = (v: unknown): string => (Array.isArray(v) ? v.join(' ') : v === null || v === undefined ? '' : String(v));

interface Card {
  honorific: string;
  academicTitle: string;
  given: string;
  family: string;
  full: string;
  org: string;
  department: string;
  title: string;
  emails: string[];
  privateEmails: string[];
  phones: string[];
  mobiles: string[];
  homePhones: string[];
  country: string;
  note: string;
  categories: string;
}

function cardOf(component: ICAL.Component): Card {
  const n = (component.getFirstPropertyValue('n') as unknown as string[] | null) ?? [];
  const prefix = str(n[3]);
  const academic = /\b(dr|prof|phd|mag|dipl|ing)\b/i.test(prefix);
  const org = (component.getFirstPropertyValue('org') as unknown as string[] | string | null) ?? [];
  const orgParts = Array.isArray(org) ? org.map(str) : [str(org)];
  const adrs = component.getAllProperties('adr');
  const adr = adrs.find((a) => typesOf(a).includes('work')) ?? adrs[0];
  const adrValue = (adr?.getFirstValue() as unknown as string[] | null) ?? [];
  const emails: string[] = [];
  const privateEmails: string[] = [];
  for (const p of component.getAllProperties('email')) (typesOf(p).includes('home') ? privateEmails : emails).push(str(p.getFirstValue()).replace(/^mailto:/i, ''));
  const phones: string[] = [];
  const mobiles: string[] = [];
  const homePhones: string[] = [];
  for (const p of component.getAllProperties('tel')) {
    const types = typesOf(p);
    if (types.includes('fax')) continue;
    const number = str(p.getFirstValue()).replace(/^tel:/i, '');
    (types.includes('cell') ? mobiles : types.includes('home') ? homePhones : phones).push(number);
  }
  const categories = component.getAllProperties('categories').flatMap((p) => p.getValues().map(str));
  return {
    honorific: academic ? '' : prefix,
    academicTitle: academic ? prefix : '',
    given: [str(n[1]), str(n[2])].filter(Boolean).join(' '),
    family: str(n[0]),
    full: str(component.getFirstPropertyValue('fn')),
    org: orgParts[0] ?? '',
    department: orgParts.slice(1).filter(Boolean).join(', '),
    title: str(component.getFirstPropertyValue('title')) || str(component.getFirstPropertyValue('role')),
    emails,
    privateEmails,
    phones,
    mobiles,
    homePhones,
    country: str(adrValue[6]),
    note: str(component.getFirstPropertyValue('note')),
    categories: categories.join('; '),
  };
}

async function readVcard(bytes: Uint8Array, control: ReadControl): Promise<Table> {
  const { text, encoding } = decode(bytes);
  const { text: normalised, photos } = normaliseVcard(text.replace(/^\uFEFF/, ''));
  control.checkpoint();
  // One card at a time, so a broken card names itself and long files yield between slices.
  const blocks = normalised.match(/BEGIN:VCARD[\s\S]*?END:VCARD/gi) ?? [];
  const cards: Card[] = [];
  for (let i = 0; i < blocks.length; i++) {
    let parsed: unknown;
    try {
      parsed = ICAL.parse(blocks[i]!);
    } catch (e) {
      throw new AppError('VALIDATION', `Card ${i + 1} cannot be read: ${e instanceof Error ? e.message : String(e)}`, {
        messageKey: { key: 'imports.errors.vcard', params: { card: i + 1 } },
      });
    }
    const jcards = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
    for (const j of jcards) cards.push(cardOf(new ICAL.Component(j as ICAL.Component['jCal'])));
    if (i % 500 === 499) {
      control.progress(i / blocks.length);
      await yieldNow();
      control.checkpoint();
    }
  }
  const most = (pick: (c: Card) => string[]) => Math.max(1, ...cards.map((c) => pick(c).length));
  const lists: Array<[string, (c: Card) => string[]]> = [
    ['E-mail', (c) => c.emails],
    ['E-mail (home)', (c) => c.privateEmails],
    ['Phone', (c) => c.phones],
    ['Mobile Phone', (c) => c.mobiles],
    ['Home Phone', (c) => c.homePhones],
  ];
  const scalar: Array<[string, keyof Card]> = [
    ['Salutation', 'honorific'],
    ['Academic title', 'academicTitle'],
    ['Given Name', 'given'],
    ['Family Name', 'family'],
    ['Display Name', 'full'],
    ['Company', 'org'],
    ['Department', 'department'],
    ['Job Title', 'title'],
    ['Country', 'country'],
    ['Notes', 'note'],
    ['Categories', 'categories'],
  ];
  const headers = [...scalar.map(([h]) => h)];
  const widths = lists.map(([h, pick]) => {
    const n = most(pick);
    for (let k = 1; k <= n; k++) headers.push(n > 1 ? `${h} ${k}` : h);
    return n;
  });
  const rows = cards.map((c) => {
    const row = scalar.map(([, key]) => cell(c[key]));
    lists.forEach(([, pick], li) => {
      const values = pick(c);
      for (let k = 0; k < widths[li]!; k++) row.push(cell(values[k] ?? ''));
    });
    return row;
  });
  const notes: Message[] = photos ? [{ key: 'imports.notes.photos', params: { count: photos } }] : [];
  return toTable('vcard', [headers, ...rows], { encoding, delimiter: null, notes });
}

/** Reads a staged file into a table; the format comes from its content. */
export async function readTable(bytes: Uint8Array, fileName: string, control: ReadControl): Promise<Table> {
  if (bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty.', { messageKey: { key: 'imports.errors.empty' } });
  const format = detectFormat(bytes, fileName);
  if (format === 'xlsx') return readXlsx(bytes, control);
  if (format === 'vcard') return readVcard(bytes, control);
  return readCsv(bytes, control);
}
