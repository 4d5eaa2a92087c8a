import { rateLimitMessage, type ApiErrorBody, type FieldError } from '@medblog/shared';
import { isAxiosError, problemOf } from './api-error';

/** Why a form could not be sent, in the terms its reader needs, and what to show where. */
export interface SendFailure {
  /** Shown above the send button; empty when the field errors say it all. */
  message: string;
  /** The server's errors about single fields (a 400), to show beside them. */
  fieldErrors: FieldError[];
}

/**
 * What went wrong when sending `what` ("comment", "enquiry"). Whatever it was, the form keeps what
 * the reader typed; the messages say so where it matters.
 */
export function sendFailure(error: unknown, what: string): SendFailure {
  const response = isAxiosError<ApiErrorBody>(error) ? error.response : undefined;
  const serverMessage = response?.data?.error?.message;

  if (response?.status === 400) {
    const fieldErrors = response.data?.error?.details?.errors ?? [];
    return {
      message: fieldErrors.length
        ? ''
        : (serverMessage ?? `Your ${what} could not be sent. Please check it and try again.`),
      fieldErrors,
    };
  }
  if (response?.status === 429) {
    const retryAfter = Number(response.headers['retry-after']);
    // A 429 without a body (from a proxy, say) still gets the CMS's wording.
    const message = serverMessage ?? rateLimitMessage(Number.isFinite(retryAfter) ? retryAfter : 600);
    return { message: `${message} What you typed is kept here.`, fieldErrors: [] };
  }
  switch (problemOf(error)) {
    case 'offline':
      return {
        message: `We couldn’t reach our server, so your ${what} was not sent. Check your connection and try again: what you typed is kept here.`,
        fieldErrors: [],
      };
    case 'server':
      return {
        message: `Something went wrong on our side, so your ${what} was not sent. Please try again in a moment: what you typed is kept here.`,
        fieldErrors: [],
      };
    default:
      return {
        message: serverMessage ?? `Your ${what} could not be sent. Please try again: what you typed is kept here.`,
        fieldErrors: [],
      };
  }
}
