export interface PageLink {
  number: number;
  href: string;
  current: boolean;
}

/** Links to pages of a list: the first, the last and a few around the current one; null marks a gap. */
export function toPageLinks(page: number, pageCount: number, params: Record<string, string>, path: string) {
  const href = (number: number) => {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== ''));
    if (number > 1) query.set('page', String(number));
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((number) => number >= 1 && number <= pageCount).sort((a, b) => a - b);
  const items: (PageLink | null)[] = [];
  for (const number of numbers) {
    const previous = items.at(-1);
    if (previous && number > previous.number + 1) items.push(null);
    items.push({ number, href: href(number), current: number === page });
  }
  return {
    page,
    pageCount,
    previous: page > 1 ? href(page - 1) : null,
    next: page < pageCount ? href(page + 1) : null,
    items,
  };
}
