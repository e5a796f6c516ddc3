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
 * Set at run time (node:v8) rather than on the node command line, so it
 * applies however the server is started (`linli serve`, `npm start`, a
 * container's `node …/linli.js serve`); V8 reads this flag when it collects,
 * not only at start-up.
 */
export function tuneHeapForServing(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
