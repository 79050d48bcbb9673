package com.logishift.support.ticket.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML-only mail: scripts, styles and embedded objects go, the mail clients' quoted
 * history goes (Gmail's {@code gmail_quote}, Apple Mail's and Thunderbird's {@code blockquote type=cite},
 * Outlook's {@code appendonsend} / {@code divRplyFwdMsg} and everything after it), and block elements
 * become line breaks. Nothing of the HTML survives as markup: the result is stored as plain text.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "hr", "table", "ul", "ol", "section", "article", "header", "footer");

    private HtmlText() {
    }

    static String text(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title, noscript, iframe, object, embed, template, svg, math, form")
                .remove();
        for (Element quote : document.select(".gmail_quote, blockquote[type=cite], .moz-cite-prefix, .yahoo_quoted")) {
            if (!forwarded(quote)) {
                quote.remove();
            }
        }
        // Outlook puts its reply header and the quoted mail after these markers, as siblings
        for (Element marker : document.select("#appendonsend, #divRplyFwdMsg, #mail-editor-reference-message-container")) {
            removeFrom(marker);
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newline(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())
                        && !"br".equals(element.normalName())) {
                    newline(out);
                }
            }
        }, document.body() == null ? document : document.body());
        return out.toString().replaceAll("[ \\t\\u00a0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static boolean forwarded(Element quote) {
        String text = quote.text();
        return text.contains("Forwarded message") || text.contains("Weitergeleitete Nachricht");
    }

    /** Removes the element, its following siblings, and the same for each ancestor up to the body. */
    private static void removeFrom(Element marker) {
        Element current = marker;
        while (current != null && !"body".equals(current.normalName())) {
            Element parent = current.parent();
            while (current.nextSibling() != null) {
                current.nextSibling().remove();
            }
            if (current == marker) {
                current.remove();
            }
            current = parent;
        }
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0) {
            out.append('\n'); // runs of them are folded to one blank line at the end
        }
    }
}
