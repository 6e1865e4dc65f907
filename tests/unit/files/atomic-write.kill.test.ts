// SIGKILL a saving process at random moments; the target must always be exactly one whole version.
import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../../electron/services/files/atomic-write';
import { makePayload } from './kill-payloads';

const LANES = 2;
const KILLS_PER_LANE = 150;
const MAX_DELAY_MS = 30;

const A = makePayload('A');
const B = makePayload('B');
let root: string;
let bundle: string;

beforeAll(async () => {
  root = await fsp.mkdtemp(path.join(os.tmpdir(), 'plp-kill-'));
  bundle = path.join(root, 'kill-child.mjs');
  // tsx costs ~0.4 s per start; a prebuilt bundle starts in a plain `node` in a fraction of that.
  await build({
    entryPoints: [fileURLToPath(new URL('./kill-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  });
});
afterAll(() => fsp.rm(root, { recursive: true, force: true }));

/** Small seeded PRNG so a failing run can be replayed from the seed in the assertion message. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface LaneResult {
  kills: number;
  sawA: number;
  sawB: number;
  corrupt: string[];
  killedMidSave: number;
  savesCompleted: number;
}

async function killOnce(target: string, firstVersion: number, delayMs: number): Promise<number> {
  const child = spawn(process.execPath, [bundle, target, String(firstVersion)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('ready\n')) resolve();
    });
    void exited.then(() => reject(new Error(`child exited before it was ready: ${err}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill('SIGKILL');
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`child ended by itself (${String(signal)}) instead of being killed: ${err}`);
  return out.length - 'ready\n'.length;
}

async function runLane(lane: number, random: () => number): Promise<LaneResult> {
  const dir = await fsp.mkdtemp(path.join(root, `lane${lane}-`));
  const target = path.join(dir, 'plan.plp');
  await writeFileAtomic(target, A);
  const result: LaneResult = { kills: 0, sawA: 0, sawB: 0, corrupt: [], killedMidSave: 0, savesCompleted: 0 };
  const seenTemps = new Set<string>();

  for (let i = 0; i < KILLS_PER_LANE; i++) {
    result.savesCompleted += await killOnce(target, Math.floor(random() * 2), random() * MAX_DELAY_MS);
    result.kills++;

    const bytes = await fsp.readFile(target);
    if (bytes.equals(A)) result.sawA++;
    else if (bytes.equals(B)) result.sawB++;
    else {
      let parses = true;
      try {
        JSON.parse(bytes.toString('utf8'));
      } catch {
        parses = false;
      }
      result.corrupt.push(`lane ${lane} kill ${i}: ${bytes.length} bytes, JSON ${parses ? 'parses' : 'broken'}`);
    }

    // A temp file left behind means the kill landed between open and rename: a real mid-save crash.
    const temps = (await fsp.readdir(dir)).filter((name) => name.endsWith('.tmp') && !seenTemps.has(name));
    if (temps.length > 0) result.killedMidSave++;
    for (const name of temps) seenTemps.add(name);
  }

  await new Promise((resolve) => setTimeout(resolve, 20)); // let mtimes fall strictly into the past
  const removed = await removeStaleTempFiles(dir, 'plan.plp', 0);
  expect(removed).toHaveLength(seenTemps.size);
  expect(await fsp.readdir(dir)).toEqual(['plan.plp']);
  return result;
}

describe('writeFileAtomic under SIGKILL', () => {
  it(`the file is always exactly version A or B across ${LANES * KILLS_PER_LANE} kills`, { timeout: 90_000 }, async () => {
    // Exact bytes of A or B therefore also means the file parses.
    expect(JSON.parse(A.toString('utf8'))).toMatchObject({ v: 'A' });
    expect(JSON.parse(B.toString('utf8'))).toMatchObject({ v: 'B' });
    expect([A.length, B.length]).toEqual([200 * 1024, 300 * 1024]);
    const seed = Date.now() >>> 0;
    const started = performance.now();
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(lane, mulberry32(seed + lane))));
    const total = lanes.reduce(
      (sum, r) => ({
        kills: sum.kills + r.kills,
        sawA: sum.sawA + r.sawA,
        sawB: sum.sawB + r.sawB,
        corrupt: [...sum.corrupt, ...r.corrupt],
        killedMidSave: sum.killedMidSave + r.killedMidSave,
        savesCompleted: sum.savesCompleted + r.savesCompleted,
      }),
      { kills: 0, sawA: 0, sawB: 0, corrupt: [] as string[], killedMidSave: 0, savesCompleted: 0 },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const summary = `seed=${seed} kills=${total.kills} A=${total.sawA} B=${total.sawB} corrupt=${total.corrupt.length} killedMidSave=${total.killedMidSave} savesCompleted=${total.savesCompleted} in ${seconds}s`;
    console.log(`[kill test] ${summary}`);

    expect(total.kills, summary).toBeGreaterThanOrEqual(200);
    expect(total.corrupt, summary).toEqual([]);
    expect(total.sawA + total.sawB, summary).toBe(total.kills);
    // Both versions seen and temp files left behind: kills really landed before, during and after renames.
    expect(total.sawA, summary).toBeGreaterThan(0);
    expect(total.sawB, summary).toBeGreaterThan(0);
    expect(total.killedMidSave, summary).toBeGreaterThan(0);
    expect(total.savesCompleted, summary).toBeGreaterThan(0);
  });
});
