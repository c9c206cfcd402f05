package org.outagedetector.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Finds the services a post names, in running text and in the slots the outage phrases point at. */
final class ServiceMentions {

    /** Words around a name that belong to the complaint, not the name: "the twitter app", "my chase account". */
    private static final Set<String> LEADING = Set.copyOf(List.of("the", "my", "our", "your", "his", "her", "their", "this", "that",
            "a", "an", "is", "so", "and", "but", "or", "also", "even", "again", "lol", "rn", "omg", "bro", "why",
            "el", "la", "los", "las", "o", "a", "os", "as", "le", "les", "l'", "mon", "ma", "mes", "der", "die", "das",
            "mein", "meine", "de", "do", "da", "no", "na", "en", "del", "du", "des", "bei", "mit", "von", "im"));
    private static final Set<String> TRAILING = Set.copyOf(List.of("app", "apps", "site", "website", "server", "servers", "page",
            "account", "accounts", "service", "services", "platform", "again", "today", "rn", "now", "right", "still",
            "'s", "is", "are", "too", "also", "web", "online", "login", "network", "?", "!", ".", ",", "…", ":",
            "ne", "n'", "se", "no", "não", "nao", "est", "ist", "sind", "está", "esta", "tá", "ta", "es", "il",
            // auxiliaries and adverbs a greedy subject slot swallows before the symptom: "hulu keeps buffering"
            "keeps", "keep", "has", "have", "been", "just", "so", "totally", "completely", "literally", "being", "always",
            "constantly", "super", "absolutely", "fully"));
    /** A context-only alias this short ("X") counts only written in capitals, as a name is; "yt", "ig", "fb" need not be. */
    private static final int SHORT_ALIAS = 1;

    private final ServiceCatalog catalog;

    ServiceMentions(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every catalog service named anywhere in the post by handle, hashtag, domain or unambiguous name. */
    List<ServiceMention> inText(List<String> tokens) {
        List<ServiceMention> found = new ArrayList<>();
        int maxSpan = catalog.longestKeyTokens();
        // Each word keyed once (see Names.compactInner), not once per span it starts or ends.
        String[] last = new String[tokens.size()];
        String[] inner = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            last[i] = Names.compact(tokens.get(i));
            inner[i] = Names.compactInner(tokens.get(i));
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            Optional<ServiceEntry> marked = marked(token);
            if (marked.isPresent()) {
                found.add(new ServiceMention(marked.get().name(), marked.get(), i, i));
                continue;
            }
            if (!isWordy(token)) {
                continue; // no name starts at punctuation or an emoji
            }
            for (int span = Math.min(maxSpan, tokens.size() - i); span >= 1; span--) {
                key.setLength(0);
                for (int t = i; t < i + span - 1; t++) {
                    key.append(inner[t]);
                }
                key.append(last[i + span - 1]);
                Optional<ServiceEntry> named = catalog.resolveInText(key.toString());
                if (named.isPresent()) {
                    found.add(new ServiceMention(named.get().name(), named.get(), i, i + span - 1));
                    i += span - 1;
                    break;
                }
            }
        }
        return found;
    }

    /**
     * The service in an outage phrase's subject slot, tokens {@code first..last}: a catalog entry (ambiguous
     * aliases allowed here, since the phrase says a service belongs there), else an open-world name.
     * {@code before} says whether the slot precedes the phrase (name at its end) or follows it (at its start).
     */
    Optional<ServiceMention> inSlot(List<String> tokens, int first, int last, boolean before) {
        int lo = first;
        int hi = last;
        while (lo <= hi && LEADING.contains(lower(tokens.get(lo)))) {
            lo++;
        }
        while (hi >= lo && TRAILING.contains(lower(tokens.get(hi)))) {
            hi--;
        }
        if (lo > hi) {
            return Optional.empty();
        }
        // Longest name touching the phrase first: "bank of america is down", "the new twitter is down".
        for (int len = hi - lo + 1; len >= 1; len--) {
            int from = before ? hi - len + 1 : lo;
            int to = from + len - 1;
            Optional<ServiceEntry> entry = slotEntry(tokens.subList(from, to + 1));
            if (entry.isPresent()) {
                return Optional.of(new ServiceMention(entry.get().name(), entry.get(), from, to));
            }
        }
        // Then a catalog name anywhere in the slot before an unknown word: "venmo payments failing", "discord voice keeps cutting out".
        for (int len = hi - lo; len >= 1; len--) {
            for (int from = lo; from + len - 1 <= hi; from++) {
                Optional<ServiceEntry> entry = slotEntry(tokens.subList(from, from + len));
                if (entry.isPresent()) {
                    return Optional.of(new ServiceMention(entry.get().name(), entry.get(), from, from + len - 1));
                }
            }
        }
        return openWorld(tokens, lo, hi, before);
    }

    /**
     * Whether the mention names its service unambiguously (a handle, hashtag, domain or a name that is not also
     * an ordinary word), as {@link #inText} requires: "messages" in a slot may be iMessage, but not over a
     * "discord" named in the same post.
     */
    boolean unambiguous(List<String> tokens, ServiceMention mention) {
        if (mention.firstToken() == mention.lastToken() && marked(tokens.get(mention.firstToken())).isPresent()) {
            return true;
        }
        return catalog.resolveInText(Names.compact(String.join(" ", tokens.subList(mention.firstToken(), mention.lastToken() + 1)))).isPresent();
    }

    private Optional<ServiceEntry> slotEntry(List<String> words) {
        if (words.size() == 1) {
            String word = words.get(0);
            Optional<ServiceEntry> marked = marked(word);
            if (marked.isPresent()) {
                return marked;
            }
            if (Names.compact(word).length() <= SHORT_ALIAS && !word.equals(word.toUpperCase(Locale.ROOT))) {
                return catalog.resolveName(word, false);
            }
        }
        return catalog.resolveName(String.join(" ", words), true);
    }

    private Optional<ServiceEntry> marked(String token) {
        if (token.length() > 1 && (token.startsWith("@") || token.startsWith("#"))) {
            return catalog.resolve(token);
        }
        if (ServiceCatalog.looksLikeDomain(token)) {
            return catalog.resolveDomain(token);
        }
        return Optional.empty();
    }

    /** An unknown name where a service belongs: one word, or two when the last is generic ("Floop Mail"). */
    private Optional<ServiceMention> openWorld(List<String> tokens, int lo, int hi, boolean before) {
        int at = before ? hi : lo;
        String word = tokens.get(at);
        if (word.startsWith("@")) {
            return Optional.empty(); // a person's handle, not a service
        }
        String name = catalog.normalize(word);
        if (!plausibleName(word, name)) {
            return Optional.empty();
        }
        if (before && at > lo && plausibleName(tokens.get(at - 1), Names.compact(tokens.get(at - 1)))
                && Character.isUpperCase(tokens.get(at - 1).codePointAt(0)) && Character.isUpperCase(word.codePointAt(0))) {
            return Optional.of(new ServiceMention(Names.compact(tokens.get(at - 1) + word), null, at - 1, at));
        }
        return Optional.of(new ServiceMention(name, null, at, at));
    }

    private static boolean plausibleName(String word, String name) {
        return name.length() >= 2 && name.length() <= 30 && name.codePoints().anyMatch(Character::isLetter)
                && !CommonWords.contains(name) && !CommonWords.contains(lower(word)) && isWordy(word);
    }

    private static boolean isWordy(String token) {
        int c = token.codePointAt(0);
        return Character.isLetterOrDigit(c) || c == '@' || c == '#';
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
