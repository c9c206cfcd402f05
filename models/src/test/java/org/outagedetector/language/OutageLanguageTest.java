package org.outagedetector.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutageLanguageTest {

    private final OutageLanguage language = OutageLanguage.shared();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            is slack down?                                        | slack
            Slack is down                                         | slack
            twitter down?                                         | twitter
            twitter down again lol                                | twitter
            YouTube not working for anyone else?                  | youtube
            instagram not loading at all                          | instagram
            #gmaildown                                            | gmail
            ugh #TwitterDown again                                | twitter
            @SpotifyCares app won't load since this morning       | spotify
            @XboxSupport is xbox live down? can't sign in         | xbox-live
            Netflix outage right now??                            | netflix
            can't log in to my Chase account                      | chase
            can't log into chase app                              | chase
            Discord won't load                                    | discord
            tiktok keeps crashing every time i open it            | tiktok
            anyone else having problems with PSN tonight          | playstation-network
            is it just me or is reddit down                       | reddit
            Is X down? timeline won't refresh                     | twitter
            twitter.com is down for me                            | twitter
            is bank of america down? app says error               | bank-of-america
            whatsapp is down again 😭                              | whatsapp
            Is Steam down or is it just me                        | steam
            ChatGPT is down again, great                          | chatgpt
            claude.ai not loading                                 | claude
            github actions is down, builds stuck                  | github
            npm install failing with 503 from registry.npmjs.org  | npm
            instagarm not working                                 | instagram
            """)
    void recognisesEnglishOutageReports(String text, String service) {
        Verdict verdict = language.classify(text, "en");
        assertThat(verdict.outage()).as(text).isTrue();
        assertThat(verdict.service()).as(text).isEqualTo(service);
        assertThat(verdict.verified()).as(text).isTrue();
        assertThat(verdict.confidence()).isBetween(0.5, 1.0);
        assertThat(verdict.language()).isEqualTo("en");
    }

    /** Phrasings the templates lack (mixed senses, symptoms, no signal): right verdict and service; the model may be less sure. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            I'm down for pizza but is slack down?                 | slack
            yt so broken right now                                | youtube
            hulu keeps buffering then quits                       | hulu
            zoom keeps dropping my calls, anyone else?            | zoom
            venmo payments failing, anyone else?                  | venmo
            verizon has no service here                           | verizon
            hey @Ask_Spectrum no internet again in 78701          | spectrum
            no service on at&t since lunch                        | att
            discord servers are dying, messages wont send         | discord
            outlook stuck on "trying to connect" all morning      | outlook
            slack is slow today and messages fail to send         | slack
            down detector has like 20k reports for verizon        | verizon
            """)
    void recognisesLooserEnglishOutageReports(String text, String service) {
        Verdict verdict = language.classify(text, "en");
        assertThat(verdict.outage()).as(text).isTrue();
        assertThat(verdict.service()).as(text).isEqualTo(service);
        assertThat(verdict.verified()).as(text).isTrue();
        assertThat(verdict.confidence()).as(text).isBetween(OutageLanguage.CONFIRM, 1.0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "I'm down for pizza",
            "Netflix shares down 8%",
            "Google is shutting down Podcasts",
            "scroll down on insta to see it",
            "my car broke down on the highway",
            "calm down",
            "she is so down to earth",
            "the count down to Christmas begins",
            "my world turned upside down",
            "turn it down please",
            "we made the down payment on the house",
            "this game goes down in history",
            "we were down 3-0 at halftime",
            "Twitter stock is down again today",
            "Apple shares are down 3% after earnings",
            "the sun went down over the bay",
            "feeling down today",
            "my battery is dead",
            "I'm dead 💀",
            "the diet is not working",
            "I'm not working tomorrow",
            "power outage in my neighborhood",
            "my phone is broken",
            "just downloaded the new Spotify update",
            "Twitter is cracking down on bots",
            "Netflix let me down with that finale",
            "car crash on I-95",
            "taking a crash course in Rust",
            "are you down to play Fortnite tonight?",
            "lol it's not working out between us",
            "down bad for this new album",
            "Microsoft is winding down Skype",
            "the heat died down after sunset",
            "the crowd died down",
            "lol the wind is dying down",
            "i keep crashing my car lol",
            "facebook was down last night",
            "we had a slack outage yesterday, all good now",
            "remember when whatsapp went down for a day",
            "imagine gmail going down during finals",
            "if slack goes down tomorrow i'm taking the day off",
            "no service charge at this place, love it",
            "is the diet working for you?",
            "the app store is down to $5 for that game",
            "the stream went down in quality after an hour",
            "this bug in my code is killing me",
            "stuck in traffic for an hour",
            "the AC is down again and it is 90 degrees",
    })
    void ignoresOtherSensesOfOutageWords(String text) {
        Verdict verdict = language.classify(text, "en");
        assertThat(verdict.outage()).as(text).isFalse();
        assertThat(verdict.service()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            is floopmail down?               | floopmail
            floopmail is down for me         | floopmail
            #floopmaildown                   | floopmail
            Zorbly not working again         | zorbly
            anyone else having problems with zorbly? | zorbly
            """)
    void reportsUnknownServicesUnderAnOpenWorldName(String text, String service) {
        Verdict verdict = language.classify(text, null);
        assertThat(verdict.outage()).as(text).isTrue();
        assertThat(verdict.service()).isEqualTo(service);
        assertThat(verdict.verified()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            my internet is down again
            wifi not working since 6am
            no internet all morning, router lights all red
            """)
    void reportsUnnamedOutagesWithoutAService(String text) {
        Verdict verdict = language.classify(text, "en");
        assertThat(verdict.outage()).as(text).isTrue();
        assertThat(verdict.service()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"good morning everyone", "new episode of Severance tonight!", "just had the best coffee"})
    void prefilterKeepsOrdinaryPostsAwayFromTheTokenizer(String text) {
        assertThat(Prefilter.mayReport(text)).isFalse();
        assertThat(language.classify(text, "en").outage()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            can't log in to instagram, password reset not working | login
            paypal payments not going through                     | payments
            whatsapp messages not sending                         | messaging
            xbox live down, can't connect to servers              | connectivity
            tiktok keeps crashing                                 | app
            amazon website is down, 503 on every page             | website
            """)
    void namesTheKindOfProblem(String text, String kind) {
        assertThat(language.classify(text, "en").problemKind()).as(text).isEqualTo(kind);
    }
}
