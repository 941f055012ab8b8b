/** What `npm run bench` records of a run (bench/build.ts) and bench/build-report.ts draws. */
import type { GeneratedGarden } from './garden-generator';
import type { ListingWeight, PageWeight } from './page-weight';

export interface BuildRun {
  seconds: number;
  /** Peak resident memory of the build, in bytes. */
  rss: number;
}

export interface SizeResult {
  notes: number;
  garden: GeneratedGarden;
  cold: BuildRun[];
  warm: BuildRun[];
  edit: BuildRun[];
  output: { bytes: number; files: number; pages: number };
  templates: PageWeight[];
  listings: ListingWeight[];
  /** The same notes built cold by Hugo in the same run, one Hugo build after each of ours (bench/hugo.ts); absent when no Hugo was found. */
  hugo?: HugoResult;
}

export interface HugoResult {
  version: string;
  cold: BuildRun[];
  output: { bytes: number; files: number; pages: number };
}

export interface BenchEntry {
  label: string;
  date: string;
  machine: { cpus: number; model: string; memory: number; node: string; nodeOptions?: string; loadBefore: number[]; loadAfter: number[] };
  runs: number;
  sizes: SizeResult[];
}
