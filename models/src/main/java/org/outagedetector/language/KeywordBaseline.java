package org.outagedetector.language;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The yardstick the language step has to beat: a post is an outage report when it contains an outage
 * keyword, and the service is the first word the catalog resolves. No context, no other senses.
 */
final class KeywordBaseline {

    private static final Pattern KEYWORDS = Pattern.compile("(?i)\\b(?:down|outage|not working|not loading|won'?t load|"
            + "crash(?:ed|ing)?|can'?t log ?in|se cay[oó]|ca[ií]do|caiu|fora do ar|no funciona|panne|st[öo]rung|"
            + "funktioniert nicht|geht nicht)\\b|落ち|繋がらない|障害|挂了|崩了|打不开");

    private final ServiceCatalog catalog;

    KeywordBaseline(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    boolean outage(String text) {
        return KEYWORDS.matcher(text).find();
    }

    String service(String text) {
        for (String word : text.split("[\\s,.!?¿¡:;\"()]+")) {
            Optional<ServiceEntry> entry = catalog.resolve(word);
            if (entry.isPresent()) {
                return entry.get().name();
            }
        }
        return null;
    }
}
