package dev.newsdesk.e2e.pages;

/** The JavaScript the browser tests run in the page, one measurement each. */
final class PageScripts {

    /** Every img's rendered box and decoded width, in document order. */
    static final String IMAGE_BOXES = """
            return Array.from(document.images).map(img => {
              const r = img.getBoundingClientRect();
              return {src: img.currentSrc || img.src, width: r.width, height: r.height, naturalWidth: img.naturalWidth};
            });""";

    static final String SCROLL_TO_IMAGE = "document.images[arguments[0]].scrollIntoView({block: 'center'});";

    /** True once the image has loaded and decoded (lazy images load only near the viewport). */
    static final String IMAGE_DECODED = """
            const img = document.images[arguments[0]];
            return img.complete && img.naturalWidth > 0;""";

    /**
     * The layout shifts since the page started (buffered), without those after input, each with
     * the node names that moved; resolves after the observer delivered the buffer.
     */
    static final String LAYOUT_SHIFTS = """
            const done = arguments[arguments.length - 1];
            const shifts = [];
            const observer = new PerformanceObserver(list => {
              for (const e of list.getEntries()) {
                if (!e.hadRecentInput) {
                  shifts.push({value: e.value, nodes: (e.sources || []).map(s => s.node ? s.node.nodeName : '?').join(',')});
                }
              }
            });
            observer.observe({type: 'layout-shift', buffered: true});
            setTimeout(() => { observer.disconnect(); done(shifts); }, 300);""";

    /** Bytes over the wire by kind (document, css, img), from Resource Timing; transferSize includes headers. */
    static final String PAGE_WEIGHT = """
            const weight = {document: 0, css: 0, img: 0, other: 0, imgCount: 0};
            const nav = performance.getEntriesByType('navigation')[0];
            weight.document = nav.transferSize;
            weight.documentBody = nav.encodedBodySize;
            for (const r of performance.getEntriesByType('resource')) {
              const kind = r.initiatorType === 'link' && r.name.endsWith('.css') ? 'css' : r.initiatorType === 'img' ? 'img' : 'other';
              weight[kind] += r.transferSize;
              if (kind === 'img') weight.imgCount++;
            }
            return weight;""";

    static final String WIDTHS = """
            return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth};""";

    private PageScripts() {}
}
