import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a long-running server, applied by `linli serve` before it
 * opens the database.
 *
 * `--no-allocation-site-pretenuring`: V8 watches where objects are allocated
 * and, when most objects from one place survived a young-generation
 * collection, allocates that place's objects directly in the old generation
 * from then on. Starting a city (migrations, the org tree, the people) keeps
 * many query rows alive at once, so pg's row and date objects got that
 * verdict, and afterwards every row of every request went straight to the old
 * generation and lived there until the next full collection: under the
 * bench's queue load the old generation grew by about 8 MB a second, to
 * 200 MB and more before V8 collected it, and the server's RSS with it
 * (bench/README.md, "Server memory"). Without pretenuring those short-lived
 * objects die young, as they should; the old generation stays at what the
 * server really holds.
 *
 * `--heap-growing-percent=40`: after a full collection V8 lets the old
 * generation grow by a factor it picks from the allocation rate, up to 4×
 * what survived. Under sustained writes a few MB a second of request objects
 * outlive two young collections (a request waits for a pool connection) and
 * are promoted; with ~40 MB live, V8 let that garbage pile up to 85 MB and
 * more before collecting it, and the RSS swung between 170 and 225 MB from
 * one bench run to the next. Capping growth at 1.4× collects at ~55–65 MB:
 * measured under 32 clients of transitions, peak RSS 172–196 MB → ~160 MB,
 * the same throughput (a full collection takes 3–8 ms, every few seconds).
 *
 * Set at run time (node:v8) rather than on the node command line, so it
 * applies however the server is started (`linli serve`, `npm start`, a
 * container's `node …/linli.js serve`); V8 reads these flags when it collects,
 * not only at start-up.
 */
export function tuneHeapForServing(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
  setFlagsFromString('--heap-growing-percent=40');
}
