/** Grey placeholders in the shape of what is loading, so the page does not jump when it arrives. */
export function SkeletonLines({ lines = 3 }: { lines?: number }) {
  return (
    <div aria-hidden="true">
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton skeleton--line" />
      ))}
    </div>
  );
}

/** Announces loading to screen readers once, while the skeleton stays silent. */
export function LoadingStatus({ label }: { label: string }) {
  return (
    <p role="status" className="visually-hidden">
      {label}
    </p>
  );
}

export function PageSkeleton() {
  return (
    <div className="container narrow" aria-busy="true">
      <LoadingStatus label="Loading page…" />
      <span className="skeleton skeleton--title" aria-hidden="true" />
      <SkeletonLines lines={4} />
    </div>
  );
}
