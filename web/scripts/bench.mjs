#!/usr/bin/env node
// pnpm bench: builds the site and reports
//   1. the JavaScript a first visit to an article page downloads (gzip), against the 150 kB budget;
//   2. Lighthouse scores of the home and an article page (mobile, simulated slow 4G; median of
//      LIGHTHOUSE_RUNS runs, default 3), when the CMS and Chromium are available to run them
//      against real demo content;
//   3. the site server's speed: a cached page against a raw Node server, an uncached render, and
//      the time from an editor's publish to the page (scripts/bench-server.mjs);
//   4. what 10,000 distinct URLs cost the site server, the CMS and Redis in memory, from one
//      address and from many, and how many the read limits refused (scripts/bench-reads.mjs).
// It prints numbers; it fails only when the JavaScript budget is exceeded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { runReadsBench } from './bench-reads.mjs';
import { runServerBench } from './bench-server.mjs';
import { reportJavaScript } from './first-load.mjs';
import { buildSite, canStartCms, CHROMIUM_ARGS, chromiumPath, startStack } from './test-stack.mjs';

const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS) || 3;

/** The most recent published article, asked from the CMS. */
async function latestArticle(apiUrl) {
  const response = await fetch(`${apiUrl}/api/articles?fields[0]=slug&sort=publishedAt:desc&pagination[pageSize]=1`);
  const { data } = await response.json();
  if (!data?.[0]) throw new Error('The CMS has no published article');
  return { articlePath: `/articles/${data[0].slug}`, articleDocumentId: data[0].documentId };
}

const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

/** Lighthouse's numbers for one page: the median of several runs, since one run is noisy. */
async function measure(url, port) {
  const runs = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    runs.push(result.lhr);
  }
  const metric = (/** @type {string} */ id) => median(runs.map((lhr) => lhr.audits[id].numericValue ?? 0));
  return {
    ...Object.fromEntries(
      CATEGORIES.map((id) => [id, median(runs.map((lhr) => Math.round((lhr.categories[id].score ?? 0) * 100)))]),
    ),
    FCP: seconds(metric('first-contentful-paint')),
    LCP: seconds(metric('largest-contentful-paint')),
    TBT: `${Math.round(metric('total-blocking-time'))} ms`,
    CLS: metric('cumulative-layout-shift').toFixed(3),
  };
}

async function runLighthouse(pages) {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_ARGS });
  try {
    const rows = {};
    for (const [name, url] of Object.entries(pages)) rows[name] = await measure(url, chrome.port);
    console.log(
      `\nLighthouse, median of ${LIGHTHOUSE_RUNS} runs (mobile, simulated slow 4G, production build, real CMS with demo content):`,
    );
    console.table(rows);
  } finally {
    await chrome.kill();
  }
}

function lighthouseUnavailable() {
  if (!canStartCms()) return 'cms/scripts/serve-test.mjs is missing';
  try {
    chromiumPath();
    return null;
  } catch (error) {
    return /** @type {Error} */ (error).message;
  }
}

/** Budget from a build of its own, when there is no CMS to run Lighthouse against. */
async function reportJavaScriptOnly(reason) {
  const distDir = mkdtempSync(join(tmpdir(), 'medblog-web-bench-'));
  try {
    await buildSite({ outDir: distDir, apiUrl: 'http://localhost:1337', siteUrl: 'http://localhost:4173' });
    return reportJavaScript(distDir);
  } finally {
    rmSync(distDir, { recursive: true, force: true });
    console.log(`\nLighthouse skipped: ${reason}`);
  }
}

async function main() {
  const unavailable = lighthouseUnavailable();
  if (unavailable) return reportJavaScriptOnly(unavailable);
  let stack;
  try {
    stack = await startStack();
  } catch (error) {
    return reportJavaScriptOnly(`the CMS could not be started: ${/** @type {Error} */ (error).message}`);
  }
  try {
    const within = reportJavaScript(stack.distDir);
    const article = await latestArticle(stack.apiUrl);
    await runLighthouse({ home: `${stack.siteUrl}/`, article: `${stack.siteUrl}${article.articlePath}` });
    await runServerBench({ ...stack, ...article });
    await runReadsBench(stack);
    return within;
  } finally {
    await stack.stop();
  }
}

process.exit((await main()) ? 0 : 1);
