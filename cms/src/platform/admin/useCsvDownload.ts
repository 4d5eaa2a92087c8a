/**
 * Download a CSV export of our admin API and save it under the name the server gives, with a
 * notification saying what was saved or why not. Each screen brings its own words.
 */
import * as React from 'react';
import { useFetchClient, useNotification, isFetchError } from '@strapi/strapi/admin';
import { downloadFileName, exportedCount } from './csv-download';

export interface CsvDownloadOptions {
  /** The file name when the server sends none (see datedFileName). */
  fallbackName: string;
  /** The success notification, given the saved file's name and the rows the server counted (if it said). */
  savedMessage: (fileName: string, rows: number | undefined) => string;
  /**
   * The screen's words for a refused download: the server's message, or a sentence for the status.
   * The body comes as the answer's raw text, or parsed (see errorMessageFromBody, which takes both).
   */
  errorText: (body: unknown, status: number | undefined) => string;
  /** Said (as information) instead of saving a file the server counts as empty; without it an empty file is saved. */
  emptyMessage?: string;
  /** Where a failure's sentence goes; without it, a danger notification "Not downloaded: …". */
  onFailure?: (message: string) => void;
  /** What a failure with no answer from the server says (a network error); by default "The server did not answer." */
  unansweredText?: (error: unknown) => string;
}

function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser time to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useCsvDownload() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [downloading, setDownloading] = React.useState(false);

  const download = async (path: string, options: CsvDownloadOptions) => {
    const fail =
      options.onFailure ??
      ((message: string) => toggleNotification({ type: 'danger', message: `Not downloaded: ${message}` }));
    setDownloading(true);
    try {
      // Every status but 401 comes back as a body to read (the server's message for a 400 or a
      // 403); a 401 throws so the fetch client can renew the session and retry once.
      const response = await get(path, { responseType: 'blob', validateStatus: (status) => status !== 401 });
      const status = response.status ?? 200;
      if (status >= 400) {
        // The raw text: errorText reads the JSON error out of it (errorMessageFromBody).
        fail(options.errorText(await response.data.text(), status));
        return;
      }
      const rows = exportedCount(response.headers?.get('X-Total-Count'));
      if (rows === 0 && options.emptyMessage) {
        toggleNotification({ type: 'info', message: options.emptyMessage });
        return;
      }
      const fileName = downloadFileName(response.headers?.get('Content-Disposition'), options.fallbackName);
      saveFile(response.data, fileName);
      toggleNotification({ type: 'success', message: options.savedMessage(fileName, rows) });
    } catch (error) {
      fail(
        isFetchError(error)
          ? options.errorText(error.response?.data, error.status)
          : (options.unansweredText?.(error) ?? 'The server did not answer.'),
      );
    } finally {
      setDownloading(false);
    }
  };

  return { downloading, download };
}
