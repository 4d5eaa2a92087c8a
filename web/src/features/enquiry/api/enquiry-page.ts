// Kept apart from source-path.ts: the header imports these, and must not pull in the form's code.

/** The Quick Enquiry page. */
export const ENQUIRY_PATH = '/enquiry';

/** The form on the Quick Enquiry page, for the header's link to jump to it there. */
export const ENQUIRY_FORM_ID = 'enquiry-form';
