/**
 * Checks an .xlsx's zip directory before SheetJS reads it. SheetJS trusts the directory blindly:
 * when the end-of-directory record is missing (a truncated download, a cut copy) it reads an entry
 * count and offsets from whatever bytes it lands on and loops for minutes, freezing the backend
 * (found by the sheet fuzzing). Returns what is wrong, or null when every entry the directory
 * lists lies inside the file and starts where a file entry should.
 */
export function zipDirectoryProblem(bytes: Buffer): string | null {
  const endRecord = 22;
  // The end record sits in the last 22 bytes plus at most a 65,535-byte comment.
  let end = -1;
  for (let i = bytes.length - endRecord; i >= Math.max(0, bytes.length - endRecord - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'its zip directory is missing (the file is cut short or damaged)';
  const entries = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const start = bytes.readUInt32LE(end + 16);
  if (start + size > end) return 'its zip directory points outside the file';
  let at = start;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) return `entry ${n + 1} of its zip directory is damaged`;
    const local = bytes.readUInt32LE(at + 42);
    if (local + 30 > start || bytes.readUInt32LE(local) !== 0x04034b50) return `entry ${n + 1} of its zip directory points to no file`;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return null;
}
