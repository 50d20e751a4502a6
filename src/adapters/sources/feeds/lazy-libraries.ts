import { createRequire } from 'node:module';

// linkedom, feedsmith (with fast-xml-parser) and Readability take about half a second to load together; only polling
// needs them, so a bot without feeds (or before its first poll) never pays for them
const require = createRequire(import.meta.url);
let feedsmithModule: typeof import('feedsmith') | undefined;
let fastXmlParserModule: typeof import('fast-xml-parser') | undefined;
let linkedomModule: typeof import('linkedom') | undefined;
let readabilityModule: typeof import('@mozilla/readability') | undefined;

export function feedsmith(): typeof import('feedsmith') {
  feedsmithModule ??= require('feedsmith') as typeof import('feedsmith');
  return feedsmithModule;
}

export function fastXmlParser(): typeof import('fast-xml-parser') {
  fastXmlParserModule ??= require('fast-xml-parser') as typeof import('fast-xml-parser');
  return fastXmlParserModule;
}

export function linkedom(): typeof import('linkedom') {
  linkedomModule ??= require('linkedom') as typeof import('linkedom');
  return linkedomModule;
}

export function readability(): typeof import('@mozilla/readability') {
  readabilityModule ??= require('@mozilla/readability') as typeof import('@mozilla/readability');
  return readabilityModule;
}
