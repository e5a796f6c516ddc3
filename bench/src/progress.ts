/**
 * A one-line progress bar on stderr. On a terminal it redraws in place; in a
 * log (CI, a pipe) it prints a line every 10% so the log stays readable.
 */
export interface Progress {
  update(done: number, detail?: string): void;
  done(detail?: string): void;
}

const fmt = new Intl.NumberFormat('en-US');

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const tty = stream.isTTY === true;
  let lastDecile = -1;
  const line = (done: number, detail: string) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const width = 28;
    const filled = Math.round(ratio * width);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    return `${label.padEnd(10)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${fmt.format(done)}/${fmt.format(total)}${detail ? ` · ${detail}` : ''} · ${secs} s`;
  };
  return {
    update(done, detail = '') {
      if (tty) {
        stream.write(`\r${line(done, detail)}\x1b[K`);
        return;
      }
      if (done >= total) return; // done() prints the last line
      const decile = Math.floor((done / Math.max(1, total)) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${line(done, detail)}\n`);
      }
    },
    done(detail = '') {
      stream.write(`${tty ? '\r' : ''}${line(total, detail)}${tty ? '\x1b[K' : ''}\n`);
    },
  };
}

export const formatCount = (n: number) => fmt.format(n);
