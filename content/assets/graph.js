/*
 * The actors' graphs (inline SVG drawn at build time): a click on an actor opens its page by a
 * plain navigation (Material's instant loading cannot follow an SVG link), and the whole graph
 * gets controls: zoom (buttons, wheel, drag to move), a filter by type and by number of mentions.
 * Without JavaScript the graph is the same picture, its links working.
 */
(function () {
  "use strict";

  // Before Material's own click handler: an SVG link is left to the browser
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest(".dossier-graph a")) event.stopPropagation();
  }, true);

  const TYPES = { person: "Personnes", organization: "Organisations", place: "Lieux", event: "Opérations" };

  function control(tag, props) {
    const element = document.createElement(tag);
    Object.assign(element, props);
    return element;
  }

  function setup() {
    const figure = document.querySelector(".dossier-network--whole");
    if (!figure || figure.dataset.ready) return;
    figure.dataset.ready = "1";
    const svg = figure.querySelector("svg");
    const nodes = Array.from(svg.querySelectorAll(".dossier-graph__node"));
    const lines = Array.from(svg.querySelectorAll("line"));
    const [x0, y0, w0, h0] = svg.getAttribute("viewBox").split(" ").map(Number);
    let view = { x: x0, y: y0, w: w0, h: h0 };
    const draw = () => {
      svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
      // zoomed in, a drag moves the view; the whole graph shown, a touch drag scrolls the page
      svg.classList.toggle("dossier-graph--zoomed", view.w < w0);
    };
    const zoom = (factor, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
      const w = Math.min(w0, Math.max(w0 / 8, view.w * factor));
      const h = w * h0 / w0;
      view = { x: cx - (cx - view.x) * w / view.w, y: cy - (cy - view.y) * h / view.h, w, h };
      draw();
    };

    const form = control("form", { className: "dossier-graph-controls" });
    form.setAttribute("aria-label", "Régler le graphe");
    form.addEventListener("submit", (event) => event.preventDefault());
    const types = control("fieldset", {});
    types.append(control("legend", { textContent: "Montrer" }));
    for (const [type, label] of Object.entries(TYPES)) {
      if (!svg.querySelector(`[data-type="${type}"]`)) continue;
      const box = control("input", { type: "checkbox", checked: true, value: type });
      const text = control("label", {});
      text.append(box, ` ${label}`);
      text.className = `dossier-graph-controls__type dossier-graph-controls__type--${type}`;
      types.append(text);
    }
    const most = Math.max(...nodes.map((n) => +n.dataset.mentions));
    const threshold = control("input", { type: "range", min: 1, max: most, value: 1, id: "dossier-graph-min" });
    const thresholdLabel = control("label", { htmlFor: "dossier-graph-min" });
    const thresholdValue = control("output", { value: "1" });
    thresholdLabel.append("Mentions au moins : ", thresholdValue);
    const buttons = control("div", { className: "dossier-graph-controls__zoom" });
    for (const [label, text, act] of [["Zoomer", "+", () => zoom(0.7)], ["Dézoomer", "−", () => zoom(1 / 0.7)],
                                       ["Vue entière", "⟲", () => { view = { x: x0, y: y0, w: w0, h: h0 }; draw(); }]]) {
      const button = control("button", { type: "button", textContent: text, title: label, className: "md-button" });
      button.setAttribute("aria-label", label);
      button.addEventListener("click", act);
      buttons.append(button);
    }
    form.append(types, thresholdLabel, threshold, buttons);
    figure.before(form);

    function filter() {
      const shown = new Set(Array.from(types.querySelectorAll("input:checked"), (box) => box.value));
      const min = +threshold.value;
      thresholdValue.value = String(min);
      const visible = new Set();
      for (const node of nodes) {
        const on = shown.has(node.dataset.type) && +node.dataset.mentions >= min;
        node.style.display = on ? "" : "none";
        if (on) visible.add(node.dataset.id);
      }
      for (const line of lines) {
        const [a, b] = line.dataset.ends.split(" ");
        line.style.display = visible.has(a) && visible.has(b) ? "" : "none";
      }
    }
    form.addEventListener("input", () => { filter(); declutter(svg); });

    // Wheel zooms where the pointer is; a drag moves the view (a touch drag too)
    const point = (event) => {
      const box = svg.getBoundingClientRect();
      return { x: view.x + (event.clientX - box.left) / box.width * view.w,
               y: view.y + (event.clientY - box.top) / box.height * view.h };
    };
    svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      const at = point(event);
      zoom(event.deltaY < 0 ? 0.85 : 1 / 0.85, at.x, at.y);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (event) => {
      if (event.target.closest("a") || view.w === w0) return;
      drag = { x: event.clientX, y: event.clientY, view: { ...view } };
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const box = svg.getBoundingClientRect();
      view = { ...drag.view, x: drag.view.x - (event.clientX - drag.x) / box.width * view.w,
               y: drag.view.y - (event.clientY - drag.y) / box.height * view.h };
      draw();
    });
    svg.addEventListener("pointerup", () => { drag = null; });
  }

  // A graph wider than the screen (a phone) opens scrolled to its actor, or to its middle, and
  // takes the keyboard's focus
  function centre() {
    for (const figure of document.querySelectorAll(".dossier-network")) {
      const svg = figure.querySelector("svg");
      if (!svg || figure.scrollWidth <= figure.clientWidth) continue;
      figure.tabIndex = 0;          // its arrow keys scroll it too (a scrolling region is reachable)
      const dot = svg.querySelector(".dossier-graph__node--center circle");
      const box = svg.getBoundingClientRect();
      const at = dot ? dot.getBoundingClientRect() : box;
      figure.scrollLeft = at.left + at.width / 2 - box.left - figure.clientWidth / 2;
    }
  }

  // The names were placed at build time from an estimate of their width; the browser knows the
  // real one. The most named first, a name that would cover a name already shown or another
  // actor's dot moves to the next free place round its dot (the places graph.py tries), else is
  // hidden (it shows on pointing or focus); a name graph.py found no place for gets its chance
  // too. Filtering frees room: run again.
  const HALO = 1.5;                  // half the stroke drawn round each name (dossier.css)
  const meets = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const places = (x, y, r) => [[x, y + r + 13, "middle"], [x, y - r - 5, "middle"], [x + r + 4, y + 4, "start"],
    [x - r - 4, y + 4, "end"], [x + r * 0.7, y + r + 11, "start"], [x - r * 0.7, y + r + 11, "end"],
    [x + r * 0.7, y - r - 3, "start"], [x - r * 0.7, y - r - 3, "end"]];
  function declutter(svg) {
    const on = (node) => node.style.display !== "none";
    const nodes = Array.from(svg.querySelectorAll(".dossier-graph__node")).filter(on);
    const dots = new Map(nodes.map((node) => [node, node.querySelector("circle").getBBox()]));
    if (!svg.dataset.frame) svg.dataset.frame = svg.getAttribute("viewBox");   // before any zoom
    const [fx, fy, fw, fh] = svg.dataset.frame.split(" ").map(Number);
    const shown = [];
    const labels = Array.from(svg.querySelectorAll(".dossier-graph__node text"))
      .sort((a, b) => b.parentNode.dataset.mentions - a.parentNode.dataset.mentions);
    for (const label of labels) {
      label.classList.remove("dossier-graph__label--hidden");
      if (!on(label.parentNode)) continue;
      if (!label.dataset.place) label.dataset.place = ["x", "y", "text-anchor"].map((a) => label.getAttribute(a)).join(" ");
      const circle = label.parentNode.querySelector("circle");
      const [cx, cy, r] = ["cx", "cy", "r"].map((a) => +circle.getAttribute(a));
      const free = () => {
        const b = label.getBBox();
        const box = { x: b.x - HALO, y: b.y - HALO, width: b.width + 2 * HALO, height: b.height + 2 * HALO };
        const inside = box.x >= fx && box.y >= fy && box.x + box.width <= fx + fw && box.y + box.height <= fy + fh;
        const covers = !inside || shown.some((other) => meets(box, other))
          || nodes.some((node) => node !== label.parentNode && meets(box, dots.get(node)));
        return covers ? null : box;
      };
      let box = null;
      for (const [x, y, anchor] of [label.dataset.place.split(" "), ...places(cx, cy, r)]) {
        label.setAttribute("x", x); label.setAttribute("y", y); label.setAttribute("text-anchor", anchor);
        if ((box = free())) break;
      }
      if (box) {
        shown.push(box);
        label.classList.remove("dossier-graph__label--spare");   // the real widths left it room
      } else {
        const [x, y, anchor] = label.dataset.place.split(" ");
        label.setAttribute("x", x); label.setAttribute("y", y); label.setAttribute("text-anchor", anchor);
        label.classList.add("dossier-graph__label--hidden");
      }
    }
  }
  const declutterAll = () => document.querySelectorAll("svg.dossier-graph").forEach(declutter);

  // Material's instant loading swaps the page's content: set the graph up on each page shown
  const ready = () => { setup(); declutterAll(); centre(); };
  if (window.document$) window.document$.subscribe(ready);
  else ready();
})();
