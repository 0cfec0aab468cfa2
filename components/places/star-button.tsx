"use client";

/** A toggle to keep a place in "My places"; the pressed state is announced, the star is decoration. */
export function StarButton({ name, isStarred, onToggle }: { name: string; isStarred: boolean; onToggle(): void }) {
  const label = isStarred ? "Starred" : "Star";
  return (
    <button
      type="button"
      className={`button button--star${isStarred ? " is-starred" : ""}`}
      aria-pressed={isStarred}
      aria-label={`${label}: ${name}`}
      onClick={onToggle}
    >
      <span aria-hidden="true">{isStarred ? "★" : "☆"}</span> {label}
    </button>
  );
}
