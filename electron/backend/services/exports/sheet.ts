/**
 * The list export's writers: a table of cells (headers + rows, built by columns.ts) to CSV with
 * Papa Parse and to XLSX with ExcelJS. Both neutralise spreadsheet formula injection: a text cell
 * that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe in CSV (Papa
 * Parse's escapeFormulae, with a pattern that also catches such a cell spanning several lines) and
 * is written as a plain string cell in XLSX, never as a formula. Everything else stays as typed.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Language } from '../../../../shared/i18n';
import type { Cell } from './columns';
import { breathe } from './rows';

/** What a spreadsheet would read as a formula (OWASP's list: = + - @ tab CR), however many lines follow. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export interface Sheet {
  /** The sheet's name (Excel allows 31 characters, no []:*?/\). */
  name: string;
  headers: string[];
  rows: Cell[][];
}

/** German Excel reads semicolons; English Excel reads commas. */
export const csvDelimiter = (lang: Language) => (lang === 'de' ? ';' : ',');

const BOM = '\uFEFF';

function csvValue(cell: Cell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.date; // ISO 8601: every spreadsheet reads it as a date
  return cell;
}

/** UTF-8 with a byte-order mark (so Excel picks UTF-8), CRLF line ends, the delimiter of the UI language. */
export async function writeCsv(sheet: Sheet, lang: Language, progress: (fraction: number) => void = () => {}): Promise<Uint8Array> {
  const chunks: string[] = [BOM];
  const config = { delimiter: csvDelimiter(lang), newline: '\r\n', escapeFormulae: FORMULA_START, header: false } as const;
  chunks.push(Papa.unparse([sheet.headers], config));
  const STEP = 5000;
  for (let i = 0; i < sheet.rows.length; i += STEP) {
    const part = sheet.rows.slice(i, i + STEP).map((r) => r.map(csvValue));
    chunks.push('\r\n', Papa.unparse(part, config));
    progress(Math.min(1, (i + STEP) / sheet.rows.length));
    await breathe();
  }
  chunks.push('\r\n');
  return Buffer.from(chunks.join(''), 'utf8');
}

/** A calendar day as Excel's date (midnight UTC, which ExcelJS writes as the day's serial number). */
const excelDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
};

const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Export';

/**
 * One worksheet written by ExcelJS's streaming writer (rows are committed as they go, so 50,000 rows
 * never sit in memory as cell objects): a bold, frozen header row, column widths from the content,
 * dates as real dates, numbers as numbers, and text as plain strings.
 */
export async function writeXlsx(sheet: Sheet, lang: Language, progress: (fraction: number) => void = () => {}): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', () => resolve());
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Attaché';
  workbook.created = new Date();
  const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const dateFormat = lang === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  ws.columns = sheet.headers.map((header, i) => {
    const longest = Math.max(header.length, ...sheet.rows.slice(0, 2000).map((r) => cellLength(r[i] ?? null)));
    return { header, key: `c${i}`, width: Math.min(60, Math.max(8, longest + 2)) };
  });
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.commit();
  const STEP = 2000;
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = ws.addRow(sheet.rows[i]!.map((c) => (c === null ? null : typeof c === 'object' ? excelDate(c.date) : c)));
    sheet.rows[i]!.forEach((c, col) => {
      if (c !== null && typeof c === 'object') row.getCell(col + 1).numFmt = dateFormat;
    });
    row.commit();
    if (i % STEP === STEP - 1) {
      progress(i / sheet.rows.length);
      await breathe();
    }
  }
  ws.commit();
  await workbook.commit();
  await ended;
  progress(1);
  return Buffer.concat(chunks);
}

function cellLength(c: Cell): number {
  if (c === null) return 0;
  if (typeof c === 'object') return 10;
  return Math.min(80, String(c).length);
}
