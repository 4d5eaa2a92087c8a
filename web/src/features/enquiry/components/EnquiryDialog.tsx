import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { EnquiryForm } from './EnquiryForm';

interface EnquiryDialogProps {
  open: boolean;
  /** The page it was opened from. */
  sourcePath: string;
  /** The dialog closed (its Close button, Escape, or `open` turned false). */
  onClose: () => void;
}

/**
 * The Quick Enquiry form in a modal <dialog>: the browser keeps focus inside it, makes the page
 * behind it inert and closes it on Escape. It stays mounted once opened, so closing it keeps what
 * was typed (a draft in the tab keeps it across pages too).
 */
export default function EnquiryDialog({ open, sourcePath, onClose }: EnquiryDialogProps): ReactNode {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [formKey, setFormKey] = useState(0);
  const sent = useRef(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Start at the first field rather than on the Close button.
      dialog.querySelector<HTMLElement>('input[name="name"]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const handleClose = () => {
    // After a confirmation, the next opening starts with an empty form.
    if (sent.current) {
      sent.current = false;
      setFormKey((key) => key + 1);
    }
    onClose();
  };

  return createPortal(
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} onClose={handleClose}>
      <div className="dialog__header">
        <h2 id={titleId}>Quick Enquiry</h2>
        <button type="button" className="dialog__close" aria-label="Close" onClick={() => dialogRef.current?.close()}>
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <p className="dialog__intro">
        Ask us about training, internships, USMLE preparation or working with us. We reply by e-mail.
      </p>
      <EnquiryForm
        key={formKey}
        sourcePath={sourcePath}
        labelledBy={titleId}
        onSent={() => {
          sent.current = true;
        }}
      />
    </dialog>,
    document.body,
  );
}
