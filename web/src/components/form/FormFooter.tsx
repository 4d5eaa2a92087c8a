/** The end of a reader's form: what went wrong when sending (announced), and the submit button. */
export function FormFooter({
  problem,
  sending,
  label,
}: {
  problem: string | null | undefined;
  sending: boolean;
  label: string;
}) {
  return (
    <>
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button" disabled={sending} aria-busy={sending || undefined}>
        {sending ? 'Sending…' : label}
      </button>
    </>
  );
}
