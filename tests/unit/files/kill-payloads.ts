// The two versions the kill test saves; shared by the test and the child so both agree byte for byte.
export type Version = 'A' | 'B';

const SIZES: Record<Version, number> = { A: 200 * 1024, B: 300 * 1024 };

/** Valid JSON of exactly SIZES[version] bytes, with content that differs per version along its length. */
export function makePayload(version: Version): Buffer {
  const head = `{"v":"${version}","pad":"`;
  const tail = '"}\n';
  const padLength = SIZES[version] - head.length - tail.length;
  const unit = version === 'A' ? 'abcdefghij' : 'KLMNOPQRST';
  return Buffer.from(head + unit.repeat(Math.ceil(padLength / unit.length)).slice(0, padLength) + tail, 'utf8');
}
