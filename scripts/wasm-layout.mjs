// Lays out the functions of the page's .wasm so that gzip compresses it better: functions
// whose code is alike are put side by side, within gzip's 32 KB window (the many copies of
// one generic function for different types, Yew's code of each component). Only the order of
// the functions in the file changes, not one instruction: wasm-opt does the reordering
// (--reorder-functions-by-name, after this script has named the functions in the order it
// chose), the same binaryen pass index.html already runs by the compiler's names. About
// 5 KB gzip (BENCHMARKS.md, page size).
//
// Run by Trunk after a release build (Trunk.toml, [[hooks]]) on the staged
// easnet-web_bg.wasm; or by hand: node scripts/wasm-layout.mjs FILE.wasm
//
// The order: a greedy walk that starts with the smallest function and goes on to the one
// sharing the most 6-byte pieces of code with the one before, for its size (half of the
// pieces, picked by their hash, are enough to tell), or, when none is alike enough, to the
// smallest left.
// Deterministic: the same .wasm always gets the same order.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PIECE = 6;
/** A piece found in more functions than this says nothing about which are alike. */
const COMMON = 1000;
/** How alike the next function must be to follow, else the smallest left comes next. */
const ALIKE = 0.5;

function leb(b, i) {
  let r = 0;
  let s = 0;
  for (;;) {
    const x = b[i++];
    r += (x & 0x7f) * 2 ** s;
    s += 7;
    if (x < 0x80) return [r, i];
  }
}

function uleb(n) {
  const out = [];
  do {
    let x = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) x |= 0x80;
    out.push(x);
  } while (n);
  return out;
}

/** The module's sections, the number of imported functions, and each function's body. */
function parse(b) {
  if (b.readUInt32LE(0) !== 0x6d736100) throw new Error('not a .wasm file');
  const sections = [];
  let imported = 0;
  let bodies = [];
  let i = 8;
  while (i < b.length) {
    const start = i;
    const id = b[i++];
    let size;
    [size, i] = leb(b, i);
    const end = i + size;
    sections.push({ id, start, end, payload: i });
    if (id === 2) {
      let [n, j] = leb(b, i);
      for (let k = 0; k < n; k++) {
        let len;
        [len, j] = leb(b, j);
        j += len;
        [len, j] = leb(b, j);
        j += len;
        const kind = b[j++];
        if (kind === 0) {
          imported++;
          [, j] = leb(b, j);
        } else if (kind === 1 || kind === 2) {
          if (kind === 1) j++;
          let flags;
          [flags, j] = leb(b, j);
          [, j] = leb(b, j);
          if (flags & 1) [, j] = leb(b, j);
        } else if (kind === 3) {
          j += 2;
        } else {
          throw new Error(`import of kind ${kind}`);
        }
      }
    } else if (id === 10) {
      let [n, j] = leb(b, i);
      bodies = new Array(n);
      for (let k = 0; k < n; k++) {
        let len;
        [len, j] = leb(b, j);
        bodies[k] = b.subarray(j, j + len);
        j += len;
      }
    }
    i = end;
  }
  return { sections, imported, bodies };
}

/** FNV-1a of the piece at `i`. */
function pieceHash(body, i) {
  let h = 0x811c9dc5;
  for (let k = 0; k < PIECE; k++) {
    h ^= body[i + k];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The order of the functions (indices into `bodies`). */
function order(bodies) {
  const n = bodies.length;
  const pieces = bodies.map((body) => {
    const set = new Set();
    for (let i = 0; i + PIECE <= body.length; i++) {
      const h = pieceHash(body, i);
      if ((h & 1) === 0) set.add(h);
    }
    return [...set];
  });
  const holders = new Map();
  pieces.forEach((set, f) => {
    for (const h of set) {
      let list = holders.get(h);
      if (!list) holders.set(h, (list = []));
      list.push(f);
    }
  });
  const bySize = [...bodies.keys()].sort((a, b) => bodies[a].length - bodies[b].length || a - b);
  const weight = pieces.map((set) => set.length ** 0.5 + 1);
  const done = new Uint8Array(n);
  const shared = new Int32Array(n);
  const out = [];
  let next = 0;
  let f = bySize[0];
  while (f !== undefined) {
    done[f] = 1;
    out.push(f);
    const touched = [];
    for (const h of pieces[f]) {
      const list = holders.get(h);
      if (list.length > COMMON) continue;
      for (const g of list) {
        if (done[g]) continue;
        if (shared[g] === 0) touched.push(g);
        shared[g]++;
      }
    }
    let best;
    let bestScore = ALIKE;
    for (const g of touched) {
      const score = shared[g] / weight[g];
      if (score >= bestScore && (best === undefined || score > bestScore)) {
        best = g;
        bestScore = score;
      }
      shared[g] = 0;
    }
    if (best === undefined) {
      while (next < n && done[bySize[next]]) next++;
      best = bySize[next];
    }
    f = best;
  }
  return out;
}

/** The module with its name section replaced by the names that sort into `order`. */
function named(b, { sections, imported }, chosen) {
  const kept = sections.filter((s) => {
    if (s.id !== 0) return true;
    const [len, j] = leb(b, s.payload);
    return b.subarray(j, j + len).toString() !== 'name';
  });
  const names = [];
  for (let f = 0; f < imported; f++) names.push([f, `a${String(f).padStart(6, '0')}`]);
  chosen.forEach((f, rank) => names.push([imported + f, `f${String(rank).padStart(6, '0')}`]));
  names.sort((x, y) => x[0] - y[0]);
  const map = [...uleb(names.length)];
  for (const [index, name] of names) map.push(...uleb(index), ...uleb(name.length), ...Buffer.from(name));
  const payload = [...uleb(4), ...Buffer.from('name'), 1, ...uleb(map.length), ...map];
  const parts = [b.subarray(0, 8), ...kept.map((s) => b.subarray(s.start, s.end))];
  parts.push(Buffer.from([0, ...uleb(payload.length), ...payload]));
  return Buffer.concat(parts);
}

function wasmOpt() {
  const local = join(process.cwd(), 'node_modules', '.bin', 'wasm-opt');
  return existsSync(local) ? local : 'wasm-opt';
}

function layout(file) {
  const b = readFileSync(file);
  const module = parse(b);
  const chosen = order(module.bodies);
  const tmp = `${file}.named`;
  writeFileSync(tmp, named(b, module, chosen));
  try {
    execFileSync(wasmOpt(), [tmp, '--reorder-functions-by-name', '--strip-debug', '--strip-producers', '-o', `${file}.laid`], {
      stdio: 'inherit',
    });
  } finally {
    rmSync(tmp, { force: true });
  }
  renameSync(`${file}.laid`, file);
}

const arg = process.argv[2];
if (arg) {
  layout(arg);
} else if (process.env.TRUNK_PROFILE === 'release') {
  layout(join(process.env.TRUNK_STAGING_DIR, 'easnet-web_bg.wasm'));
}
