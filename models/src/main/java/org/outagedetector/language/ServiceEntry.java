package org.outagedetector.language;

import java.util.List;

/**
 * One service people complain about. {@code name} is the canonical lowercase key that alerts carry;
 * the lists hold every way posts refer to it, and {@code providers} the platforms it runs on (for
 * correlating a provider outage with the services it takes down).
 */
public record ServiceEntry(String name, String displayName, String category, List<String> aliases,
                           List<String> handles, List<String> hashtags, List<String> domains,
                           List<String> providers) implements java.io.Serializable {

    public ServiceEntry {
        aliases = List.copyOf(aliases);
        handles = List.copyOf(handles);
        hashtags = List.copyOf(hashtags);
        domains = List.copyOf(domains);
        providers = List.copyOf(providers);
    }
}
