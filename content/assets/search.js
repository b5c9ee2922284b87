/*
 * The header search box, backed by Pagefind: the index that the dossier plugin writes to
 * pagefind/ at the end of the build (in parts, for a big site). Pagefind folds accents and
 * stems French, and only loads the index fragments a query needs. Everything is fetched from the
 * site itself.
 *
 * Result titles and excerpts come from article text: they are inserted as text nodes (only the
 * <mark> of Pagefind's excerpts is kept), never as HTML.
 */
(function () {
  "use strict";

  const MAX_RESULTS = 10;
  const box = document.querySelector("[data-dossier-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const input = box.querySelector(".md-search__input");
  const form = box.querySelector(".md-search__form");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");

  // The site's root, from Material's config: works at / and under a sub-path like /<repo>/
  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  let pagefind = null;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async (module) => {
        const options = { baseUrl: root.pathname, excerptLength: 24 };
        await module.options(options);
        const parts = await otherParts();
        await Promise.all(parts.map((part) => module.mergeIndex(new URL(`pagefind/${part}`, root).pathname, options)));
        return module;
      });
    }
    return pagefind;
  }

  // A big site is indexed in parts: pagefind/ holds the first, pagefind/parts.json lists the
  // folders of the others, merged into the first. No list (or an unreadable one) means one part.
  async function otherParts() {
    try {
      const response = await fetch(new URL("pagefind/parts.json", root), { cache: "no-cache" });
      const parts = response.ok ? await response.json() : [];
      return Array.isArray(parts) ? parts : [];
    } catch (error) {
      return [];
    }
  }

  function open() {
    toggle.checked = true;
    loadPagefind();
  }

  function close() {
    toggle.checked = false;
    if (box.contains(document.activeElement)) document.activeElement.blur();
  }

  // Pagefind's excerpt as nodes: its <mark> elements, everything else as plain text
  function excerptNodes(excerpt) {
    const parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
    return Array.from(parsed.childNodes, (node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function resultItem(data) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    const kind = document.createElement("span");
    kind.className = "dossier-search-kind";
    kind.textContent = data.meta.kind || "";
    const excerpt = document.createElement("p");
    excerpt.append(...excerptNodes(data.excerpt || ""));
    article.append(kind, title, excerpt);
    link.append(article);
    item.append(link);
    return item;
  }

  async function search(query) {
    const module = await loadPagefind();
    const found = await module.debouncedSearch(query, {}, 120);
    if (found === null || input.value.trim() !== query) return;  // a newer query is on its way
    const top = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (input.value.trim() !== query) return;
    const count = found.results.length;
    meta.textContent = count === 0 ? "Aucun résultat"
      : count === 1 ? "1 résultat" : `${count} résultats`;
    // a result that had the focus is replaced: the focus goes back to the input, not to the page
    const hadFocus = list.contains(document.activeElement);
    list.replaceChildren(...top.map(resultItem));
    list.dataset.query = query;   // what the list shows results of (a slow search may land late)
    if (hadFocus) input.focus();
  }

  // The searched words, marked on the page opened from a result (accents and case aside)
  const HIGHLIGHT = "dossier-highlight";
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  function remember(link) {
    try {
      sessionStorage.setItem(HIGHLIGHT, JSON.stringify({ path: new URL(link.href).pathname, query: input.value }));
    } catch (error) { /* storage off: nothing marked */ }
  }

  function highlight() {
    let wanted = null;
    try {
      wanted = JSON.parse(sessionStorage.getItem(HIGHLIGHT) || "null");
      sessionStorage.removeItem(HIGHLIGHT);
    } catch (error) { return; }
    const body = document.querySelector("[data-pagefind-body]");
    if (!wanted || !body || wanted.path !== location.pathname) return;
    const words = fold(wanted.query).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 2);
    if (!words.length) return;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("script, style, mark, [hidden]")) continue;
      // folded one character for one, so that a place in it is the same place in the text
      const text = node.textContent.split("").map((char) => fold(char)[0] || char).join("");
      for (const word of words) {
        const at = text.indexOf(word);
        if (at >= 0) {
          found.push([node, at, word.length]);
          break;
        }
      }
    }
    for (const [node, at, length] of found) {
      const word = node.splitText(at);
      word.splitText(length);
      const mark = document.createElement("mark");
      mark.className = "dossier-found";
      word.replaceWith(mark);
      mark.append(word);
    }
  }
  if (window.document$) window.document$.subscribe(highlight);
  else highlight();

  function links() {
    return Array.from(list.querySelectorAll(".md-search-result__link"));
  }

  // Arrow keys walk the results; Enter opens the chosen (or first) one; Escape closes
  function onKey(event) {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = at + step;
      if (next < 0) input.focus();
      else if (all[next]) all[next].focus();
    } else if (event.key === "Enter" && document.activeElement === input && all.length) {
      event.preventDefault();
      remember(all[0]);
      location.href = all[0].href;
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Tab" && !event.shiftKey && all.length && at === all.length - 1) {
      // Tab past the last result leaves the search: close it here, because the focus may go
      // out of the page with no event saying so (a headless browser keeps hasFocus() true)
      close();
    }
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", () => {
    const query = input.value.trim();
    if (query) {
      search(query);
    } else {
      list.replaceChildren();
      delete list.dataset.query;
      meta.textContent = "Taper pour lancer la recherche";
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const link = event.target.closest(".md-search-result__link");
    if (link) remember(link);
  });
  list.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.closest(".md-search-result__link")) remember(event.target);
  });
  form.addEventListener("reset", () => {
    list.replaceChildren();
    input.focus();
  });
  box.addEventListener("keydown", onKey);
  // Tab walks the input and the results; leaving them (Tab past the last, a click elsewhere)
  // closes the search, as Escape does
  box.addEventListener("focusout", (event) => {
    if (!toggle.checked) return;
    if (event.relatedTarget) {
      if (!box.contains(event.relatedTarget)) close();
      return;
    }
    // Tab past the page's last link sends the focus out of the page (no relatedTarget): close
    // then too, but not for a click on a part of the box that takes no focus
    setTimeout(() => { if (toggle.checked && !document.hasFocus()) close(); }, 0);
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
  });
  document.addEventListener("keydown", (event) => {
    const typing = /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      open();
      input.focus();
    }
  });
})();
