package org.outagedetector.alerting.report;

/** Text into HTML and inline SVG. Post texts come from strangers, so every string goes through here. */
final class Html {

    private Html() {}

    /**
     * Escapes the five characters that can open markup or end an attribute, and replaces control
     * characters that XML forbids, so the inline SVG stays well-formed whatever a post contains.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
