// Pan and zoom for the drawn diagram, by mouse (drag to pan, wheel to zoom at the pointer) and by
// keyboard on the focused diagram (arrows pan, + and − zoom, 0 fits, 1 shows actual size).
// The SVG fills its box; its content moves inside one <g class="viewport"> transform.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Wraps the drawn content of `svg` (inside `box`) in a transformable group. Returns the controls.
 * `onFit()` is called for the fit key and button; `onChange(transform)` after every move.
 */
export function panZoom(box, svg, { minScale = 0.15, maxScale = 4, onFit = () => {}, onChange = () => {} } = {}) {
  const size = { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };
  const layer = document.createElementNS(SVG_NS, 'g');
  layer.setAttribute('class', 'viewport');
  for (const child of [...svg.childNodes]) if (!['title', 'style', 'defs'].includes(child.nodeName)) layer.append(child);
  svg.append(layer);
  svg.removeAttribute('viewBox');
  svg.setAttribute('width', '100%');
  svg.setAttribute('height', '100%');
  const t = { x: 0, y: 0, k: 1 };

  const apply = () => {
    layer.setAttribute('transform', `translate(${t.x.toFixed(1)},${t.y.toFixed(1)}) scale(${t.k.toFixed(4)})`);
    onChange({ ...t });
  };
  const clampK = (k) => Math.min(maxScale, Math.max(minScale, k));
  /** Zooms by `factor` keeping the point (px, relative to the box) where it is. */
  const zoomAt = (factor, px = box.clientWidth / 2, py = box.clientHeight / 2) => {
    const k = clampK(t.k * factor);
    t.x = px - ((px - t.x) * k) / t.k;
    t.y = py - ((py - t.y) * k) / t.k;
    t.k = k;
    apply();
  };
  const panBy = (dx, dy) => {
    t.x += dx;
    t.y += dy;
    apply();
  };
  /**
   * Shows `region` ({ x, y, width, height } in diagram units) as large as fits, at a scale within
   * [min, max]. When it cannot fit at `min`, as much of it as fits is shown around `focus`, which
   * stays wholly in view.
   */
  const show = (region, { min = minScale, max = maxScale, focus = region, margin = 16 } = {}) => {
    const [w, h] = [box.clientWidth, box.clientHeight];
    const fits = Math.min((w - 2 * margin) / region.width, (h - 2 * margin) / region.height);
    t.k = clampK(Math.min(max, Math.max(min, fits)));
    t.x = w / 2 - (region.x + region.width / 2) * t.k;
    t.y = h / 2 - (region.y + region.height / 2) * t.k;
    const keep = (start, end, size, offset) => (start + offset < margin ? margin - start : end + offset > size - margin ? size - margin - end : offset);
    t.x = keep(focus.x * t.k, (focus.x + focus.width) * t.k, w, t.x);
    t.y = keep(focus.y * t.k, (focus.y + focus.height) * t.k, h, t.y);
    // Where the whole drawing fits along an axis, centre the drawing rather than the region.
    if (size.width * t.k <= w) t.x = (w - size.width * t.k) / 2;
    if (size.height * t.k <= h) t.y = (h - size.height * t.k) / 2;
    apply();
  };

  let drag = null;
  let moved = false;
  box.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, id: e.pointerId };
    moved = false;
  });
  box.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!moved && Math.hypot(dx, dy) < 4) return;
    if (!moved) box.setPointerCapture?.(e.pointerId);
    moved = true;
    box.classList.add('panning');
    drag.x = e.clientX;
    drag.y = e.clientY;
    panBy(dx, dy);
  });
  const end = () => {
    drag = null;
    box.classList.remove('panning');
  };
  box.addEventListener('pointerup', end);
  box.addEventListener('pointercancel', end);
  // A drag is not a click on the state it started on.
  box.addEventListener('click', (e) => {
    if (moved) {
      e.stopPropagation();
      e.preventDefault();
      moved = false;
    }
  }, true);
  box.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = box.getBoundingClientRect();
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    zoomAt(Math.exp(-delta * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  box.addEventListener('keydown', (e) => {
    if (e.target !== box || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = e.shiftKey ? 240 : 60;
    const keys = {
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
      '+': () => zoomAt(1.25),
      '=': () => zoomAt(1.25),
      '-': () => zoomAt(0.8),
      '0': () => onFit(),
      '1': () => zoomAt(1 / t.k),
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  });

  apply();
  return { zoomAt, panBy, show, size, get transform() { return { ...t }; } };
}
