import type { ResolutionPath } from './resolve.js';

/**
 * What the pipeline can say of how it found each speaker: which cue tied the quote to a mention, and how the
 * mention was resolved. `npm run eval:quotes -- --paths` tallies right and wrong attributions by these, to show
 * where the pipeline errs.
 */

/** Which cue tied a quote to its speaker mention. */
export type CuePath =
  | 'after'
  | 'inverted'
  | 'signature'
  | 'before'
  | 'framing'
  | 'label'
  | 'colon'
  | 'immediate'
  | 'carried-paragraph'
  | 'carried-previous'
  | 'reported'
  | 'headline'
  | 'interview'
  | 'pull-quote';

/** How one speaker was found. */
export interface AttributionTrace {
  cue: CuePath;
  via: ResolutionPath;
}
