/** Where the data comes from and how to reuse it. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Statuses are posted by council officers and update on this page as they change. Open data:{" "}
        <a href="/api/v1/openapi.json">the Snowline API</a>.
      </p>
    </footer>
  );
}
