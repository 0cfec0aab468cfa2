import Link from "next/link";

export default function AssetNotFound() {
  return (
    <main id="main" className="asset-page">
      <h1>We could not find that place</h1>
      <p>
        The link may be old, or the place may have been removed. <Link href="/">See every school, road and bin round</Link>.
      </p>
    </main>
  );
}
