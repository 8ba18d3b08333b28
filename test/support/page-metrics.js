// Measurements of the inspector page, run inside Chromium by the browser tests (added with
// page.addInitScript). Read through test/support/page-metrics.ts.
window.inspectorMetrics = (() => {
  const overlaps = (r, box) => r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
  const inside = (r, box) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
  const diagramBox = () => document.getElementById('diagram').getBoundingClientRect();
  const viewport = () => document.querySelector('#diagram svg .viewport');

  /** The rendered font size, in CSS px, of the diagram's labels in view (state texts, edge labels, step numbers). */
  function legibility() {
    const box = diagramBox();
    const k = viewport().getScreenCTM().a;
    const texts = [...document.querySelectorAll('#diagram svg .state > text, #diagram svg .edge .label text, #diagram svg .step text')];
    const inView = texts.filter((t) => overlaps(t.getBoundingClientRect(), box));
    const px = inView.map((t) => parseFloat(window.getComputedStyle(t).fontSize) * k);
    return { scale: k, labelsInView: inView.length, minFontPx: Math.min(...px), maxFontPx: Math.max(...px) };
  }

  /** For each element matching `selector` in the diagram: is it wholly inside the diagram's visible box? */
  function inView(selector) {
    const box = diagramBox();
    return [...document.querySelectorAll(`#diagram svg ${selector}`)].map((e) => inside(e.getBoundingClientRect(), box));
  }

  /** The viewport transform (scale and translation on screen) and a point's diagram coordinates. */
  function transform(clientX = 0, clientY = 0) {
    const m = viewport().getScreenCTM();
    return { k: m.a, x: m.e, y: m.f, at: { x: (clientX - m.e) / m.a, y: (clientY - m.f) / m.d } };
  }

  /** Texts of the drawing wider than their box: edge labels, lines of a state, a name under its toggle. */
  function svgOverflow() {
    const out = [];
    for (const g of document.querySelectorAll('#diagram svg .edge .label')) {
      const text = g.querySelector('text');
      if (text.getComputedTextLength() + 4 > g.querySelector('rect').width.baseVal.value + 0.5) out.push(text.textContent);
    }
    for (const g of document.querySelectorAll('#diagram svg .state')) {
      const rect = g.querySelector(':scope > rect');
      if (!rect) continue;
      const toggle = g.querySelector(':scope > .toggle rect');
      for (const text of g.querySelectorAll(':scope > text')) {
        const right = text.x.baseVal[0].value + text.getComputedTextLength();
        const limit = text.classList.contains('name') && toggle ? toggle.x.baseVal.value : rect.x.baseVal.value + rect.width.baseVal.value;
        if (right > limit - 1) out.push(`${g.getAttribute('data-path')}: ${text.textContent}`);
      }
    }
    return out;
  }

  /** The box that clips `el` sideways: its nearest ancestor that does not let content overflow, or the container. */
  function clipOf(el, container) {
    for (let e = el; e && e !== container; e = e.parentElement) {
      if (window.getComputedStyle(e).overflowX !== 'visible') return e.getBoundingClientRect();
    }
    const r = container.getBoundingClientRect();
    return { left: r.left + container.clientLeft, right: r.left + container.clientLeft + container.clientWidth };
  }

  /** Text in the page's panels that is cut off or runs out sideways; and panels that scroll sideways. */
  function clippedText(selectors = ['header', '#orders', '#diagram-bar', '#details']) {
    const out = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
    for (const sel of selectors) {
      const container = document.querySelector(sel);
      if (!container || container.getClientRects().length === 0) continue;
      if (container.scrollWidth > container.clientWidth + 1) out.push(`${sel} scrolls sideways (${container.scrollWidth} > ${container.clientWidth})`);
      const walker = document.createTreeWalker(container, window.NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const text = node.textContent.trim();
        if (!text || node.parentElement.closest('select, option, title, script, style')) continue;
        const folded = node.parentElement.closest('details:not([open])');
        if (folded && !node.parentElement.closest('summary')) continue;
        const clip = clipOf(node.parentElement, container);
        const range = document.createRange();
        range.selectNodeContents(node);
        const cut = [...range.getClientRects()].some((r) => r.width > 0 && (r.left < clip.left - 1 || r.right > clip.right + 1));
        if (cut) out.push(`${sel}: "${text.slice(0, 60)}"`);
      }
    }
    return out;
  }

  /** The element with the focus, and whether it shows a focus ring. */
  function focus() {
    const e = document.activeElement;
    const style = window.getComputedStyle(e);
    return { id: e.id, tag: e.tagName, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
  }

  return { legibility, inView, transform, svgOverflow, clippedText, focus };
})();
