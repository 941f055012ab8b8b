/**
 * Where the throttled time after the data goes: opens the header's search on
 * a built garden (SEARCH_TRACE_DIST, e.g. a 10,000-note build), sets
 * Chromium's CPU throttling (SEARCH_TRACE_THROTTLE, default 4), types each
 * query on a fresh page and records a performance trace and a JS CPU profile.
 * Prints, per query, the time from the end of the last index file's download
 * to the results (as bench/search-scale.ts measures it) and what the renderer's
 * main thread did in that window: trace events by name (self time) and the
 * JS functions the profiler sampled. Also the time to the task after the
 * next frame (the results laid out and painted), which bench/search-scale.ts
 * does not measure.
 *
 * SEARCH_TRACE_QUERIES (comma-separated), SEARCH_TRACE_ROUNDS (repeats),
 * SEARCH_TRACE_PLAIN=1 (the figures alone, without the tracer's and
 * profiler's overhead, which is large when throttled), SEARCH_TRACE_TO_FRAME=1
 * (the window runs on to the frame), SEARCH_TRACE_TASKS=1 (tasks with self
 * time). Figures: bench/RESULTS.md, "Search at scale".
 *
 *   SEARCH_TRACE_DIST=/tmp/dist npx node --import ./scripts/ts-hooks.mjs bench/search-trace.ts
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../tests/helpers/browser';
import { serveStatic } from '../tests/helpers/serve';

const DIST = process.env.SEARCH_TRACE_DIST;
if (!DIST) throw new Error('SEARCH_TRACE_DIST: the built site to search (dist/ of an astro build)');
const THROTTLE = Number(process.env.SEARCH_TRACE_THROTTLE ?? 4);
const QUERIES = (process.env.SEARCH_TRACE_QUERIES ?? 'attention,gradient descent,softmax temperature').split(',');
const ROUNDS = Number(process.env.SEARCH_TRACE_ROUNDS ?? 1);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { message?: string; url?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Types `query` into the dialog; the end of the last index download and the moment the status names the query, in page time. */
async function typeQuery(page: Page, query: string): Promise<{ afterData: number; framed: number; files: string[] }> {
  await page.evaluate((q) => {
    const status = document.querySelector('site-search [data-search-status]')!;
    const w = window as unknown as { statusAt?: number; since?: number };
    w.statusAt = undefined;
    (window as unknown as { framedAt?: number }).framedAt = undefined;
    w.since = performance.now();
    new MutationObserver((_, observer) => {
      if ((status.textContent ?? '').includes(`“${q}”`)) {
        w.statusAt = performance.now();
        console.timeStamp('search-results');
        // The task after the next frame: the results' layout and paint done.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            (window as unknown as { framedAt?: number }).framedAt = performance.now();
            console.timeStamp('search-framed');
          };
          channel.port2.postMessage(0);
        });
        observer.disconnect();
      }
    }).observe(status, { childList: true, characterData: true, subtree: true });
  }, query);
  await page.fill('site-search [data-search-input]', query);
  await page.waitForFunction(() => (window as unknown as { framedAt?: number }).framedAt !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const w = window as unknown as { statusAt: number; since: number; framedAt: number };
    const resources = performance
      .getEntriesByType('resource')
      .filter((r) => r.name.includes('/search/') && r.startTime >= w.since && (r as PerformanceResourceTiming).responseEnd <= w.statusAt) as PerformanceResourceTiming[];
    const last = Math.max(...resources.map((r) => r.responseEnd));
    return { afterData: w.statusAt - last, framed: w.framedAt - last, files: resources.map((r) => `${r.name.replace(/^.*\/search\//, '')} ${(r.responseEnd - w.since).toFixed(0)}`) };
  });
}

function summarise(events: TraceEvent[], profile: Profile, afterData: number) {
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'search-results');
  if (!mark) throw new Error('no search-results mark in the trace');
  const start = mark.ts - afterData * 1000;
  // SEARCH_TRACE_TO_FRAME=1: the window runs on to the task after the next frame (layout and paint of the results).
  const framed = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'search-framed');
  const end = process.env.SEARCH_TRACE_TO_FRAME && framed ? framed.ts : mark.ts;
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.dur !== undefined && e.ts < end && e.ts + e.dur! > start);
  // Self time per event name: an event's time minus that of its direct children (nesting by containment).
  main.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  const clip = (e: TraceEvent) => Math.max(0, Math.min(end, e.ts + e.dur!) - Math.max(start, e.ts));
  const selfOf = new Map<TraceEvent, number>();
  for (const e of main) {
    while (stack.length > 0 && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) selfOf.set(parent, selfOf.get(parent)! - clip(e));
    selfOf.set(e, clip(e));
    stack.push(e);
  }
  for (const [e, t] of selfOf) self.set(e.name, (self.get(e.name) ?? 0) + t);
  if (process.env.SEARCH_TRACE_TASKS)
    for (const [e, t] of selfOf) if (e.name === 'RunTask' && t > 1000) console.log(`    task +${((e.ts - start) / 1000).toFixed(1)} self ${(t / 1000).toFixed(1)} of ${(e.dur! / 1000).toFixed(1)} ms ${JSON.stringify(e.args)}`);
  // Busy: the union of the tasks' spans (tasks nest: ThreadControllerImpl::RunTask holds RunTask).
  let busy = 0;
  let reached = start;
  for (const e of main.filter((task) => task.name === 'RunTask' || task.name === 'ThreadControllerImpl::RunTask')) {
    const from = Math.max(reached, e.ts);
    const to = Math.min(end, e.ts + e.dur!);
    if (to > from) busy += to - from;
    reached = Math.max(reached, to);
  }
  // JS samples in the window, by function (self).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i]!;
    const next = profile.timeDeltas[i + 1] ?? 0;
    if (t < start || t > end) return;
    const { callFrame } = byId.get(id)!;
    const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*\//, '')}:${callFrame.lineNumber}`;
    fn.set(key, (fn.get(key) ?? 0) + next);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${(v / 1000).toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n');
  const timeline = main
    .filter((e) => ['Layout', 'UpdateLayoutTree', 'FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'ResponseBodyLoader::DidFinishLoadingBody', 'Paint', 'ParseHTML', 'TimerFire', 'EventDispatch', 'v8.callFunction', 'FireAnimationFrame'].includes(e.name) && e.dur! > 1500)
    .map((e) => `    +${((e.ts - start) / 1000).toFixed(1)} ${e.name} ${(e.dur! / 1000).toFixed(1)} ms ${JSON.stringify(e.args ?? '').slice(0, e.name === 'Layout' ? 600 : 160)}`)
    .join('\n');
  return `  timeline:\n${timeline}\n  main thread busy ${(busy / 1000).toFixed(1)} ms of ${((end - start) / 1000).toFixed(1)} ms\n  trace events (self):\n${top(self, 14)}\n  JS functions (self):\n${top(fn, 16)}`;
}

async function traced(cdp: CDPSession, run: () => Promise<{ afterData: number; framed: number; files: string[] }>) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'loading', 'v8', 'toplevel', 'toplevel.flow', 'mojom', 'ipc', 'scheduler', 'renderer.scheduler'] }, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.send('Tracing.end');
  await done;
  return { ...result, summary: summarise(events, profile, result.afterData) };
}

const server = await serveStatic(DIST);
const browser = await launchChromium();
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.waitForLoadState('networkidle');
      const cdp = await context.newCDPSession(page);
      if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      const run = async () => {
        await page.keyboard.press('/');
        return typeQuery(page, query);
      };
      // SEARCH_TRACE_PLAIN=1: the figure alone, without the tracer's and profiler's overhead.
      const result = process.env.SEARCH_TRACE_PLAIN ? { ...(await run()), summary: '' } : await traced(cdp, run);
      console.log(`"${query}" ${THROTTLE}×: ${result.afterData.toFixed(1)} ms after the data (${result.framed.toFixed(1)} ms to the frame after)\n  files (end after typing, ms): ${result.files.join(', ')}\n${result.summary}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
