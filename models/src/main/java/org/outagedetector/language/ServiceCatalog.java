package org.outagedetector.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The services people complain about, read from {@code catalog/services.tsv}, and every way to name one:
 * canonical name, alias, @handle, #hashtag, domain, case and spelling variants.
 *
 * <p>Aliases written with a leading {@code ~} in the file are ordinary words as well as names ("X",
 * "Steam", "Chase"): they resolve when asked explicitly or in the subject slot of an outage phrase,
 * but a scan of running text never picks them up on its own.
 */
public final class ServiceCatalog {

    static final String RESOURCE = "/catalog/services.tsv";
    private static final int COLUMNS = 8;
    /** Suffixes people glue to a name in hashtags: #gmaildown, #whatsappcaido, #steamausfall. */
    private static final List<String> HASHTAG_SUFFIXES = List.of("isdown", "down", "outage", "offline",
            "notworking", "caido", "caida", "caiu", "foradoar", "panne", "ausfall", "störung", "storung");
    private static final Pattern SCHEME = Pattern.compile("^[a-z]+://");
    /** Names shorter than this are too easy to hit by a one-letter typo to be matched fuzzily. */
    private static final int MIN_FUZZY_LENGTH = 6;

    private static volatile ServiceCatalog shared;

    private final List<ServiceEntry> services;
    private final Map<String, ServiceEntry> byKey = new HashMap<>();
    private final Set<String> contextOnlyKeys = new HashSet<>();
    private final Map<String, ServiceEntry> byHandle = new HashMap<>();
    private final Map<String, ServiceEntry> byHashtag = new HashMap<>();
    private final Map<String, ServiceEntry> byDomain = new HashMap<>();
    /** One-deletion neighbourhood of every long key, for typo-tolerant lookup ("instagarm"). */
    private final Map<String, Set<String>> byDeletion = new HashMap<>();
    private final List<String> cjkAliases = new ArrayList<>();
    private final int longestKeyTokens;

    ServiceCatalog(List<CatalogLine> lines) {
        List<ServiceEntry> entries = new ArrayList<>();
        Map<String, List<ServiceEntry>> handleOwners = new HashMap<>();
        Map<String, List<ServiceEntry>> domainOwners = new HashMap<>();
        int longest = 1;
        for (CatalogLine line : lines) {
            ServiceEntry entry = line.entry();
            entries.add(entry);
            index(entry, line.contextOnlyAliases());
            for (String handle : entry.handles()) {
                handleOwners.computeIfAbsent(handle.replaceFirst("^@", "").toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(entry);
            }
            for (String domain : entry.domains()) {
                domainOwners.computeIfAbsent(domain.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(entry);
            }
            for (String alias : entry.aliases()) {
                longest = Math.max(longest, alias.split("[\\s-]+").length);
            }
            longest = Math.max(longest, entry.displayName().split("[\\s-]+").length);
        }
        handleOwners.forEach((handle, owners) -> byHandle.put(handle, closestOwner(handle, owners)));
        domainOwners.forEach((domain, owners) -> byDomain.put(domain, closestOwner(domain, owners)));
        this.services = Collections.unmodifiableList(entries);
        this.longestKeyTokens = longest;
    }

    /**
     * One support handle or domain often serves several products (@AppleSupport, live.com); it belongs to
     * the entry whose own name it spells out most fully (@TeamYouTube: youtube, @YouTubeTV: youtube-tv),
     * else to the first entry in the file, which lists umbrella services before their products.
     */
    private static ServiceEntry closestOwner(String token, List<ServiceEntry> owners) {
        String t = Names.compact(token);
        ServiceEntry best = owners.get(0);
        int bestLength = 0;
        for (ServiceEntry owner : owners) {
            for (String name : namesOf(owner)) {
                String key = Names.compact(name);
                if (key.length() > bestLength && t.contains(key)) {
                    best = owner;
                    bestLength = key.length();
                }
            }
        }
        return best;
    }

    private static List<String> namesOf(ServiceEntry entry) {
        List<String> names = new ArrayList<>();
        names.add(entry.name());
        names.add(entry.displayName());
        names.addAll(entry.aliases());
        return names;
    }

    /** The catalog bundled with this module, read once per JVM. */
    public static ServiceCatalog shared() {
        ServiceCatalog catalog = shared;
        if (catalog == null) {
            synchronized (ServiceCatalog.class) {
                catalog = shared;
                if (catalog == null) {
                    catalog = fromClasspath();
                    shared = catalog;
                }
            }
        }
        return catalog;
    }

    static ServiceCatalog fromClasspath() {
        try (InputStream in = ServiceCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("service catalog " + RESOURCE + " is not on the classpath");
            }
            return new ServiceCatalog(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read service catalog " + RESOURCE, e);
        }
    }

    /** Every catalog entry, in file order. */
    public List<ServiceEntry> services() {
        return services;
    }

    /** The entry a mention refers to: a name, alias, @handle, #hashtag, domain or URL, or a close misspelling. */
    public Optional<ServiceEntry> resolve(String mention) {
        if (mention == null || mention.isBlank()) {
            return Optional.empty();
        }
        String m = mention.strip();
        if (m.startsWith("@")) {
            return resolveHandle(m.substring(1));
        }
        if (m.startsWith("#")) {
            return resolveHashtag(m.substring(1));
        }
        if (looksLikeDomain(m)) {
            Optional<ServiceEntry> byHost = resolveDomain(m);
            if (byHost.isPresent()) {
                return byHost;
            }
        }
        return resolveName(m, true);
    }

    /** The canonical name when the catalog knows the service, else the open-world form: {@link Names#compact}. */
    public String normalize(String rawName) {
        Optional<ServiceEntry> known = resolve(rawName);
        if (known.isPresent()) {
            return known.get().name();
        }
        String m = rawName.strip();
        if (m.startsWith("@")) {
            m = m.substring(1);
        } else if (m.startsWith("#")) {
            m = stripHashtagSuffix(Names.compact(m.substring(1)));
        } else if (looksLikeDomain(m)) {
            m = registrableLabel(host(m));
        }
        return Names.compact(m);
    }

    Optional<ServiceEntry> resolveHandle(String handle) {
        String h = handle.toLowerCase(Locale.ROOT);
        ServiceEntry entry = byHandle.get(h);
        return entry != null ? Optional.of(entry) : resolveName(h, false);
    }

    Optional<ServiceEntry> resolveHashtag(String tag) {
        String t = Names.compact(tag);
        ServiceEntry entry = byHashtag.get(t);
        if (entry != null) {
            return Optional.of(entry);
        }
        String stem = stripHashtagSuffix(t);
        return stem.equals(t) ? resolveName(t, false) : resolveName(stem, true);
    }

    Optional<ServiceEntry> resolveDomain(String urlOrDomain) {
        String host = host(urlOrDomain);
        while (host.contains(".")) {
            ServiceEntry entry = byDomain.get(host);
            if (entry != null) {
                return Optional.of(entry);
            }
            host = host.substring(host.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    /**
     * A name as written in text. {@code allowContextOnly} admits ambiguous aliases ("X", "Steam"); only
     * callers that already know the words sit where a service name belongs should set it.
     */
    Optional<ServiceEntry> resolveName(String raw, boolean allowContextOnly) {
        String key = Names.compact(raw);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        ServiceEntry entry = byKey.get(key);
        if (entry != null) {
            return allowContextOnly || !contextOnlyKeys.contains(key) ? Optional.of(entry) : Optional.empty();
        }
        return allowContextOnly ? resolveTypo(key) : Optional.empty();
    }

    /** Scan lookup for running text: exact keys only, never the ambiguous ones. */
    Optional<ServiceEntry> resolveInText(String key) {
        return contextOnlyKeys.contains(key) ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    /** "#gmaildown", "#WhatsAppCaido", "#floopmaildown": a hashtag that is itself an outage report about its stem. */
    static boolean isOutageHashtag(String token) {
        if (!token.startsWith("#")) {
            return false;
        }
        String tag = Names.compact(token.substring(1));
        return !stripHashtagSuffix(tag).equals(tag);
    }

    List<String> cjkAliases() {
        return cjkAliases;
    }

    int longestKeyTokens() {
        return longestKeyTokens;
    }

    private Optional<ServiceEntry> resolveTypo(String key) {
        if (key.length() < MIN_FUZZY_LENGTH) {
            return Optional.empty();
        }
        Set<String> candidates = new HashSet<>();
        addAll(candidates, byDeletion.get(key));
        for (int i = 0; i < key.length(); i++) {
            String deleted = key.substring(0, i) + key.substring(i + 1);
            if (byKey.containsKey(deleted) && deleted.length() >= MIN_FUZZY_LENGTH) {
                candidates.add(deleted);
            }
            addAll(candidates, byDeletion.get(deleted));
        }
        Set<ServiceEntry> matches = new HashSet<>();
        for (String candidate : candidates) {
            if (!contextOnlyKeys.contains(candidate)) {
                matches.add(byKey.get(candidate));
            }
        }
        // Two services one typo away from the input: guessing would be worse than not knowing.
        return matches.size() == 1 ? Optional.of(matches.iterator().next()) : Optional.empty();
    }

    private static void addAll(Set<String> into, Set<String> from) {
        if (from != null) {
            into.addAll(from);
        }
    }

    private void index(ServiceEntry entry, Set<String> contextOnlyAliases) {
        for (String name : namesOf(entry)) {
            String key = Names.compact(name);
            if (key.isEmpty()) {
                continue;
            }
            byKey.putIfAbsent(key, entry);
            if (contextOnlyAliases.contains(key)) {
                contextOnlyKeys.add(key);
            }
            for (String suffix : HASHTAG_SUFFIXES) {
                byHashtag.putIfAbsent(key + suffix, entry);
            }
            if (key.length() >= MIN_FUZZY_LENGTH) {
                for (int i = 0; i < key.length(); i++) {
                    byDeletion.computeIfAbsent(key.substring(0, i) + key.substring(i + 1), k -> new HashSet<>()).add(key);
                }
            }
            if (Names.containsCjk(name)) {
                cjkAliases.add(name);
            }
        }
        for (String tag : entry.hashtags()) {
            byHashtag.putIfAbsent(Names.compact(tag), entry);
        }
    }

    /** Compiled once: {@code String.matches} compiled this pattern anew for every token of every post. */
    private static final Pattern DOMAIN = Pattern.compile("(?i)([a-z]+://)?([a-z0-9-]+\\.)+[a-z]{2,}(/\\S*)?");

    static boolean looksLikeDomain(String s) {
        // A domain has a dot; most tokens have none and need no regex at all.
        return s.indexOf('.') > 0 && DOMAIN.matcher(s).matches();
    }

    private static String host(String urlOrDomain) {
        String h = SCHEME.matcher(urlOrDomain.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        int slash = h.indexOf('/');
        if (slash >= 0) {
            h = h.substring(0, slash);
        }
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /** "status.floopmail.co.uk" → "floopmail": the label a person would call the service by. */
    private static String registrableLabel(String host) {
        String[] labels = host.split("\\.");
        int i = labels.length - 2;
        if (i > 0 && labels[i].length() <= 3 && labels[labels.length - 1].length() == 2) {
            i--; // second-level country domains such as co.uk, com.br
        }
        return labels[Math.max(i, 0)];
    }

    private static String stripHashtagSuffix(String tag) {
        for (String suffix : HASHTAG_SUFFIXES) {
            String s = Names.compact(suffix);
            if (tag.endsWith(s) && tag.length() > s.length()) {
                return tag.substring(0, tag.length() - s.length());
            }
        }
        return tag;
    }

    /** One parsed line of the catalog file. */
    record CatalogLine(ServiceEntry entry, Set<String> contextOnlyAliases) {
    }

    /**
     * Parses the tab-separated catalog: name, display name, category, aliases, handles, hashtags, domains,
     * providers; lists comma-separated, "-" for none, lines starting with '#' are comments.
     */
    static List<CatalogLine> parse(BufferedReader reader) throws IOException {
        List<CatalogLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != COLUMNS) {
                throw new IllegalArgumentException("catalog line " + number + ": expected " + COLUMNS
                        + " tab-separated columns, found " + cols.length);
            }
            String name = cols[0].strip();
            if (!name.matches("[a-z0-9][a-z0-9-]*") || !seen.add(name)) {
                throw new IllegalArgumentException("catalog line " + number + ": bad or duplicate name '" + name + "'");
            }
            Set<String> contextOnly = new HashSet<>();
            List<String> aliases = new ArrayList<>();
            for (String alias : list(cols[3])) {
                if (alias.startsWith("~")) {
                    alias = alias.substring(1);
                    contextOnly.add(Names.compact(alias));
                }
                aliases.add(alias);
            }
            lines.add(new CatalogLine(new ServiceEntry(name, cols[1].strip(), cols[2].strip(), aliases,
                    list(cols[4]), list(cols[5]), list(cols[6]), list(cols[7])), contextOnly));
        }
        return lines;
    }

    private static List<String> list(String column) {
        String c = column.strip();
        if (c.equals("-") || c.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(c.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
