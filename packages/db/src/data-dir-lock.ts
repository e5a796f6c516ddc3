import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { LinliError } from '@linli/core';

/**
 * PGlite lets two processes open one data directory without complaint, after
 * which they silently lose each other's writes. A lock file beside the
 * directory, holding the owner's pid, makes the second process refuse to start.
 * A lock left by a process that no longer runs (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new LinliError('LINLI_ERR_DATA_DIR_LOCKED', [
          `The data directory ${dataDir} is in use by process ${pid}. Stop that server first, or set LINLI_DATA_DIR to another directory.`,
        ]);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new LinliError('LINLI_ERR_DATA_DIR_LOCKED', [`Could not lock the data directory ${dataDir} (${lockPath}).`]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
