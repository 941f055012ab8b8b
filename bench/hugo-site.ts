/**
 * The Hugo baseline of `npm run bench` (issue 22: "the 10,000-note cold build
 * ≤ 2× Hugo on the same notes measured in the same run"): turns a generated
 * garden (bench/garden-generator.ts) into an equivalent Hugo site.
 *
 * Same Markdown bodies and frontmatter (copied as written: title, tags, dates,
 * summaries), bits and shorts as sections, chapters under /cheatsheets/<part>/
 * (as on our site) with one section per part, tags as a taxonomy. Layouts are
 * minimal but do what ours do on every page: list pages of each section with
 * summaries, paginated by 50 as ours; single pages; tag pages and the tag
 * index; home; RSS and sitemap as Hugo makes them by default. Code fences are
 * highlighted at build time by Chroma (Hugo's default). What Hugo does not get:
 * math stays text (Hugo 0.111 has no build-time math; our build typesets it
 * with KaTeX), wikilinks become plain Markdown links (Hugo has none), and the
 * quiz facts, search index, map and study pages have no Hugo counterpart.
 */
import { load } from 'js-yaml';

/** A file of a garden or of the Hugo site: its path under the folder, and its text. */
export interface SiteFile {
  path: string;
  text: string;
}

interface Part {
  id: string;
  number: number;
  title: string;
  summary?: string;
}

const CONFIG = `baseURL = "https://example.org/"
title = "Garden (Hugo baseline)"
languageCode = "en"
paginate = 50
enableRobotsTXT = false

[taxonomies]
  tag = "tags"

[markup.goldmark.renderer]
  unsafe = true

[markup.highlight]
  # Chroma, at build time, with inline styles (Hugo's default).
  noClasses = true
`;

const BASEOF = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/bits/">Bits</a> <a href="/shorts/">Shorts</a> <a href="/cheatsheets/">Cheat sheets</a> <a href="/tags/">Tags</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`;

const ENTRY = `<article>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ with .Date }}{{ if not .IsZero }}<time datetime="{{ .Format "2006-01-02" }}">{{ .Format "2 January 2006" }}</time>{{ end }}{{ end }}
<p>{{ .Summary }}</p>
{{ with .Params.tags }}<p>{{ range . }}<a href="{{ "tags/" | relURL }}{{ . | urlize }}/">#{{ . }}</a> {{ end }}</p>{{ end }}
</article>
`;

const LIST = `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $paginator := .Paginate .Pages }}
{{ range $paginator.Pages }}{{ partial "entry.html" . }}{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
`;

const SINGLE = `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ with .Date }}{{ if not .IsZero }}<time datetime="{{ .Format "2006-01-02" }}">{{ .Format "2 January 2006" }}</time>{{ end }}{{ end }}
{{ with .Params.tags }}<p>{{ range . }}<a href="{{ "tags/" | relURL }}{{ . | urlize }}/">#{{ . }}</a> {{ end }}</p>{{ end }}
{{ .Content }}
</article>
{{ end }}
`;

const TERMS = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">#{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`;

const HOME = `{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
{{ range .Site.Sections }}<section>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .RegularPagesRecursive }})</h2>
{{ range first 5 .RegularPagesRecursive }}{{ partial "entry.html" . }}{{ end }}
</section>{{ end }}
{{ end }}
`;

const SECTIONS: Record<string, string> = { bits: 'Bits', shorts: 'Shorts', cheatsheets: 'Cheat sheets' };

/** The page a wikilink's target names, as our site places it: `slug` a bit, `shorts/slug` a short, `part/file` a chapter. */
function notePaths(garden: readonly SiteFile[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const { path } of garden) {
    const match = /^(bits|shorts|chapters)\/(.+)\.mdx?$/.exec(path);
    if (!match) continue;
    const [, folder, id] = match as unknown as [string, string, string];
    const url = `/${folder === 'chapters' ? 'cheatsheets' : folder}/${id}/`;
    paths.set(`${folder}/${id}`, url);
    if (!paths.has(id)) paths.set(id, url);
  }
  return paths;
}

/** `[[target]]` and `[[target|label]]` as Markdown links; an unknown target stays as written. */
export function wikilinksToMarkdown(text: string, paths: ReadonlyMap<string, string>): string {
  return text.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (whole, target: string, label: string | undefined) => {
    const url = paths.get(target.trim());
    return url ? `[${(label ?? target).trim()}](${url})` : whole;
  });
}

function frontmatter(fields: Record<string, string | number | undefined>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'number' ? value : JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** The Hugo site equivalent to a garden's files (paths relative to the garden folder): config, layouts and content. */
export function hugoSite(garden: readonly SiteFile[]): SiteFile[] {
  const paths = notePaths(garden);
  const out: SiteFile[] = [
    { path: 'hugo.toml', text: CONFIG },
    { path: 'layouts/_default/baseof.html', text: BASEOF },
    { path: 'layouts/_default/list.html', text: LIST },
    { path: 'layouts/_default/single.html', text: SINGLE },
    { path: 'layouts/_default/terms.html', text: TERMS },
    { path: 'layouts/index.html', text: HOME },
    { path: 'layouts/partials/entry.html', text: ENTRY },
  ];
  for (const [section, title] of Object.entries(SECTIONS)) out.push({ path: `content/${section}/_index.md`, text: frontmatter({ title }) });
  for (const file of garden) {
    if (/^parts\.ya?ml$/.test(file.path)) {
      for (const part of (load(file.text) as Part[] | null) ?? []) {
        out.push({ path: `content/cheatsheets/${part.id}/_index.md`, text: frontmatter({ title: `Part ${part.number}: ${part.title}`, weight: part.number, summary: part.summary }) });
      }
      continue;
    }
    const note = /^(bits|shorts|chapters)\/(.+\.mdx?)$/.exec(file.path);
    if (!note) continue;
    const folder = note[1] === 'chapters' ? 'cheatsheets' : note[1]!;
    out.push({ path: `content/${folder}/${note[2]!.replace(/\.mdx$/, '.md')}`, text: wikilinksToMarkdown(file.text, paths) });
  }
  return out;
}
