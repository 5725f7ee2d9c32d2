// Small DOM helpers: build elements from data without innerHTML, so text
// typed by the person can never become markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") el.className = value;
    else if (name === "text") el.textContent = value;
    else if (name === "dataset") Object.assign(el.dataset, value);
    else if (name in el && typeof value !== "string") el[name] = value; // properties such as value, max
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function replaceChildren(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

// Like replaceChildren, but touches only what differs: nodes equal to the new
// ones stay as they are, so the browser lays out again only what changed (a
// results panel of 60 courses redrawn on every keystroke), and focus or a
// text selection in an unchanged part is kept.
export function patchChildren(el, ...children) {
  return patch(el, append(document.createDocumentFragment(), children));
}

// How far ahead a part that appeared or went is looked for.
const LOOK_AHEAD = 8;

function patch(el, wanted) {
  const next = [...wanted.childNodes];
  next.forEach((want, i) => {
    const have = el.childNodes[i];
    if (have && !have.isEqualNode(want)) {
      // A part went (the nodes before an equal one) or came (`have` equals a later wanted node).
      let equal = have.nextSibling;
      for (let k = 0; equal && k < LOOK_AHEAD && !equal.isEqualNode(want); k++) equal = equal.nextSibling;
      if (equal && equal.isEqualNode(want)) {
        while (el.childNodes[i] !== equal) el.childNodes[i].remove();
        return;
      }
      if (next.slice(i + 1, i + 1 + LOOK_AHEAD).some((later) => have.isEqualNode(later))) {
        el.insertBefore(want, have);
        return;
      }
    }
    if (!have) el.append(want);
    else if (have.isEqualNode(want)) return;
    else if (have.nodeType === Node.TEXT_NODE && want.nodeType === Node.TEXT_NODE) have.data = want.data;
    else if (have.nodeType === Node.ELEMENT_NODE && have.nodeName === want.nodeName) {
      for (const { name } of [...have.attributes]) if (!want.hasAttribute(name)) have.removeAttribute(name);
      for (const { name, value } of [...want.attributes]) if (have.getAttribute(name) !== value) have.setAttribute(name, value);
      patch(have, want);
    } else have.replaceWith(want);
  });
  while (el.childNodes.length > next.length) el.lastChild.remove();
  return el;
}
