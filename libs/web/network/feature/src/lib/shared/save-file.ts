import { HttpResponse } from '@angular/common/http';
import { attachmentName } from '@kengash/web-network-data-access';

/** Saves a downloaded file under the server's name (or `fallback`). */
export function saveFile(document: Document, response: HttpResponse<Blob>, fallback: string): void {
  const blob = response.body ?? new Blob([]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachmentName(response, fallback);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
