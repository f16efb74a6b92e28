"""Colour contrast as WCAG 2.2 defines it, for scripts run in the page."""

# Defines, in the page's script: colour(css) → [r, g, b] or null when
# transparent; contrast(a, b) → the ratio of their relative luminances; and
# background(element) → the colour painted behind an element.
CONTRAST_JS = """
const colour = css => {
  const match = css && css.match(/rgba?\\(([^)]+)\\)/);
  if (!match) return null;
  const parts = match[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
  return parts.length > 3 && parts[3] === 0 ? null : parts.slice(0, 3);
};
const luminance = rgb => {
  const [r, g, b] = rgb.map(value => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};
const background = element => {
  for (let node = element; node; node = node.parentElement) {
    const found = colour(getComputedStyle(node).backgroundColor);
    if (found) return found;
  }
  return [255, 255, 255];
};
const hex = rgb => "#" + rgb.map(v => v.toString(16).padStart(2, "0")).join("");
"""
