package org.outagedetector.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.outagedetector.language.PhraseHit.Strength;

/**
 * The language step: is this post an outage report, about which service, what kind of problem.
 * Loaded once per JVM (all task slots of a TaskManager share it), thread-safe.
 *
 * <p>A post goes through a keyword prefilter, then the OpenNLP tokenizer and a sense-aware second look
 * ({@link #read}), then the outage phrases its words can trigger, which also point at where the service name
 * sits; the service is resolved against the catalog, falling back to an open-world name; the model confirms.
 */
public final class OutageLanguage {

    /** What is down when no service is named: "my internet is down" is an outage report without a service. */
    private static final Set<String> GENERIC_SUBJECTS = Set.of("internet", "wifi", "wi-fi", "network", "signal",
            "connection", "broadband", "fiber", "fibre", "data", "cell", "lte", "4g", "5g", "service", "servers",
            "server", "email", "internet connection", "red", "rede", "réseau", "reseau", "netz", "sinal", "señal", "senal", "bars",
            "reception", "connectivity", "servicio", "serviço", "servico", "conexión", "conexion", "conexão", "conexao", "connexion",
            "empfang", "dsl", "verbindung", "datos", "dados");

    /** Subjects that are people: a phrase about one of them is not about a service. */
    private static final Set<String> PEOPLE = Set.of("i", "he", "she", "we", "they", "you", "u", "me", "him", "her", "us", "them",
            "someone", "somebody", "yo", "él", "ella", "eu", "ele", "je", "il", "elle", "ich", "er", "sie", "wir");

    /** Below this outage probability the model vetoes what the phrases found. */
    static final double CONFIRM = 0.3;
    /** Above this, the model alone makes a post naming a catalog service an outage report. */
    static final double OVERRULE = 0.9;
    private static final String SERVICE_PLACEHOLDER = "<svc>";

    private static volatile OutageLanguage shared;

    private final ServiceMentions mentions;
    private final CjkRules cjk;
    private final Tokenizers tokenizers;
    /** Null while training the classifier itself: the verdict then comes from the rules alone. */
    private final OutageClassifier classifier;

    OutageLanguage(ServiceCatalog catalog, Tokenizers tokenizers, OutageClassifier classifier) {
        this.mentions = new ServiceMentions(catalog);
        this.cjk = new CjkRules(catalog);
        this.tokenizers = tokenizers;
        this.classifier = classifier;
    }

    /** The instance every caller in this JVM shares; the catalog and models are read on first use. */
    public static OutageLanguage shared() {
        OutageLanguage language = shared;
        if (language == null) {
            synchronized (OutageLanguage.class) {
                language = shared;
                if (language == null) {
                    language = new OutageLanguage(ServiceCatalog.shared(), new Tokenizers(), OutageClassifier.fromClasspath());
                    shared = language;
                }
            }
        }
        return language;
    }

    /**
     * @param text the post's text
     * @param lang the post's {@code lang} field (BCP 47 or ISO 639-1), may be null
     */
    public Verdict classify(String text, String lang) {
        if (text == null || text.isBlank()) {
            return Verdict.notOutage(0.0, LanguageGuess.of("", lang));
        }
        String language = LanguageGuess.of(text, lang);
        Reading reading = read(text, language);
        if (reading == null) {
            return Verdict.notOutage(0.0, language);
        }
        if (reading.tokens == null) {
            return classifyCjk(text, language);
        }
        TextTokens tokens = reading.tokens;
        List<PhraseHit> hits = OutagePhrases.find(tokens, reading.neutralized);
        List<ServiceMention> named = reading.named;
        Verdict byRules = decide(tokens, hits, named, language, text);
        if (classifier == null) {
            return byRules;
        }
        double p = classifier.probability(features(tokens, reading.neutralized, hits, named));
        if (byRules.outage()) {
            return p >= CONFIRM ? withConfidence(byRules, p) : Verdict.notOutage(p, language);
        }
        // The model may overrule the phrases only for a named catalog service and only when it is sure.
        if (p >= OVERRULE && !named.isEmpty()) {
            return new Verdict(true, named.get(0).name(), true, ProblemKinds.of(text), p, language);
        }
        return Verdict.notOutage(Math.min(p, byRules.confidence()), language);
    }

    /**
     * Whether a post gets past both cheap looks and on to the phrases and the model (for CJK posts: the
     * idiom rules); {@link LanguageBenchmark} reports the share that does.
     */
    boolean passesPrefilter(String text, String lang) {
        return text != null && !text.isBlank() && read(text, LanguageGuess.of(text, lang)) != null;
    }

    /**
     * The two cheap looks. First the keyword prefilter on the raw text ({@link Prefilter}); most posts stop
     * there. Then, for Latin-script posts, the normalized words with the other senses of the outage words
     * blanked ("I'm down for pizza", "my car broke down", "down 3-0"): when no phrase rule's trigger word is
     * left, the post has no hashtag and names no catalog service (name, handle, domain), the full path could
     * only say "not an outage" (no phrase can fire, no outage hashtag, nothing for the model to overrule on),
     * so it stops here without the phrase patterns, the model or the problem kinds.
     *
     * @return null when the post stops; a reading without tokens for Japanese and Chinese, which have their own rules
     */
    private Reading read(String text, String language) {
        if (!Prefilter.mayReport(text)) {
            return null;
        }
        if (language.equals("ja") || language.equals("zh")) {
            return new Reading(null, null, List.of());
        }
        TextTokens tokens = TextTokens.of(text, tokenizers.forLanguage(language));
        String neutralized = HardNegatives.neutralize(tokens.joined);
        boolean phrases = OutagePhrases.anyTriggered(neutralized);
        List<ServiceMention> named = mentions.inText(tokens.original);
        if (!phrases && named.isEmpty() && text.indexOf('#') < 0) {
            return null;
        }
        return new Reading(tokens, neutralized, named);
    }

    /** A post past the cheap looks: its tokens, its normalized words with other senses blanked, the services it names. */
    private record Reading(TextTokens tokens, String neutralized, List<ServiceMention> named) {
    }

    /**
     * What the classifier reads: the normalized words without the other senses of the outage words
     * ({@link HardNegatives}), every named service replaced by one placeholder so the model learns phrasing
     * rather than which services tend to break, and the names of the outage phrases that fired.
     */
    String[] features(String text, String lang) {
        String language = LanguageGuess.of(text, lang);
        TextTokens tokens = TextTokens.of(text, tokenizers.forLanguage(language));
        String neutralized = HardNegatives.neutralize(tokens.joined);
        return features(tokens, neutralized, OutagePhrases.find(tokens, neutralized), mentions.inText(tokens.original));
    }

    private static String[] features(TextTokens tokens, String neutralized, List<PhraseHit> hits, List<ServiceMention> named) {
        boolean[] isService = new boolean[tokens.original.size()];
        for (ServiceMention m : named) {
            for (int t = m.firstToken(); t <= m.lastToken(); t++) {
                isService[t] = true;
            }
        }
        String[] words = neutralized.split(" ");
        List<String> features = new ArrayList<>(words.length + hits.size());
        for (int w = 0; w < words.length; w++) {
            // Blanked words are left out rather than marked: a marker taught the model that any other sense in a
            // post means "not an outage", so "I'm down for pizza but is slack down?" was vetoed.
            if (words[w].startsWith("~")) {
                continue;
            }
            String word = isService[tokens.tokenOf(w)] ? SERVICE_PLACEHOLDER : words[w];
            if (features.isEmpty() || !word.equals(SERVICE_PLACEHOLDER) || !features.get(features.size() - 1).equals(word)) {
                features.add(word);
            }
        }
        for (PhraseHit hit : hits) {
            features.add("rule=" + hit.rule());
        }
        return features.toArray(String[]::new);
    }

    private static Verdict withConfidence(Verdict v, double confidence) {
        return new Verdict(v.outage(), v.service(), v.verified(), v.problemKind(), confidence, v.language());
    }

    private Verdict classifyCjk(String text, String language) {
        int idiom = CjkRules.idiom(text, language);
        if (idiom < 0) {
            return Verdict.notOutage(0.1, language);
        }
        Optional<ServiceMention> service = cjk.service(text, idiom);
        if (service.isEmpty()) {
            return Verdict.notOutage(0.3, language);
        }
        ServiceMention s = service.get();
        return new Verdict(true, s.name(), s.verified(), ProblemKinds.of(text), s.verified() ? 0.85 : 0.7, language);
    }

    private Verdict decide(TextTokens tokens, List<PhraseHit> hits, List<ServiceMention> named, String language, String text) {
        List<String> words = tokens.original;
        ServiceMention slotVerified = null;
        Strength slotVerifiedStrength = null;
        ServiceMention slotOpen = null;
        Strength slotOpenStrength = null;
        Strength strongest = null;
        boolean generic = false;
        for (int t = 0; t < words.size(); t++) {
            if (ServiceCatalog.isOutageHashtag(words.get(t))) {
                strongest = Strength.STRONG;
                Optional<ServiceMention> m = mentions.inSlot(words, t, t, true);
                if (m.isPresent() && m.get().verified() && slotVerified == null) {
                    slotVerified = m.get();
                    slotVerifiedStrength = Strength.STRONG;
                } else if (m.isPresent() && !m.get().verified() && slotOpen == null) {
                    slotOpen = m.get();
                    slotOpenStrength = Strength.STRONG;
                }
            }
        }
        for (PhraseHit hit : hits) {
            if (!hit.hasSubject()) {
                strongest = stronger(strongest, hit.strength());
                continue;
            }
            int first = tokens.tokenOf(hit.subjectFirst());
            int last = tokens.tokenOf(hit.subjectLast());
            if (PEOPLE.contains(words.get(hit.subjectBefore() ? last : first).toLowerCase(java.util.Locale.ROOT))) {
                continue; // "when he went down in the final", "i keep crashing": about a person, whatever service the post names
            }
            strongest = stronger(strongest, hit.strength());
            Optional<ServiceMention> m = mentions.inSlot(words, first, last, hit.subjectBefore());
            if (m.isPresent() && m.get().verified()) {
                if (slotVerified == null || hit.strength().compareTo(slotVerifiedStrength) < 0) {
                    slotVerified = m.get();
                    slotVerifiedStrength = hit.strength();
                }
            } else if (m.isPresent() && hit.strength() != Strength.WEAK) {
                if (slotOpen == null || hit.strength().compareTo(slotOpenStrength) < 0) {
                    slotOpen = m.get();
                    slotOpenStrength = hit.strength();
                }
            } else if (hit.strength() != Strength.WEAK && namesGenericThing(words, first, last)) {
                generic = true;
            }
        }
        if (strongest == null) {
            return Verdict.notOutage(0.1, language);
        }
        // Problem kinds are read only for a post that is an outage report (their patterns cost as much as a rule scan).
        if (slotVerified != null && !named.isEmpty() && !mentions.unambiguous(words, slotVerified)) {
            String inSlot = slotVerified.name();
            if (named.stream().noneMatch(n -> n.name().equals(inSlot))) {
                slotVerified = named.get(0); // the post names another service outright; the slot's word was an ordinary one
            }
        }
        if (slotVerified != null) {
            double confidence = slotVerifiedStrength == Strength.STRONG ? 0.95 : slotVerifiedStrength == Strength.MEDIUM ? 0.85 : 0.6;
            return new Verdict(true, slotVerified.name(), true, ProblemKinds.of(text), confidence, language);
        }
        if (!named.isEmpty()) {
            double confidence = strongest == Strength.WEAK ? 0.6 : 0.8;
            return new Verdict(true, named.get(0).name(), true, ProblemKinds.of(text), confidence, language);
        }
        if (slotOpen != null) {
            return new Verdict(true, slotOpen.name(), false, ProblemKinds.of(text), slotOpenStrength == Strength.STRONG ? 0.75 : 0.65, language);
        }
        if (generic) {
            return new Verdict(true, null, false, ProblemKinds.of(text), 0.6, language);
        }
        return Verdict.notOutage(0.3, language);
    }

    private static Strength stronger(Strength a, Strength b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    private static boolean namesGenericThing(List<String> words, int first, int last) {
        for (int i = first; i <= last; i++) {
            if (GENERIC_SUBJECTS.contains(words.get(i).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
