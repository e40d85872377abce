/**
 * The country dossier export (issue 13, part 7) at a realistic workspace and at 10×: gathering from
 * the store, the model and the layout — what the export job runs, less the delivery — beside a floor
 * measured alternately in the same loop: a plain pdfkit document with the same embedded font and the
 * same number of pages of text, the least any PDF of that length costs.
 */
import PDFDocument from 'pdfkit';
import { countryDossierModel, gatherDossier } from '../../electron/backend/pdf/documents/country-dossier';
import { fontBuffers } from '../../electron/backend/pdf/fonts';
import { renderPdf } from '../../electron/backend/pdf/render';
import type { CooperationRecord } from '../../shared/features/cooperations/schema';
import type { TripRecord } from '../../shared/features/trips/schema';
import { toDatabase, toDatabaseFile, type Database } from '../../shared/schemas/database';
import { generateDomainDatabase, type DomainSize } from './generate-domain';
import { rng } from './generate';
import { median, ms, ratio, table } from './stats';

const COUNTRY = 'KE';
const TODAY = '2026-11-21';
const topics = ['climate adaptation', 'water', 'health', 'energy', 'bioeconomy', 'artificial intelligence', 'mobility'];
const statuses = ['idea', 'preparation', 'applied', 'funded', 'running', 'ended', 'declined'] as const;

/** The domain workspace with cooperations (partners drawn from all organisations) and delegation trips added. */
function workspace(size: DomainSize & { cooperations: number; trips: number }): Database {
  const base = generateDomainDatabase(size);
  const r = rng(11);
  const orgIds = base.organisations.map((o) => o.id);
  const stamp = '2026-06-01T09:00:00.000Z';
  const meta = (id: string) => ({ id, createdAt: stamp, updatedAt: stamp, revision: 1 });
  const cooperations: CooperationRecord[] = Array.from({ length: size.cooperations }, (_, i) => ({
    ...meta(`coop-${i}`),
    title: `Cooperation ${i}`,
    institutes: [r.pick(orgIds)],
    partners: [r.pick(orgIds), r.pick(orgIds)],
    topics: r.some(topics, r.int(1, 2)),
    programmeId: null,
    instrument: '',
    status: r.pick(statuses),
    start: '2025-01-01',
    end: null,
    volume: r.int(10, 900) * 1000,
    funder: '',
    ourContacts: [],
    partnerContacts: [],
    caseIds: [],
    tripIds: [],
    noteIds: [],
    notes: '',
  }));
  const trips = Array.from({ length: size.trips }, (_, i) => ({
    ...meta(`trip-${i}`),
    title: `Delegation ${i}`,
    destinations: [{ country: i % 4 === 0 ? COUNTRY : 'GH', city: '' }],
    startDate: `202${4 + (i % 4)}-0${1 + (i % 9)}-10`,
    endDate: `202${4 + (i % 4)}-0${1 + (i % 9)}-14`,
  })) as unknown as TripRecord[];
  // Trips carry only what the dossier reads (title, destinations, dates): enough for its gathering and layout.
  return toDatabase({ ...toDatabaseFile(base), cooperations, trips });
}

async function dossier(db: Database): Promise<number> {
  const model = countryDossierModel(gatherDossier(db, COUNTRY, TODAY), { language: 'en', generatedAt: new Date('2026-11-21T10:00:00Z'), today: TODAY });
  return (await renderPdf(model)).pages;
}

/** The floor: the same number of A4 pages of plain text in the same embedded font. */
async function floor(pages: number): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, font: fontBuffers().regular as unknown as string });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const line = 'Cooperation with partners in Kenya: climate adaptation, water, health, energy — 2025 to 2028.';
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    for (let l = 0; l < 45; l++) doc.fontSize(10).text(line, 66, 78 + l * 15, { lineBreak: false });
  }
  doc.end();
  await done;
}

export async function benchReports(runs: number): Promise<string> {
  const sizes: Array<[string, DomainSize & { cooperations: number; trips: number }]> = [
    ['realistic', { organisations: 500, contacts: 5_000, cases: 500, notes: 1_000, activities: 5_000, tasks: 1_000, cooperations: 150, trips: 100 }],
    ['10×', { organisations: 5_000, contacts: 50_000, cases: 5_000, notes: 10_000, activities: 50_000, tasks: 10_000, cooperations: 1_500, trips: 1_000 }],
  ];
  const rows: Array<Record<string, string>> = [];
  for (const [label, size] of sizes) {
    const db = workspace(size);
    const pages = await dossier(db); // warm-up: fonts and map data read once
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternately, so drift in the machine's load falls on both.
      let t0 = performance.now();
      await dossier(db);
      a.push(performance.now() - t0);
      t0 = performance.now();
      await floor(pages);
      b.push(performance.now() - t0);
    }
    rows.push({ workspace: label, pages: String(pages), 'country dossier': ms(median(a)), 'floor (plain pdfkit, same pages)': ms(median(b)), ratio: ratio(median(a), median(b)) });
  }
  return table(rows);
}
