/** What kind of source an import reads. */
export type ImportMode = 'video' | 'images' | 'session';

const videoExtensions = new Set(['mp4', 'm4v', 'mov', 'avi', 'mkv', 'webm', 'mpg', 'mpeg', 'wmv', 'mts', 'm2ts', 'flv', 'mj2', 'ogv', '3gp']);
const imageExtensions = new Set(['jpg', 'jpeg', 'png', 'bmp', 'tif', 'tiff', 'webp']);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function isVideoFile(name: string): boolean {
  return videoExtensions.has(extensionOf(name));
}

export function isImageFile(name: string): boolean {
  return imageExtensions.has(extensionOf(name));
}

export function baseName(path: string): string {
  const parts = path.split(/[/\\]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}

/** The name without its extension: a session's file name is its stimulus code. */
export function stemOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The backend's separator: paths come from the backend machine, which may run Windows. */
function separatorOf(dir: string): string {
  return dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
}

/** `dir` + `name` on the backend machine. */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}${separatorOf(dir)}${name}`;
}

/**
 * Parses camera settings typed one per line as `key: value` (or `key = value`); lines without
 * a separator are kept under "notes". Empty lines are skipped.
 */
export function parseCameraSettings(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^([^:=]+)[:=](.*)$/.exec(line);
    const key = match?.[1]?.trim();
    if (match && key) result[key] = (match[2] ?? '').trim();
    else result['notes'] = result['notes'] ? `${result['notes']}; ${line}` : line;
  }
  return result;
}
