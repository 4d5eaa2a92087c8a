// Kept apart from source-path.ts: the header imports this, and must not pull in the form's code.

/** The form on the Quick Enquiry page, for the header's link to jump to it there. */
export const ENQUIRY_FORM_ID = 'enquiry-form';
