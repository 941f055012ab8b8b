import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGarden, ROOT, type BuildResult } from '../helpers/build';
import { read } from '../helpers/files';

/**
 * A garden kept in its own git repository: a note's page shows when it last
 * changed, from `updated:` in its frontmatter or else from its file's last
 * commit, and the sitemap's lastmod says the same. The same garden outside git
 * shows only the frontmatter's date.
 */
const inGit = mkdtempSync(join(tmpdir(), 'garden-git-'));
const plain = mkdtempSync(join(tmpdir(), 'garden-plain-'));
let built: BuildResult;
let builtPlain: BuildResult;

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Author', '-c', 'user.email=author@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: inGit,
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-03-04T10:00:00Z', GIT_COMMITTER_DATE: '2026-03-04T10:00:00Z' },
  });

beforeAll(async () => {
  for (const garden of [inGit, plain]) {
    cpSync(join(ROOT, 'tests/fixtures/images'), garden, { recursive: true });
    const short = join(garden, 'shorts/no-images.md');
    writeFileSync(short, readFileSync(short, 'utf8').replace('date: 2026-05-01', 'date: 2026-05-01\nupdated: 2026-06-15'));
  }
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'The garden');
  built = await buildGarden('last-updated-git', inGit);
  builtPlain = await buildGarden('last-updated-plain', plain);
}, 300_000);

describe('when a note last changed', () => {
  it('shows the file’s last commit when the frontmatter says nothing, and the frontmatter’s date before it', () => {
    expect(built.code, built.output).toBe(0);
    expect(read(built.outDir, 'bits/block-diagram/index.html')).toContain('<span class="updated">Updated <time datetime="2026-03-04">Mar 4, 2026</time></span>');
    expect(read(built.outDir, 'shorts/no-images/index.html')).toContain('<span class="updated">Updated <time datetime="2026-06-15">Jun 15, 2026</time></span>');
  });

  it('gives the sitemap the same dates as lastmod', () => {
    const sitemap = read(built.outDir, 'sitemap-0.xml');
    expect(sitemap).toContain('<url><loc>https://garden.example.com/bits/block-diagram/</loc><lastmod>2026-03-04T00:00:00.000Z</lastmod></url>');
    expect(sitemap).toContain('<url><loc>https://garden.example.com/shorts/no-images/</loc><lastmod>2026-06-15T00:00:00.000Z</lastmod></url>');
  });

  it('outside git, shows only what the frontmatter says', () => {
    expect(builtPlain.code, builtPlain.output).toBe(0);
    expect(read(builtPlain.outDir, 'bits/block-diagram/index.html')).not.toContain('class="updated"');
    expect(read(builtPlain.outDir, 'shorts/no-images/index.html')).toContain('<time datetime="2026-06-15">Jun 15, 2026</time>');
    expect(read(builtPlain.outDir, 'sitemap-0.xml')).toContain('<url><loc>https://garden.example.com/bits/block-diagram/</loc></url>');
  });
});
