// Maps a URL path to a file inside the built renderer bundle, or refuses.
// Shared by the Electron app:// protocol and the browser host, so it must not import electron.
//
// The rule is an allow-list of shapes, not a search for known attacks: a path is served only when
// every segment is a plain file or folder name and the real file (after symlinks) lies inside the
// real bundle folder. Anything odd is refused rather than repaired.
import fs from 'node:fs';
import path from 'node:path';

const INDEX_FILE = 'index.html';
const MAX_URL_PATH_LENGTH = 2048;

// Percent-encoded characters that have no business in a bundle path. An encoded separator or dot
// would let a path mean one thing to this check and another to the file system; an encoded '%'
// is how double encoding smuggles either through a single decode.
const FORBIDDEN_ENCODINGS = /%(2f|5c|2e|25|00)/i;

// Control characters (including NUL), backslashes and the characters Windows gives meaning to
// (drive letters, alternate data streams, wildcards, device names' syntax).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\\:*?"<>|]/;

/** The segments of a decoded path, or null when any segment is not a plain name. */
function plainSegments(decoded: string): string[] | null {
  if (!decoded.startsWith('/')) return null; // relative or absolute-on-disk ("C:...") forms
  if (decoded === '/') return [INDEX_FILE];
  const segments = decoded.slice(1).split('/');
  for (const segment of segments) {
    // Empty ("//", trailing "/"), ".", ".." and dotfiles are all refused by the leading-dot and
    // empty checks. Trailing dots and spaces are refused because Windows strips them, so
    // "index.html." would open "index.html" behind the check's back.
    if (segment === '' || segment.startsWith('.')) return null;
    if (segment.endsWith('.') || segment.endsWith(' ')) return null;
    if (FORBIDDEN_CHARACTERS.test(segment)) return null;
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The absolute real path of the bundle file `urlPath` names, or null when the path is refused or
 * there is no such regular file. `urlPath` is the raw (still percent-encoded) path of the request
 * URL; a query or fragment is ignored. "/" means index.html.
 */
export function resolveAssetPath(bundleRoot: string, urlPath: string): string | null {
  if (typeof urlPath !== 'string' || typeof bundleRoot !== 'string') return null;
  const withoutQuery = urlPath.split(/[?#]/, 1)[0] ?? '';
  if (withoutQuery.length === 0 || withoutQuery.length > MAX_URL_PATH_LENGTH) return null;
  if (FORBIDDEN_ENCODINGS.test(withoutQuery)) return null;
  if (FORBIDDEN_CHARACTERS.test(withoutQuery)) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutQuery);
  } catch {
    return null; // malformed escapes ("%zz", a lone "%")
  }
  if (decoded.includes('%')) return null;

  const segments = plainSegments(decoded);
  if (!segments) return null;

  try {
    const realRoot = fs.realpathSync(bundleRoot);
    const candidate = path.join(realRoot, ...segments);
    if (!isInside(realRoot, candidate)) return null;
    // The real path decides: a symlink inside the bundle that points outside it is refused.
    const real = fs.realpathSync(candidate);
    if (!isInside(realRoot, real)) return null;
    if (!fs.statSync(real).isFile()) return null;
    return real;
  } catch {
    return null; // missing file, missing bundle, unreadable folder
  }
}
