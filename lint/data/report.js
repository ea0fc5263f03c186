/* copydesk HTML report: the tooltip, jumps from the list, filters.
   Everything it needs is in the page: marks carry data-f (the finding's number),
   list items carry data-f, data-severity and data-rule, descriptions are #d-N. */
(() => {
  "use strict";
  document.body.classList.remove("no-script");
  const tip = document.getElementById("tip");
  const main = document.getElementById("articles");
  const list = document.getElementById("findings");
  const aside = list.closest("aside");
  const boxes = [...document.querySelectorAll("input[data-filter]")];
  const items = new Map();  // number -> list item
  const marks = new Map();  // number -> its marks, the focusable head first
  for (const li of list.querySelectorAll("li[data-f]")) items.set(li.dataset.f, li);
  for (const mark of main.querySelectorAll("mark[data-f]")) {
    if (!marks.has(mark.dataset.f)) marks.set(mark.dataset.f, []);
    marks.get(mark.dataset.f).push(mark);
  }

  function applyFilters() {
    const hidden = {severity: new Set(), rule: new Set()};
    for (const box of boxes) if (!box.checked) hidden[box.dataset.filter].add(box.value);
    let count = 0;
    for (const [number, li] of items) {
      const off = hidden.severity.has(li.dataset.severity) || hidden.rule.has(li.dataset.rule);
      li.hidden = off;
      count += off ? 0 : 1;
      for (const mark of marks.get(number) || []) {
        mark.classList.toggle("off", off);
        if (mark.id) mark.tabIndex = off ? -1 : 0;
      }
    }
    document.getElementById("shown").textContent =
      count === items.size ? `Showing all ${count}` : `Showing ${count} of ${items.size}`;
    restoreTip();
  }

  // The findings shown at a mark: its own and those of the marks around it, innermost first.
  function covering(mark) {
    const numbers = [];
    for (let m = mark; m; m = m.parentElement.closest("mark")) {
      if (!m.classList.contains("off")) numbers.push(m.dataset.f);
    }
    return numbers;
  }

  let tipMark = null;  // the mark the tip is about

  function showTip(mark) {
    const numbers = covering(mark);
    if (!numbers.length) return hideTip();
    tip.replaceChildren(...numbers.map((number) => {
      const copy = document.getElementById("d-" + number).cloneNode(true);
      copy.removeAttribute("id");
      return copy;
    }));
    tip.hidden = false;
    tipMark = mark;
    placeTip();
  }

  // Below the mark's first line, or above it near the bottom of the window. Called again
  // on scrolling: articles laid out late (content-visibility) move the text under it.
  function placeTip() {
    if (tip.hidden || !tipMark) return;
    const box = tipMark.getClientRects()[0] || tipMark.getBoundingClientRect();
    const page = document.documentElement;
    const left = Math.min(box.left, page.clientWidth - tip.offsetWidth - 8);
    const below = box.bottom + 6 + tip.offsetHeight <= page.clientHeight;
    tip.style.left = `${window.scrollX + Math.max(8, left)}px`;
    tip.style.top = `${window.scrollY + (below ? box.bottom + 6 : box.top - 6 - tip.offsetHeight)}px`;
  }

  function hideTip() {
    tip.hidden = true;
  }

  // After the pointer leaves: the focused finding's tip, if one has focus.
  function restoreTip() {
    const focused = document.activeElement;
    if (focused && focused.matches("mark[data-f]:not(.off)")) showTip(focused); else hideTip();
  }

  function activate(number) {
    for (const li of list.querySelectorAll("li.active")) li.classList.remove("active");
    const li = items.get(number);
    if (!li) return;
    li.classList.add("active");
    const frame = aside.getBoundingClientRect(), row = li.getBoundingClientRect();
    if (row.top < frame.top || row.bottom > frame.bottom) aside.scrollTop += row.top - frame.top - frame.height / 3;
  }

  function jump(number) {
    const mark = document.getElementById("f-" + number);
    if (!mark) return;
    mark.scrollIntoView({block: "center"});
    mark.focus({preventScroll: true});
  }

  main.addEventListener("mouseover", (event) => {
    const mark = event.target.closest("mark");
    if (mark) showTip(mark); else restoreTip();
  });
  main.addEventListener("mouseleave", restoreTip);
  window.addEventListener("scroll", placeTip, {passive: true});
  window.addEventListener("resize", placeTip);
  document.addEventListener("focusin", (event) => {
    const mark = event.target.closest("mark[data-f]");
    if (mark) {
      showTip(mark);
      activate(mark.dataset.f);
    } else {
      hideTip();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hideTip();
  });
  list.addEventListener("click", (event) => {
    const link = event.target.closest("a.jump");
    if (!link) return;
    event.preventDefault();
    history.replaceState(null, "", link.hash);
    jump(link.hash.slice(3));  // "#f-12" -> "12"
  });
  for (const box of boxes) box.addEventListener("change", applyFilters);

  applyFilters();
  if (location.hash.startsWith("#f-")) jump(location.hash.slice(3));
})();
