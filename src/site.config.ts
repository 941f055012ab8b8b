/**
 * The one place for what a garden owner changes: its name, where it is
 * published and under which path. SITE_URL and SITE_BASE override for a
 * deploy (e.g. GitHub Pages under /<repo>/).
 */
export const siteConfig = {
  title: 'Technical Garden',
  description: 'Atomic notes, one-idea shorts and night-before cheat sheets on machine learning and the code around it.',
  author: 'The gardener',
  url: process.env.SITE_URL ?? 'https://garden.example.com',
  base: process.env.SITE_BASE ?? '/',
  tracks: {
    llm: 'LLMs',
    retrieval: 'Retrieval',
    'data-engineering': 'Data engineering',
    'time-series': 'Time series',
    math: 'Math for ML',
  } as Record<string, string>,
  /** The levels quiz facts may carry (`level: 2`), with their labels; review, exams and sheets can be limited to one. */
  levels: {
    1: 'L1 Basic',
    2: 'L2 Intermediate',
    3: 'L3 Deep',
  } as Record<number, string>,
};
