// `npm run bench:check`: wall time of `npm run check` on the sample garden (content/),
// end to end as an author runs it — npm, Node start-up, imports and the check itself.
// One warm-up run (it fills Node's compile cache), then RUNS timed runs.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

const RUNS = Number(process.env.RUNS ?? 10);
const BUDGET_S = 2;

function once() {
  const started = process.hrtime.bigint();
  const result = spawnSync('npm', ['run', '--silent', 'check'], { encoding: 'utf8', env: { ...process.env, GARDEN_CONTENT: '' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`npm run check failed:\n${result.stdout}${result.stderr}`);
  const summary = `${result.stdout}${result.stderr}`.trim().split('\n').at(-1);
  return { seconds, summary };
}

const warm = once();
const times = Array.from({ length: RUNS }, () => once().seconds).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const fmt = (s) => `${s.toFixed(2)} s`;
console.log(`npm run check on content/ — ${warm.summary}`);
console.log(`${RUNS} runs after one warm-up: min ${fmt(times[0])}, median ${fmt(median)}, max ${fmt(times.at(-1))}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}`);
console.log(median <= BUDGET_S ? `within the ${BUDGET_S} s budget` : `OVER the ${BUDGET_S} s budget`);
process.exitCode = median <= BUDGET_S ? 0 : 1;
