/**
 * The map's layout on a thread of its own (started by layout-thread.ts): the
 * garden's graph comes in as workerData, its laid-out JSON goes back as one
 * string, and the thread ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { layoutGraph } from '../lib/graph/layout';
import type { GardenGraph } from '../lib/graph/model';

parentPort!.postMessage(JSON.stringify(layoutGraph(workerData as GardenGraph)));
