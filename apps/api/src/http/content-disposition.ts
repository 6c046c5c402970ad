/**
 * `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 5987).
 * The name is the last segment of the one given: an evidence keeps the name its sender gave
 * (`../../etc/passwd` included, that is what was sent), but what receives the file is only ever
 * offered a name, never a path.
 */
export function contentDisposition(fileName: string): string {
  const name = lastSegment(fileName);
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'fichier';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** After the last `/` or `\`; `fichier` when nothing is left but a directory (`..`, `.`, blanks). */
function lastSegment(fileName: string): string {
  const segment = fileName.split(/[/\\]/).pop() ?? '';
  return segment.trim() === '' || /^\.+$/.test(segment.trim()) ? 'fichier' : segment;
}
