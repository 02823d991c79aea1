/**
 * The reliability harnesses: each starts the built server (`node build`) on a database of its own
 * and port of its own. They are imported into this one file so that they run one after another
 * in one worker: kill timing and load figures are only meaningful on a machine not shared with
 * another harness. Scale with RELIABILITY_CRASH_ITERATIONS, RELIABILITY_FUZZ_ITERATIONS,
 * RELIABILITY_LOAD_SECONDS and RELIABILITY_SEED; `npm run stress` runs the long versions.
 */
import './harness/startup';
import './harness/backup-drill';
import './harness/crash-consistency';
import './harness/upload-fuzz';
import './harness/load';
