// Building the script's own pieces of the page (notices, offers, the merge view) without markup strings.

/** An element with `properties` (DOM properties, else attributes) and `children` (nodes or text). */
export function buildElement(tag, properties, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (name in node) node[name] = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** A word diff as the server's diff partial draws it (views/_partials/diff.ejs): removed words struck, added words marked. */
export function buildDiff(parts) {
  return parts.map((part) => {
    if (part.kind === 'added') return buildElement('ins', {}, part.text);
    if (part.kind === 'removed') return buildElement('del', {}, part.text);
    return buildElement('span', {}, part.text);
  });
}
