"""No label, legend, choice or button breaks a word in the middle ("breathi ng"), at 360 px and
at 1280 px. Checked from the computed layout (each word's line boxes), not from screenshots."""

from __future__ import annotations

import pytest

from .support import goto, new_context, unlock

PAGES = ["/log/new/full", "/pause/setup", "/pause", "/checkin", "/days", "/ready", "/settings", "/journal/new", "/log/kind"]

BROKEN_WORDS_JS = """() => {
  const broken = [];
  const seen = new Set();
  for (const element of document.querySelectorAll('label, legend, .choice span, button, .button, th, .tag')) {
    if (element.offsetParent === null) continue;  // not shown
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const text = node.textContent;
      // A word, split also at hyphens and slashes, where a line may end by design.
      const words = /[^\\s\\-\\u2013\\u2014\\/]+/g;
      let match;
      while ((match = words.exec(text))) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        const key = match[0] + '@' + element.tagName;
        if (lines.size > 1 && !seen.has(key)) { seen.add(key); broken.push(match[0]); }
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_no_word_breaks_mid_way_in_labels_and_choices(browser, vault, width):
    context = new_context(browser, vault, width=width)
    page = context.new_page()
    try:
        unlock(page, vault)
        found = {}
        for path in PAGES:
            goto(page, vault, path)
            broken = page.evaluate(BROKEN_WORDS_JS)
            if broken:
                found[path] = broken
            overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{path} scrolls sideways by {overflow} px at {width} px"
        assert not found, f"words broken mid-way at {width} px: {found}"
    finally:
        context.close()
