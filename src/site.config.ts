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
  /**
   * Social cards: a 1200 × 630 Open Graph image for every page, drawn at build
   * time. Off by default because they cost more than a quarter of a cold build
   * (bench/RESULTS.md); `true` turns them on, SOCIAL_CARDS=on for one build.
   */
  socialCards: process.env.SOCIAL_CARDS ? process.env.SOCIAL_CARDS === 'on' : false,
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
