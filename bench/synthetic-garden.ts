/**
 * A synthetic garden for the search benchmark: Markdown bodies with prose,
 * code and math, titles, tags and tracks drawn from a technical vocabulary
 * with a Zipf-like frequency, and queries a reader would type. Deterministic
 * (seeded), so every run measures the same garden.
 */
import { STOPWORDS } from '../src/lib/search/tokens';
import { seededRandom as rng } from '../src/lib/study/shuffle';


const TERMS = `attention transformer softmax logits tokenizer embedding gradient optimizer momentum adam adamw weight decay
learning rate schedule warmup cosine annealing batch normalization layer norm dropout residual connection encoder decoder
causal mask padding sequence context window kv cache inference latency throughput quantization int8 fp16 bfloat16 mixed precision
distributed data parallel sharding pipeline tensor parallel checkpoint activation recomputation memory bandwidth kernel fusion
retrieval reranker bi-encoder cross-encoder bm25 dense sparse hybrid vector index hnsw ivf product quantization cosine similarity
recall precision mrr ndcg evaluation benchmark dataset split stratified fold cross-validation leakage overfitting regularization
bias variance tradeoff loss function cross-entropy likelihood entropy divergence kl elbo variational autoencoder diffusion
sampling temperature top-k nucleus beam search greedy decoding perplexity calibration confidence uncertainty ensemble bagging
boosting gradient-boosting random forest decision tree linear regression logistic ridge lasso elastic net feature scaling
time series forecasting arima sarima seasonality trend stationarity lag rolling window exponential smoothing autocorrelation
kafka partition consumer group offset stream batch etl warehouse parquet columnar schema partitioning join window function
sql query index btree hash join aggregation groupby row_number rank dedupe upsert transaction isolation snapshot
python numpy pandas pytorch jax cuda gpu cpu thread process async await generator iterator decorator closure dataclass
matrix vector eigenvalue eigenvector svd pca cholesky qr decomposition determinant inverse trace norm projection orthogonal
probability distribution gaussian bernoulli poisson prior posterior bayes expectation variance covariance correlation
hashing bloom filter reservoir sampling binary search heap priority queue graph traversal dynamic programming memoization
tokenization bpe wordpiece vocabulary subword unicode normalization byte pair merges frequency corpus pretraining finetuning
lora adapter rank low-rank distillation teacher student pruning sparsity moe mixture experts router gating load balancing
rope rotary positional encoding alibi relative absolute sinusoidal interpolation extrapolation long context flash attention
grouped query multi-head heads projection queries keys values scaled dot product score matrix weights output concatenation`
  .split(/\s+/)
  .filter(Boolean);

const PROSE = `the a of to and in is that for it with as on be by this are from or at which an when not but each every one two
its their so than then only more most less same into over under between without before after because while where how why
what we you use uses used gives keeps makes turns takes returns shows means holds runs stays grows falls becomes
small large fast slow stable unstable exact approximate simple cheap costly safe wrong right first last next whole half`
  .split(/\s+/)
  .filter(Boolean);

const IDENT_PARTS = ['get', 'set', 'apply', 'compute', 'build', 'load', 'save', 'mask', 'score', 'scale', 'norm', 'fill', 'split', 'merge', 'update', 'step', 'grad', 'loss', 'batch', 'token', 'cache', 'index', 'query', 'key', 'value', 'weight', 'bias', 'state', 'window', 'rank', 'topk', 'sample', 'encode', 'decode', 'attn', 'logit', 'prob', 'head', 'layer', 'block', 'seq', 'dim', 'shape', 'view', 'stride', 'chunk', 'shard', 'offset', 'lag', 'roll', 'mean', 'var', 'std', 'clip', 'warmup', 'decay'];

export const TAGS = `python pytorch numpy pandas sql llm attention transformer retrieval embeddings ranking evaluation metrics statistics
probability linear-algebra optimization training inference quantization time-series forecasting data-engineering kafka
streaming algorithms data-structures sampling tokenization decoding numerics gpu distributed memory testing debugging
regression classification clustering dimensionality-reduction feature-engineering calibration bayesian information-theory
loss-functions regularization normalization initialization positional-encoding kv-cache rag vector-search hashing graphs
dynamic-programming sorting searching concurrency async caching serialization parquet sql-window spark etl`
  .split(/\s+/)
  .filter(Boolean);

export const TRACKS = ['llm', 'retrieval', 'data-engineering', 'time-series', 'math'];

/** Picks with a Zipf-like bias towards the start of the list. */
function zipf<T>(random: () => number, items: readonly T[]): T {
  const index = Math.floor(items.length * Math.pow(random(), 2.2));
  return items[Math.min(index, items.length - 1)]!;
}

function shuffle<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export interface SyntheticEntry {
  collection: 'bits' | 'shorts' | 'chapters' | 'facts';
  slug: string;
  title: string;
  tags: string[];
  summary?: string;
  date?: string;
  track?: string;
  /** Markdown (bits, shorts, chapters) or the explanation (facts). */
  body: string;
}

export interface GardenShape {
  bits: number;
  shorts: number;
  /** Chapter sections (`##` headings with their text); the benchmark groups them into chapters. */
  sections: number;
  facts: number;
}

export function generateGarden(shape: GardenShape, seed = 42): { entries: SyntheticEntry[]; identifiers: string[] } {
  const random = rng(seed);
  const terms = shuffle(random, TERMS);
  const tags = shuffle(random, TAGS);
  const identifiers = Array.from({ length: 600 }, () => `${zipf(random, IDENT_PARTS)}_${zipf(random, IDENT_PARTS)}`);
  // The long tail of a real garden: names, rare terms, one-off identifiers (about 30,000 distinct words).
  const syllables = ['ka', 'lo', 'mi', 'ter', 'son', 'vex', 'ra', 'qui', 'del', 'bro', 'zen', 'tu', 'pha', 'gri', 'mon', 'sel', 'dra', 'ny', 'col', 'ves', 'tri', 'an', 'ex', 'or'];
  const rare = Array.from({ length: 30_000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  const word = () => {
    const r = random();
    return r < 0.08 ? rare[Math.floor(random() * rare.length)]! : r < 0.58 ? zipf(random, PROSE) : zipf(random, terms);
  };
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    const words = Array.from({ length: n }, word);
    if (random() < 0.2) words.splice(Math.floor(random() * n), 0, `\`${zipf(random, identifiers)}\``);
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(8, 22)).join(' ');
  const code = (lines: number) => {
    const body = Array.from({ length: lines }, () => {
      const a = zipf(random, identifiers);
      const b = zipf(random, identifiers);
      return random() < 0.5 ? `    ${a} = ${b}(x, dim=-1)` : `    out = torch.${zipf(random, IDENT_PARTS)}(${a}, ${b})`;
    });
    return `\`\`\`python\ndef ${zipf(random, identifiers)}(x):\n${body.join('\n')}\n    return out\n\`\`\``;
  };
  const math = () => `$$\n\\mathrm{${zipf(random, terms).replace(/-/g, '')}}(x) = \\frac{e^{x_i}}{\\sum_j e^{x_j}}\n$$`;
  const title = () => {
    const words = Array.from({ length: 3 + Math.floor(random() * 4) }, () => (random() < 0.7 ? zipf(random, terms) : zipf(random, PROSE)));
    return `${words[0]![0]!.toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}`;
  };
  const tagList = () => [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => zipf(random, tags)))];
  const date = () => `20${22 + Math.floor(random() * 5)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;

  const entries: SyntheticEntry[] = [];
  const mix: [SyntheticEntry['collection'], number][] = [
    ['bits', shape.bits],
    ['shorts', shape.shorts],
    ['chapters', shape.sections],
    ['facts', shape.facts],
  ];
  for (const [collection, n] of mix) {
    for (let i = 0; i < n; i++) {
      const slug = `${collection}-${i}`;
      if (collection === 'bits') {
        entries.push({ collection, slug, title: title(), tags: tagList(), summary: sentence(10, 24), date: date(), body: `${paragraph(1 + Math.floor(random() * 2))}\n\n${code(4 + Math.floor(random() * 10))}\n\n${random() < 0.4 ? math() : paragraph(1)}\n` });
      } else if (collection === 'shorts') {
        const paragraphs = Array.from({ length: 2 + Math.floor(random() * 4) }, () => paragraph(3 + Math.floor(random() * 3)));
        if (random() < 0.4) paragraphs.splice(1, 0, code(3 + Math.floor(random() * 6)));
        if (random() < 0.4) paragraphs.splice(2, 0, math());
        entries.push({ collection, slug, title: title(), tags: tagList(), summary: sentence(10, 24), date: date(), track: random() < 0.8 ? zipf(random, TRACKS) : undefined, body: paragraphs.join('\n\n') });
      } else if (collection === 'chapters') {
        // One chapter section: a heading and a few paragraphs.
        const paragraphs = Array.from({ length: 2 + Math.floor(random() * 3) }, () => paragraph(3 + Math.floor(random() * 4)));
        if (random() < 0.5) paragraphs.push(code(4 + Math.floor(random() * 8)));
        entries.push({ collection, slug, title: title(), tags: tagList(), body: paragraphs.join('\n\n') });
      } else {
        entries.push({ collection, slug, title: `${sentence(6, 14).slice(0, -1)}?`, tags: tagList(), summary: sentence(1, 4), body: sentence(12, 30) });
      }
    }
  }
  return { entries, identifiers };
}

export type QueryKind = 'title' | 'tag' | 'identifier' | 'body' | 'typo' | 'none';

export interface SyntheticQuery {
  query: string;
  kind: QueryKind;
  /** The entry the words were taken from, when there is one. */
  source?: SyntheticEntry;
}

/**
 * Queries a reader types: 1–3 words from titles, tags and bodies, code
 * identifiers, a share with a typo, and some that match nothing.
 */
export function generateQueries(entries: readonly SyntheticEntry[], identifiers: readonly string[], count: number, seed = 7): SyntheticQuery[] {
  const random = rng(seed);
  const queries: SyntheticQuery[] = [];
  const typo = (w: string) => {
    const at = 1 + Math.floor(random() * (w.length - 2));
    // A dropped letter or two swapped neighbours, never in the first letter.
    return random() < 0.5 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  };
  while (queries.length < count) {
    const source = entries[Math.floor(random() * entries.length)]!;
    const kind = random();
    if (kind < 0.3) {
      const words = source.title.toLowerCase().split(' ');
      const n = 1 + Math.floor(random() * 3);
      const start = Math.floor(random() * Math.max(1, words.length - n));
      const picked = words.slice(start, start + n);
      // Nobody searches for "the" or "of a".
      if (picked.every((w) => STOPWORDS.has(w) || w.length < 2)) continue;
      queries.push({ query: picked.join(' '), kind: 'title', source });
    } else if (kind < 0.45) {
      queries.push({ query: source.tags.slice(0, 1 + Math.floor(random() * 2)).join(' '), kind: 'tag' });
    } else if (kind < 0.6) {
      queries.push({ query: identifiers[Math.floor(random() * identifiers.length)]!, kind: 'identifier' });
    } else if (kind < 0.8) {
      const words = source.collection === 'facts' ? source.body.toLowerCase().match(/[a-z][a-z-]{3,}/g) : (source.body.replace(/```\w*/g, ' ').replace(/\$\$[\s\S]*?\$\$/g, ' ').toLowerCase().match(/(?<![\\{_])\b[a-z][a-z-]{3,}\b/g));
      const pool = words ?? [];
      if (pool.length === 0) continue;
      const query = Array.from({ length: 1 + Math.floor(random() * 2) }, () => pool[Math.floor(random() * pool.length)]).join(' ');
      queries.push({ query, kind: 'body', source });
    } else if (kind < 0.93) {
      const word = source.title.toLowerCase().split(' ').find((w) => w.length >= 6 && /^[a-z]+$/.test(w));
      if (!word) continue;
      queries.push({ query: typo(word), kind: 'typo', source });
    } else {
      queries.push({ query: ['zebra', 'kubernetes helm', 'photosynthesis', 'haskell monad', 'violin', 'sourdough'][Math.floor(random() * 6)]!, kind: 'none' });
    }
  }
  return queries;
}
