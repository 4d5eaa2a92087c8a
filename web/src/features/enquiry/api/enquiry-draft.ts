import { ENQUIRY_TOPICS, type EnquiryTopic } from '@medblog/shared';

/**
 * What the reader has typed into the enquiry form, kept in this tab (sessionStorage) so that
 * closing the dialog by accident, following the privacy link or reloading loses nothing. It is
 * removed once the enquiry is sent, and the browser removes it when the tab is closed.
 */
export interface EnquiryDraft {
  name: string;
  email: string;
  phone: string;
  topic: EnquiryTopic;
  message: string;
}

const STORAGE_KEY = 'medblog:enquiry-draft';

export const EMPTY_DRAFT: EnquiryDraft = { name: '', email: '', phone: '', topic: 'general', message: '' };

const isEmpty = (draft: EnquiryDraft) =>
  !draft.name && !draft.email && !draft.phone && !draft.message && draft.topic === EMPTY_DRAFT.topic;

/** A draft from stored or typed values, each checked: they are the reader's, not this code's. */
export function toDraft(stored: Partial<Record<keyof EnquiryDraft, unknown>>): EnquiryDraft {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    name: text(stored.name),
    email: text(stored.email),
    phone: text(stored.phone),
    topic: ENQUIRY_TOPICS.includes(stored.topic as EnquiryTopic) ? (stored.topic as EnquiryTopic) : EMPTY_DRAFT.topic,
    message: text(stored.message),
  };
}

export function readEnquiryDraft(): EnquiryDraft {
  try {
    return toDraft(
      JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<keyof EnquiryDraft, unknown>>,
    );
  } catch {
    return EMPTY_DRAFT;
  }
}

/** Keeps the draft; an empty form (as after sending) removes it. */
export function saveEnquiryDraft(draft: EnquiryDraft) {
  try {
    if (isEmpty(draft)) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // storage blocked: the form still keeps the text while it is open
  }
}
