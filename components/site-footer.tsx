import Link from "next/link";

export function SiteFooter({ galleryName }: { galleryName: string }) {
  return (
    <footer className="border-t border-rule bg-paper-deep">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-5 py-8 font-sans text-sm text-ink-soft sm:px-8">
        <p>
          © {galleryName}. Every work may be seen by appointment. <Link href="/enquire">Ask the gallery a question</Link>.
        </p>
        <p>
          <Link href="/privacy">Privacy notice</Link>
        </p>
      </div>
    </footer>
  );
}
