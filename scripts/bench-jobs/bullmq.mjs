// BullMQ on Redis, measured the way JobQueueBenchmark measures GospeLib's queue: no-op jobs added
// one by one and in bulk (delayed an hour, so nothing runs while they are counted), then all made
// due at once (promoted) and timed until a worker has completed them all.
import { Queue, Worker } from 'bullmq';

const port = Number(process.env.REDIS_PORT || 6379);
const single = Number(process.env.BENCH_SINGLE || 5000);
const bulk = Number(process.env.BENCH_BATCH || 20000);
const concurrency = Number(process.env.BENCH_CONCURRENCY || 50);
const connection = { host: '127.0.0.1', port };
const name = 'bench-' + Date.now();
const queue = new Queue(name, { connection });
const hour = 3600_000;
const opts = { delay: hour, removeOnComplete: true, removeOnFail: true };

let start = performance.now();
for (let i = 0; i < single; i++) await queue.add('noop', { n: i }, { ...opts, jobId: 's' + i });
const enqueueOne = single / ((performance.now() - start) / 1000);

start = performance.now();
for (let from = 0; from < bulk; from += 1000) {
  const jobs = [];
  for (let i = from; i < Math.min(bulk, from + 1000); i++) jobs.push({ name: 'noop', data: { n: i }, opts: { ...opts, jobId: 'b' + i } });
  await queue.addBulk(jobs);
}
const enqueueBatch = bulk / ((performance.now() - start) / 1000);

const total = single + bulk;
let done = 0;
let finished;
const allDone = new Promise((resolve) => { finished = resolve; });
const worker = new Worker(name, async () => {}, { connection, concurrency, autorun: false });
worker.on('completed', () => { if (++done === total) finished(); });
start = performance.now();
await queue.promoteJobs({ count: total });
worker.run();
await Promise.race([allDone, new Promise((r) => setTimeout(r, 600_000))]);
const process_ = done / ((performance.now() - start) / 1000);
console.log(JSON.stringify({ engine: 'BullMQ (Redis)', concurrency, enqueueOne: Math.round(enqueueOne),
  enqueueBatch: Math.round(enqueueBatch), process: Math.round(process_), jobs: total, left: total - done }));
await worker.close();
await queue.obliterate({ force: true });
await queue.close();
process.exit(0);
