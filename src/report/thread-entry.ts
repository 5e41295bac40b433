/**
 * Entry of the report thread in the bundled build (dist/report-thread.mjs, built by
 * scripts/build.mjs). From source, src/report/report-thread.mjs does the same through tsx.
 */
import { workerData } from 'node:worker_threads';
import { prepareReport, type ReportThreadSetup } from './thread-worker.js';

prepareReport(workerData as ReportThreadSetup);
