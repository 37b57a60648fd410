/** The catalogue search: a plain GET form, so it works without JavaScript and costs a page nothing. */
export function SearchForm({ id, name, defaultValue = "" }: { id: string; name: string; defaultValue?: string }) {
  return (
    <form action="/search" method="get" role="search" aria-label={name} className="flex items-center gap-2 font-sans text-[0.95rem]">
      <label htmlFor={id} className="sr-only">
        Search the catalogue
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={200}
        placeholder="Title, medium, year…"
        className="w-44 border border-rule bg-white px-2 py-1"
      />
      <button type="submit" className="button-quiet px-3 py-1">
        Search
      </button>
    </form>
  );
}
