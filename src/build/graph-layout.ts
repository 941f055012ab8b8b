import type { AstroIntegration } from 'astro';
import { join } from 'node:path';

/** What the map's data route imports its layout from (declared in src/env.d.ts). */
export const GRAPH_LAYOUT_MODULE = 'virtual:garden/graph-layout';
const RESOLVED = `\0${GRAPH_LAYOUT_MODULE}`;

/**
 * Gives the map's data route (src/pages/graph/[name].json.ts) its layout
 * through a virtual module, as integrations give pages their config: in a
 * build the layout runs on a thread of its own (layout-thread.ts), so the
 * route's code knows nothing of threads; under `astro dev` it runs in place.
 * `projectRoot`: the generator's folder, where src/ and scripts/ are.
 */
export function graphLayout(projectRoot: string): AstroIntegration {
  return {
    name: 'garden-graph-layout',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const thread = JSON.stringify(join(projectRoot, 'src/build/layout-thread.ts'));
        const code =
          command === 'build'
            ? `import { laidOutOffThread } from ${thread};\nexport const laidOutGraphJson = (graph) => laidOutOffThread(graph, ${JSON.stringify(join(projectRoot, 'scripts/layout-worker.mjs'))});\n`
            : `import { laidOutInThread } from ${thread};\nexport const laidOutGraphJson = async (graph) => laidOutInThread(graph);\n`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'garden-graph-layout',
                resolveId: (id: string) => (id === GRAPH_LAYOUT_MODULE ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? code : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
