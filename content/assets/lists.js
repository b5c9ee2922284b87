/*
 * Long lists made easier to search: the statements page gets filters (speaker, outlet, dates),
 * the index tables marked `dossier-sortable` sort on a click of their heading. Without
 * JavaScript the lists are plain, complete and in order. Nothing is fetched.
 */
(function () {
  "use strict";

  function element(tag, props, ...children) {
    const made = Object.assign(document.createElement(tag), props);
    made.append(...children);
    return made;
  }

  function select(label, values) {
    const box = element("select", {}, element("option", { value: "", textContent: "Tous" }),
      ...values.map((value) => element("option", { value, textContent: value })));
    return [element("label", {}, `${label} `, box), box];
  }

  function filters(list) {
    const items = Array.from(list.querySelectorAll(".dossier-statement"));
    const values = (key) => [...new Set(items.map((item) => item.dataset[key]).filter(Boolean))].sort((a, b) => a.localeCompare(b, "fr"));
    const [speakerLabel, speaker] = select("Personne", values("speaker"));
    const [outletLabel, outlet] = select("Média", values("outlet"));
    // The days of the statements, each written in French whatever the browser's language (an
    // <input type=date> shows the browser's own format, "12/31/2021" in an English browser)
    const dates = values("date").sort();
    const day = (label) => element("select", {}, element("option", { value: "", textContent: label }),
      ...dates.map((date) => element("option", { value: date, textContent: frenchDate(date) })));
    const from = day("premier jour"), to = day("dernier jour");
    const count = element("p", { className: "dossier-filter__count" });
    count.setAttribute("role", "status");
    // "Du … au …" kept on one line
    const days = element("span", { className: "dossier-filter__days" },
      element("label", {}, "Du ", from), element("label", {}, "au ", to));
    const form = element("form", { className: "dossier-filter" }, speakerLabel, outletLabel, days);
    form.setAttribute("aria-label", "Filtrer les déclarations");
    form.addEventListener("submit", (event) => event.preventDefault());
    function apply() {
      let shown = 0;
      for (const item of items) {
        const date = item.dataset.date;
        const on = (!speaker.value || item.dataset.speaker === speaker.value)
          && (!outlet.value || item.dataset.outlet === outlet.value)
          && (!from.value || (date && date >= from.value)) && (!to.value || (date && date <= to.value));
        item.hidden = !on;
        shown += on;
      }
      count.textContent = shown === 1 ? "1 déclaration" : `${shown} déclarations`;
    }
    form.addEventListener("input", apply);
    list.before(form, count);
    apply();
  }

  const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                  "octobre", "novembre", "décembre"];
  // "2021-11-01" → "1 novembre 2021", "2021-11" → "novembre 2021" (as the pages write dates: filters.french_date)
  function frenchDate(iso) {
    const [year, month, day] = iso.split("-");
    if (!MONTHS[month - 1]) return iso;
    return (day ? `${+day} ` : "") + `${MONTHS[month - 1]} ${year}`;
  }

  // "11 novembre 2021", "novembre 2021" → "2021-11-11", "2021-11": dates sort as dates
  function sortKey(text) {
    const date = text.match(/^(?:(\d{1,2}) )?([a-zéû]+) (\d{4})$/);
    const month = date ? MONTHS.indexOf(date[2]) + 1 : 0;
    if (!month) return text;
    return `${date[3]}-${String(month).padStart(2, "0")}` + (date[1] ? `-${date[1].padStart(2, "0")}` : "");
  }

  function sortable(table) {
    const headings = Array.from(table.querySelectorAll("thead th"));
    headings.forEach((heading, column) => {
      const button = element("button", { type: "button", className: "dossier-sort", textContent: heading.textContent });
      heading.replaceChildren(button);
      button.addEventListener("click", () => {
        const up = heading.getAttribute("aria-sort") !== "ascending";
        headings.forEach((other) => other.removeAttribute("aria-sort"));
        heading.setAttribute("aria-sort", up ? "ascending" : "descending");
        const rows = Array.from(table.tBodies[0].rows);
        const key = (row) => sortKey(row.cells[column].textContent.trim());
        const numeric = rows.every((row) => !isNaN(parseFloat(key(row))) && isFinite(key(row)));
        rows.sort((a, b) => (numeric ? key(a) - key(b) : key(a).localeCompare(key(b), "fr")) * (up ? 1 : -1));
        table.tBodies[0].append(...rows);
      });
    });
  }

  const TYPES = { person: "Personnes", organization: "Organisations", place: "Lieux", event: "Opérations et événements" };

  // The timeline: events filtered by an actor they name, or by the type of the actors they name
  function timeline(list) {
    const items = Array.from(list.querySelectorAll("li"));
    const names = [...new Set(Array.from(list.querySelectorAll("li a[class*='dossier-actor--']"), (a) => a.textContent))]
      .sort((a, b) => a.localeCompare(b, "fr"));
    const [actorLabel, actor] = select("Acteur", names);
    const kinds = Object.keys(TYPES).filter((type) => list.querySelector(`.dossier-actor--${type}`));
    const type = element("select", {}, element("option", { value: "", textContent: "Tous" }),
      ...kinds.map((kind) => element("option", { value: kind, textContent: TYPES[kind] })));
    const count = element("p", { className: "dossier-filter__count" });
    count.setAttribute("role", "status");
    const form = element("form", { className: "dossier-filter" }, actorLabel, element("label", {}, "Type d’acteur ", type));
    form.setAttribute("aria-label", "Filtrer la chronologie");
    form.addEventListener("submit", (event) => event.preventDefault());
    function apply() {
      let shown = 0;
      for (const item of items) {
        const links = Array.from(item.querySelectorAll("a[class*='dossier-actor--']"));
        const on = (!actor.value || links.some((a) => a.textContent === actor.value))
          && (!type.value || links.some((a) => a.classList.contains(`dossier-actor--${type.value}`)));
        item.hidden = !on;
        shown += on;
      }
      // A month's heading goes with its events
      for (const heading of list.querySelectorAll("h2")) {
        const events = heading.nextElementSibling;
        if (events && events.tagName === "UL") heading.hidden = !events.querySelector("li:not([hidden])");
      }
      count.textContent = shown === 1 ? "1 événement" : `${shown} événements`;
    }
    form.addEventListener("input", apply);
    list.before(form, count);
    apply();
  }

  function setup() {
    document.querySelectorAll("[data-dossier-timeline]:not([data-ready])").forEach((list) => {
      list.dataset.ready = "1";
      timeline(list);
    });
    document.querySelectorAll("[data-dossier-filter]:not([data-ready])").forEach((list) => {
      list.dataset.ready = "1";
      filters(list);
    });
    document.querySelectorAll(".dossier-sortable table:not([data-ready])").forEach((table) => {
      table.dataset.ready = "1";
      sortable(table);
    });
  }

  // Material's instant loading swaps the page's content: set the lists up on each page shown
  if (window.document$) window.document$.subscribe(setup);
  else setup();
})();
