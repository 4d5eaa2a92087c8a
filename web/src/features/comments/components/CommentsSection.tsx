/** Where an article's comments and the "Leave a reply" form go (they arrive with the comments issue). */
export function CommentsSection() {
  return (
    <section id="comments" className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
    </section>
  );
}
