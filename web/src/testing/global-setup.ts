/// <reference types="node" />
/**
 * Recording (FAKE_CMS_RECORD=1, `pnpm test:record`): the whole suite writes down the requests it
 * sends to the fake CMS afresh, for the CMS's contract test (fake-cms-requests.ts).
 */
import { writeFileSync } from 'node:fs';
import { RECORDED_REQUESTS_FILE, tidyRecordedRequests } from './fake-cms-requests';

export default function setup() {
  if (!process.env.FAKE_CMS_RECORD) return undefined;
  writeFileSync(RECORDED_REQUESTS_FILE, '');
  return () => tidyRecordedRequests();
}
