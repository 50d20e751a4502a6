import { z } from 'zod';
import { reanalyzeStore } from '../core/ingest/reanalyze.js';
import { cliOnlyCommand, emit } from './cli-command.js';
import { PeopleOutput, ReanalyzeOutput } from './output-schemas.js';

/** `newsdesk people [prefix]`: who is in the store, most quoted first. */
export const people = cliOnlyCommand({
  name: 'people',
  description: 'People in the store, most quoted first',
  example: 'newsdesk people ru --limit 5',
  options: [
    { name: 'prefix', description: 'the start of their names', form: 'arg', required: false },
    { name: 'limit', description: 'how many', form: 'flag', required: false, placeholder: 'N' },
  ],
  schema: z.object({
    prefix: z.string().trim().max(100).default(''),
    limit: z.coerce.number().int().min(1).max(1000).default(25),
  }),
  async run({ prefix, limit }, { io, json, store }) {
    const { desk } = await store();
    const found = await desk.news.people(prefix, limit);
    if (json) return emit(io, PeopleOutput, { people: found });
    if (found.length === 0) io.stdout.write('No people found.\n');
    for (const p of found) {
      const roles = p.roles.length > 0 ? ` (${p.roles.join('; ')})` : '';
      const quotes = `${p.quoteCount} ${p.quoteCount === 1 ? 'quote' : 'quotes'}`;
      const articles = `${p.articleCount} ${p.articleCount === 1 ? 'article' : 'articles'}`;
      const body = p.kind === 'organisation' ? ' [organisation]' : '';
      io.stdout.write(`${p.name}${body}${roles}: ${quotes} in ${articles}\n`);
    }
    return 0;
  },
});

/** `newsdesk reanalyze`: stored articles written by an older analysis get the current one, at once. */
export const reanalyze = cliOnlyCommand({
  name: 'reanalyze',
  description: 'Give stored articles the current analysis (people, roles, quotes) and their stories',
  example: 'newsdesk reanalyze --db data/newsdesk.db',
  options: [],
  schema: z.object({}),
  async run(_input, { io, json, analyzer, clock, store }) {
    const { desk } = await store();
    const result = await reanalyzeStore({ store: desk.stores.articles, analyzer, logger: io.logger, clock });
    const code = result.failed > 0 ? 1 : 0;
    if (json) return emit(io, ReanalyzeOutput, result, code);
    const failed = result.failed > 0 ? `; ${result.failed} could not be analysed and keep their old analysis` : '';
    const clustered = result.clustered > 0 ? `; ${result.clustered} put into stories` : '';
    io.stdout.write(`${result.reanalyzed} articles re-analysed${failed}${clustered}.\n`);
    return code;
  },
});
