// Hands an exported file (CSV, PDF, FHIR JSON) to the browser's own save: a Blob link clicked
// once, then let go. Nothing is written anywhere else by the page.
import type { ExportFile } from '../../../contract/channels/reports';

export function fileBytes(file: Pick<ExportFile, 'encoding' | 'content'>): Uint8Array<ArrayBuffer> {
  if (file.encoding === 'utf8') return new TextEncoder().encode(file.content);
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function saveFile(file: Pick<ExportFile, 'encoding' | 'content' | 'fileName' | 'mediaType'>): void {
  const url = URL.createObjectURL(new Blob([fileBytes(file)], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
