/**
 * THE site the browser tests build: tests/fixtures/site, a small garden on
 * databases and storage engines written for the tests, so an author who
 * replaces the sample garden (content/) with their own notes still gets a
 * green `npm test`. It is built once and shared by every browser test file
 * (they run one at a time, in separate workers, so the build is shared
 * through disk: tests/.output/fixture-site/, reused while `fixtureBuildKey`
 * is unchanged). Keep it as small as the tests allow: every browser file
 * serves it. No README inside it: a garden's Markdown is read as notes.
 *
 * What each part is for (tests name these notes; rename none of them):
 *
 * parts.yaml: two parts, so sheets, review scopes and exams have more than one.
 *
 * chapters/storage-engines/ (part 1, no levels, 28 quiz facts: enough for /review/'s 20 new a day and a night-before sheet that scrolls and prints on several pages)
 * - 01-pages-and-records: the long chapter for headings and their anchors (h2 "Free space and fill factor", h3 "The slotted page"),
 *   the table of contents and its current-section marker, the sticky header on a phone; display formula, table, SQL;
 *   5 quiz facts, the first two multiple choice (4 choices each).
 * - 02-b-tree-indexes: tag b-tree shared with a bit and a short (a tag page with chapters); formula, code, table; 7 facts;
 *   the link previews: [[b-tree-fanout-and-height]] starts with a formula, [[keyset-pagination]] with a line then code,
 *   and the section "Inserts and page splits" starts with "An insert finds the leaf".
 * - 03-lsm-trees: the part's sidebar (4 chapters), a callout, an embed (![[bloom-filter-false-positive-rate]]),
 *   links to bits and shorts (the note map has neighbours of every collection); 8 facts.
 * - 04-transactions-and-the-wal: tables, code, backlinks; 8 facts.
 * chapters/query-processing/ (part 2, every fact with a level, the follow-ups)
 * - 01-joins-and-plans: the chapter template of smoke and a11y and the printed chapter (LaTeX in a table, code, tables);
 *   links to bits whose previews start with code ([[reading-explain-analyze]], [[hash-join-in-python]]);
 *   8 facts: the first has a follow-up whose answer is a formula, the second's answer is a formula; levels 1 to 3, two at L3 in the part.
 * - 02-full-text-search: BM25's display formula, SQL; 5 facts, one follow-up.
 *
 * bits/ (14: /bits/ is more than three screens tall at 1280 px; the four newest are on the home page)
 * - consistent-hashing-ring: the bit template: `python title="ring.py"` (code titles, Copy copies "import bisect…",
 *   `bisect_right` found by search), an image beside it (img/hash-ring.png), a wide code line that scrolls on a phone.
 * - bloom-filter-false-positive-rate: formula first (hover previews typeset it), embedded by 03-lsm-trees.
 * - reading-explain-analyze: a wide table (clipping checks), newest bit. b-tree-fanout-and-height: a wide display formula.
 * - running-total-with-a-window: a long SQL line. crc32-page-checksum: a bit whose body links nowhere (no preview script).
 * - tags for the chips: sql (5 bits), postgres (3, all also sql), python (7), hashing (4), probability, lsm, indexing…
 * - the rest (upsert-with-on-conflict, keyset-pagination, hyperloglog-standard-error, lru-cache-with-ordereddict,
 *   skip-list-search, inverted-index-in-python, varint-encoding, hash-join-in-python): real snippets for search and listings.
 *
 * Also named by tests: 03-lsm-trees is the note whose map graph.test.ts opens (neighbours of every
 * collection, write-amplification links back); search.test.ts queries `hash` (title matches rank first),
 * `index` (every dialog group filled, 15 chapter results for "Show all"), `compaction` (chapter sections and
 * facts), `vector search` (/shorts/ by relevance), `OrderedDict` (lru-cache-with-ordereddict by keyboard),
 * and filters /shorts/ by track llm with tag postgres.
 *
 * shorts/ (8, every track of src/site.config.ts but none missing: data-engineering 2, retrieval 1, llm 2, time-series 1, math 2)
 * - write-amplification: the short template: wikilinks to two chapters, linked from three chapters (Linked from, previews).
 * - isolation-levels-in-one-table, tf-idf-by-hand, hnsw-for-vector-search, downsampling-time-series,
 *   littles-law-for-connection-pools, birthday-bound-for-hash-collisions, pgvector-in-postgres: dates, tags and tracks
 *   for the feed's order, filters and the "Tags (N)" chips that fold on a phone.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildGarden, OUTPUT, ROOT, type BuildResult } from './build';
import { listFiles } from './files';
import { servedSite, type ServedSite } from './site';

export const FIXTURE_SITE = join(ROOT, 'tests/fixtures/site');
const NAME = 'fixture-site';

/** Folders whose files a build of the fixture garden does not read (besides the fixture garden itself, which is hashed on its own). */
const NOT_BUILD_INPUTS = ['tests/', 'content/', 'bench/'];
/** The test helpers that run the build (its command and environment), which are build inputs though they live in tests/. */
const BUILD_HELPERS = ['tests/helpers/build.ts', 'tests/helpers/fixture-site.ts'];
/** Environment variables a build reads, so a run with another base path or garden setting never reuses this build. */
const BUILD_ENV = /^(SITE_|GARDEN_|SOCIAL_CARDS$|CHROMIUM_PATH$)/;

/**
 * What a build of the fixture garden depends on, as one hash: the garden's
 * files, every file git tracks or would track outside tests/, content/ and
 * bench/ (src/, astro.config.ts, package-lock.json, public/…), the helpers
 * that run the build, Node's version and the build's environment variables.
 * A test file's edit leaves it alone.
 */
export function fixtureBuildKey(root: string, garden: string, env: NodeJS.ProcessEnv = process.env): string {
  const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((path) => path && (BUILD_HELPERS.includes(path) || !NOT_BUILD_INPUTS.some((folder) => path.startsWith(folder))));
  const gardenFiles = listFiles(garden).map((path) => relative(root, join(garden, path)));
  const hash = createHash('sha256').update(process.version).update('\0');
  for (const [name, value] of Object.entries(env).filter(([name]) => BUILD_ENV.test(name)).sort()) hash.update(`${name}=${value}\0`);
  for (const path of [...new Set([...tracked, ...gardenFiles])].sort()) {
    const file = join(root, path);
    // A tracked file deleted in the work tree is hashed as absent.
    hash.update(path).update('\0').update(existsSync(file) ? readFileSync(file) : '\u0000absent').update('\0');
  }
  return hash.digest('hex');
}

/**
 * The fixture garden built into tests/.output/fixture-site/dist, once for
 * all browser test files: a build whose key matches the one recorded beside
 * it is reused; otherwise it is built again. The key is written only after a
 * build that succeeded, so a failed or interrupted build is never reused.
 */
export async function buildFixtureSite(): Promise<BuildResult> {
  const folder = join(OUTPUT, NAME);
  const keyFile = join(folder, 'build-key.txt');
  const logFile = join(folder, 'build.log');
  const key = fixtureBuildKey(ROOT, FIXTURE_SITE);
  const outDir = join(folder, 'dist');
  if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key && existsSync(join(outDir, 'index.html'))) {
    return { code: 0, output: readFileSync(logFile, 'utf8'), outDir };
  }
  const build = await buildGarden(NAME, FIXTURE_SITE);
  if (build.code === 0) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(logFile, build.output);
    writeFileSync(keyFile, key);
  }
  return build;
}

/** The fixture garden's shared build, served, with Chromium open, for one browser test file (see servedGarden). */
export function fixtureSite(): ServedSite {
  return servedSite(buildFixtureSite);
}
