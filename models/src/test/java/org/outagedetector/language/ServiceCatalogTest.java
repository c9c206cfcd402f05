package org.outagedetector.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceCatalogTest {

    private final ServiceCatalog catalog = ServiceCatalog.shared();

    @Test
    void holdsAtLeastThreeHundredFullyDescribedServices() {
        assertThat(catalog.services()).hasSizeGreaterThanOrEqualTo(300);
        Set<String> categories = new HashSet<>();
        for (ServiceEntry entry : catalog.services()) {
            assertThat(entry.name()).matches("[a-z0-9][a-z0-9-]*");
            assertThat(entry.domains()).as(entry.name()).isNotEmpty();
            assertThat(entry.hashtags()).as(entry.name()).isNotEmpty();
            assertThat(entry.providers()).as(entry.name()).isNotEmpty();
            categories.add(entry.category());
        }
        assertThat(categories).contains("social", "messaging", "email", "streaming", "gaming", "cloud", "cdn",
                "telecom", "isp", "bank", "airline", "devtools", "ai");
    }

    @ParameterizedTest(name = "{0} -> twitter")
    @ValueSource(strings = {"twitter", "Twitter", "TWITTER", "@twitter", "@TwitterSupport", "#twitterdown", "#TwitterDown",
            "twitter.com", "https://twitter.com/home", "x.com", "www.x.com", "X", "twiter", "Twitter's"})
    void resolvesTwitterFromEveryWayPostsNameIt(String mention) {
        assertThat(catalog.resolve(mention)).map(ServiceEntry::name).contains("twitter");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "@XboxSupport, xbox-live", "@AskPlayStation, playstation-network", "@SpotifyCares, spotify",
            "#gmaildown, gmail", "#PSNdown, playstation-network", "#WhatsAppCaido, whatsapp", "mail.google.com, gmail",
            "You Tube, youtube", "youtube, youtube", "@TeamYouTube, youtube", "@YouTubeTV, youtube-tv",
            "Bank of America, bank-of-america", "bofa, bank-of-america", "netflx, netflix", "PSN, playstation-network",
            "chatgpt, chatgpt", "chat gpt, chatgpt", "ChatGPT, chatgpt", "@AnthropicAI, claude", "claude.ai, claude",
            "registry.npmjs.org, npm", "us-east-1, aws", "AT&T, att", "Telekom, deutsche-telekom", "@AppleSupport, apple",
            "ツイッター, twitter", "微信, wechat", "Microsoft Teams, microsoft-teams", "@MSFT365Status, microsoft-365"})
    void resolvesHandlesHashtagsDomainsAliasesAndVariants(String mention, String name) {
        assertThat(catalog.resolve(mention)).as(mention).map(ServiceEntry::name).contains(name);
    }

    @Test
    void runningTextNeverPicksUpAmbiguousAliases() {
        assertThat(catalog.resolveInText("x")).isEmpty();
        assertThat(catalog.resolveInText("steam")).isEmpty();
        assertThat(catalog.resolveInText("twitter")).map(ServiceEntry::name).contains("twitter");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Floopmail, floopmail", "@floopmail, floopmail", "#FloopMailDown, floopmail", "Floop Mail, floopmail",
            "status.floopmail.co.uk, floopmail", "  YouTube , youtube", "#gmaildown, gmail"})
    void normalizesKnownAndUnknownNames(String raw, String normalized) {
        assertThat(catalog.normalize(raw)).isEqualTo(normalized);
    }

    @Test
    void unknownNamesDoNotResolve() {
        assertThat(catalog.resolve("floopmail")).isEmpty();
        assertThat(catalog.resolve("")).isEmpty();
        assertThat(catalog.resolve(null)).isEmpty();
    }
}
