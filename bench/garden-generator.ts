/**
 * A deterministic generator of synthetic gardens for the build benchmark, in
 * the project's content format and shaped like a real technical garden:
 * 60 % bits, 30 % shorts, 10 % chapters spread over about ten parts, 3–5 quiz
 * facts per chapter. Bodies of 150–600 words (chapters 1,500–3,000 words in
 * several sections) mix paragraphs, lists, inline and display math, fenced
 * code (mostly Python), some tables and a few wikilinks; every note has 1–4
 * tags from a pool of about 40. The same seed always writes the same files.
 *
 *   node --import ./scripts/ts-hooks.mjs bench/garden-generator.ts <dir> <notes> [seed]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seededRandom } from '../src/lib/study/shuffle';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

const TOPIC = words(`gradient loss batch epoch optimizer scheduler tensor shape axis kernel stride padding channel layer block
residual encoder decoder head query key value score weight bias logit token vocabulary embedding context window cache
latency throughput memory bandwidth precision recall ranking index shard replica partition offset stream window join
aggregate estimator variance covariance likelihood prior posterior sample distribution entropy divergence margin
threshold calibration ensemble tree forest split feature label target leakage fold baseline metric benchmark
quantile median outlier residue spline lag trend season horizon forecast signal noise filter convolution pooling
projection rotation eigenvalue decomposition factor rank norm basis subspace manifold graph node edge path queue heap`);

const FILLER = words(`the a an of to and in on for with by from as at into over under between after before when while
because so that which this these each every one two both either more less most least only also then thus still often
rarely usually always never is are was were be been being has have had does do did can may must should will would
keeps gives takes makes turns holds needs uses shows means stays becomes returns grows shrinks adds drops moves`);

const ADJ = words(`stable unstable cheap costly exact approximate sparse dense small large fast slow linear convex noisy
biased unbiased robust fragile greedy lazy eager online offline batched streaming causal masked shared separate`);

/** About forty tags; a Zipf-like pick makes some common and some rare, as in a real garden. */
export const TAG_POOL = words(`python pytorch numpy pandas sql statistics probability linear-algebra optimization training
inference attention transformers embeddings retrieval ranking evaluation time-series forecasting data-engineering streaming
algorithms data-structures numerics gpu distributed testing debugging regression classification clustering calibration
bayesian information-theory regularization tokenization decoding sampling caching concurrency visualisation`);

const PART_NAMES = ['Foundations', 'Probability', 'Linear algebra', 'Optimisation', 'Deep learning', 'Language models', 'Retrieval', 'Time series', 'Data engineering', 'Systems', 'Evaluation', 'Statistics'];

const IDENT = words(`load save fit predict score scale shift mask pad split merge stack gather scatter reduce update step
clip norm mean std var topk sample encode decode project attend pool window lag roll shard chunk batch cache`);

const FORMULAS = [
  String.raw`\sigma(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}`,
  String.raw`\mathcal{L}(\theta) = -\frac{1}{N}\sum_{n=1}^{N} \log p_\theta(y_n \mid x_n)`,
  String.raw`\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}\right) V`,
  String.raw`\hat{\beta} = (X^\top X + \lambda I)^{-1} X^\top y`,
  String.raw`D_{\mathrm{KL}}(P \,\|\, Q) = \sum_{x} P(x) \log \frac{P(x)}{Q(x)}`,
  String.raw`\theta_{t+1} = \theta_t - \eta \, \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}`,
  String.raw`\operatorname{Var}[X] = \mathbb{E}[X^2] - \mathbb{E}[X]^2`,
  String.raw`p(\theta \mid x) = \frac{p(x \mid \theta)\, p(\theta)}{\int p(x \mid \theta')\, p(\theta')\, d\theta'}`,
  String.raw`A = U \Sigma V^\top, \quad \|A - A_k\|_F^2 = \sum_{i > k} \sigma_i^2`,
  String.raw`y_t = c + \sum_{i=1}^{p} \phi_i y_{t-i} + \varepsilon_t + \sum_{j=1}^{q} \theta_j \varepsilon_{t-j}`,
  String.raw`\mathrm{NDCG@}k = \frac{1}{\mathrm{IDCG@}k} \sum_{i=1}^{k} \frac{2^{r_i} - 1}{\log_2(i + 1)}`,
  String.raw`H(p) = -\sum_{i} p_i \log p_i \le \log n`,
  String.raw`\begin{aligned} \mu_n &= \mu_{n-1} + \frac{x_n - \mu_{n-1}}{n} \\ M_n &= M_{n-1} + (x_n - \mu_{n-1})(x_n - \mu_n) \end{aligned}`,
  String.raw`\nabla_\theta \, \mathbb{E}_{x \sim p_\theta}[f(x)] = \mathbb{E}_{x \sim p_\theta}[f(x) \nabla_\theta \log p_\theta(x)]`,
];

const INLINE_MATH = [
  String.raw`O(n \log n)`, String.raw`\sqrt{d_k}`, String.raw`x \in \mathbb{R}^d`, String.raw`\lambda = 0.01`, String.raw`p < 0.05`,
  String.raw`\beta_1 = 0.9`, String.raw`e^{i\pi} + 1 = 0`, String.raw`\hat{y}`, String.raw`k \ll n`, String.raw`\mathbb{E}[X]`,
  String.raw`\sigma^2`, String.raw`W \in \mathbb{R}^{d \times h}`, String.raw`\nabla f(x)`, String.raw`\alpha_t`, String.raw`2^{-24}`,
];

export interface GeneratedGarden {
  files: number;
  notes: number;
  bits: number;
  shorts: number;
  chapters: number;
  parts: number;
  facts: number;
  words: number;
}

interface Note {
  link: string;
}

/** Writes a garden of `notes` notes into `dir` (replacing what was there) and describes it. */
export function writeGarden(dir: string, notes: number, seed = 20261123): GeneratedGarden {
  rmSync(dir, { recursive: true, force: true });
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const zipf = <T>(items: readonly T[]): T => items[Math.min(items.length - 1, Math.floor(items.length * Math.pow(random(), 1.8)))]!;
  let wordCount = 0;

  const written = new Set<string>();
  const write = (path: string, text: string) => {
    const file = join(dir, path);
    if (written.has(file)) throw new Error(`generator wrote ${path} twice`);
    written.add(file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  const linkable: Note[] = [];
  const sentence = () => {
    const n = int(7, 18);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = random();
      out.push(r < 0.45 ? zipf(FILLER) : r < 0.85 ? zipf(TOPIC) : pick(ADJ));
    }
    wordCount += n;
    const r = random();
    if (r < 0.12) out.splice(int(1, n - 1), 0, `$${pick(INLINE_MATH)}$`);
    else if (r < 0.22) out.splice(int(1, n - 1), 0, `\`${pick(IDENT)}_${pick(IDENT)}()\``);
    else if (r < 0.25 && linkable.length > 0) out.splice(int(1, n - 1), 0, `see [[${pick(linkable).link}]]`);
    else if (r < 0.3) out.splice(int(1, n - 1), 0, `**${pick(TOPIC)}**`);
    const text = out.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (min = 2, max = 5) => Array.from({ length: int(min, max) }, sentence).join(' ');
  const list = () =>
    Array.from({ length: int(3, 6) }, () => {
      const n = int(4, 10);
      wordCount += n;
      return `- ${Array.from({ length: n }, () => (random() < 0.6 ? zipf(TOPIC) : zipf(FILLER))).join(' ')}`;
    }).join('\n');
  const display = () => `$$\n${pick(FORMULAS)}\n$$`;
  const code = () => {
    const r = random();
    const lines = int(4, 14);
    if (r < 0.75) {
      const name = `${pick(IDENT)}_${pick(IDENT)}`;
      const body = Array.from({ length: lines }, (_, i) =>
        i % 3 === 2
          ? `    # ${pick(TOPIC)} ${pick(FILLER)} ${pick(TOPIC)}`
          : `    ${pick(IDENT)} = torch.${pick(IDENT)}(${pick(IDENT)}, dim=${int(-2, 1)}) * ${(random() * 10).toFixed(2)}`,
      );
      return `\`\`\`python\ndef ${name}(x, ${pick(IDENT)}=None):\n${body.join('\n')}\n    return ${pick(IDENT)}\n\`\`\``;
    }
    if (r < 0.88) {
      const cols = Array.from({ length: int(2, 4) }, () => pick(IDENT)).join(', ');
      return `\`\`\`sql\nSELECT ${cols},\n       ROW_NUMBER() OVER (PARTITION BY ${pick(IDENT)} ORDER BY ${pick(IDENT)} DESC) AS rn\nFROM ${pick(TOPIC)}_${pick(TOPIC)}\nWHERE ${pick(IDENT)} > ${int(1, 100)}\nGROUP BY ${cols};\n\`\`\``;
    }
    if (r < 0.95) {
      return `\`\`\`ts\nexport function ${pick(IDENT)}${pick(['Batch', 'Window', 'Cache', 'Index'])}(items: number[], k = ${int(1, 9)}): number[] {\n  return items.slice(0, k).map((x) => x * ${int(2, 9)});\n}\n\`\`\``;
    }
    return `\`\`\`bash\nfor f in data/*.${pick(['csv', 'parquet', 'jsonl'])}; do\n  wc -l "$f"\ndone\n\`\`\``;
  };
  const table = () => {
    const cols = int(2, 4);
    const head = Array.from({ length: cols }, () => pick(TOPIC));
    const rows = Array.from({ length: int(3, 6) }, () =>
      Array.from({ length: cols }, (_, i) => (i === 0 ? pick(TOPIC) : random() < 0.5 ? (random() * 100).toFixed(1) : pick(ADJ))),
    );
    wordCount += cols * (rows.length + 1);
    return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  };
  /** A body of roughly `target` words: paragraphs, and some code, math, a list or a table. */
  const body = (target: number, needsCodeOrMath: boolean) => {
    const blocks: string[] = [];
    const start = wordCount;
    let hasCode = false;
    while (wordCount - start < target) {
      const r = random();
      if (r < 0.5) blocks.push(paragraph());
      else if (r < 0.64) (blocks.push(code()), (hasCode = true));
      else if (r < 0.76) (blocks.push(display()), (hasCode = true));
      else if (r < 0.9) blocks.push(list());
      else blocks.push(table());
    }
    if (needsCodeOrMath && !hasCode) blocks.splice(1, 0, random() < 0.6 ? code() : display());
    return blocks.join('\n\n');
  };
  const title = () => {
    const n = int(3, 6);
    const out = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? pick(TOPIC) : random() < 0.5 ? pick(ADJ) : pick(FILLER)));
    return `${out[0]![0]!.toUpperCase()}${out.join(' ').slice(1)}`;
  };
  const tags = () => [...new Set(Array.from({ length: int(1, 4) }, () => zipf(TAG_POOL)))];
  const date = () => `20${int(22, 26)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const yamlString = (text: string) => JSON.stringify(text);
  const slugOf = (text: string, n: number) => `${text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40)}-${n}`;

  const chapters = Math.max(1, Math.round(notes * 0.1));
  const shorts = Math.round(notes * 0.3);
  const bits = notes - chapters - shorts;
  const partCount = Math.min(10, chapters);
  const parts = Array.from({ length: partCount }, (_, i) => ({ id: `part-${String(i + 1).padStart(2, '0')}`, number: i + 1, title: PART_NAMES[i % PART_NAMES.length]! }));
  write(
    'parts.yaml',
    parts.map((p) => `- id: ${p.id}\n  number: ${p.number}\n  title: ${p.title}\n  summary: ${yamlString(sentence())}\n`).join(''),
  );

  // Interleaved, so wikilinks point at every collection.
  const order: ('bit' | 'short' | 'chapter')[] = [];
  for (let i = 0, b = 0, s = 0, c = 0; i < notes; i++) {
    // Keep each kind on its share of the notes written so far.
    const want = (i + 1) / notes;
    if (c < chapters && c / chapters < want) (order.push('chapter'), c++);
    else if (s < shorts && s / shorts < want) (order.push('short'), s++);
    else if (b < bits) (order.push('bit'), b++);
    else if (s < shorts) (order.push('short'), s++);
    else (order.push('chapter'), c++);
  }

  const chapterCounts = new Map<string, number>();
  let facts = 0;
  order.forEach((kind, n) => {
    if (kind === 'bit') {
      const t = title();
      const slug = slugOf(t, n);
      const why = random() < 0.7 ? `why: ${yamlString(sentence())}\n` : '';
      write(`bits/${slug}.md`, `---\ntitle: ${yamlString(t)}\ntags: [${tags().join(', ')}]\n${why}date: ${date()}\n---\n${body(int(150, 600), true)}\n`);
      linkable.push({ link: slug });
    } else if (kind === 'short') {
      const t = title();
      const slug = slugOf(t, n);
      const track = random() < 0.6 ? `track: ${pick(['llm', 'retrieval', 'time-series', 'math'])}\n` : '';
      write(`shorts/${slug}.md`, `---\ntitle: ${yamlString(t)}\nsummary: ${yamlString(sentence())}\ndate: ${date()}\ntags: [${tags().join(', ')}]\n${track}---\n${body(int(150, 600), false)}\n`);
      linkable.push({ link: `shorts/${slug}` });
    } else {
      const part = parts[chapterCounts.size < partCount ? chapterCounts.size : int(0, partCount - 1)]!;
      const number = (chapterCounts.get(part.id) ?? 0) + 1;
      chapterCounts.set(part.id, number);
      const t = title();
      const file = `${String(number).padStart(2, '0')}-${slugOf(t, n)}`;
      const id = `${part.id}/${file}`;
      const target = int(1500, 3000);
      const sectionCount = int(4, 8);
      const sections = Array.from({ length: sectionCount }, (_, i) => {
        const sub = random() < 0.4 ? `\n\n### ${title()} ${i + 1}.1\n\n${body(Math.round(target / sectionCount / 3), false)}` : '';
        return `## ${title()} ${i + 1}\n\n${body(Math.round((target / sectionCount) * (sub ? 0.66 : 1)), false)}${sub}`;
      });
      write(`chapters/${id}.md`, `---\ntitle: ${yamlString(t)}\npart: ${part.id}\nchapter: ${number}\nsummary: ${yamlString(sentence())}\ntags: [${tags().join(', ')}]\n---\n${sections.join('\n\n')}\n`);
      const factCount = int(3, 5);
      facts += factCount;
      const quiz = Array.from({ length: factCount }, (_, i) => {
        const distractors = random() < 0.5 ? `    distractors: [${yamlString(pick(TOPIC))}, ${yamlString(pick(TOPIC))}]\n` : '';
        return `  - question: ${yamlString(`${sentence().slice(0, -1)} (${i + 1})?`)}\n    answer: ${yamlString(`${pick(ADJ)} ${pick(TOPIC)} ${i}`)}\n    explanation: ${yamlString(sentence())}\n${distractors}`;
      });
      write(`quiz/${part.id}-${String(number).padStart(2, '0')}.yaml`, `chapter: ${id}\nfacts:\n${quiz.join('')}`);
      linkable.push({ link: id });
    }
  });

  return { files: written.size, notes, bits, shorts, chapters, parts: partCount, facts, words: wordCount };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: garden-generator.ts <dir> <notes> [seed]');
    process.exit(2);
  }
  console.log(writeGarden(dir, Number(count), seed ? Number(seed) : undefined));
}
