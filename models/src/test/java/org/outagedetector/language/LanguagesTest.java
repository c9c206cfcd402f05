package org.outagedetector.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    private final OutageLanguage language = OutageLanguage.shared();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ¿se cayó WhatsApp?                   | whatsapp        | es
            WhatsApp no funciona                 | whatsapp        | es
            no puedo entrar a instagram          | instagram       | es
            caída de Movistar en Madrid          | movistar        | es
            o WhatsApp caiu de novo?             | whatsapp        | pt
            nubank fora do ar                    | nubank          | pt
            não consigo entrar no itaú           | itau            | pt
            Orange en panne depuis ce matin      | orange          | fr
            Free ne marche pas                   | free-mobile     | fr
            Netflix est tombé                    | netflix         | fr
            Ist WhatsApp down?                   | whatsapp        | de
            Telekom Störung in Berlin            | deutsche-telekom | de
            Vodafone Internet geht nicht         | vodafone        | de
            movistar sin internet desde ayer     | movistar        | es
            telcel no tiene señal en mi zona     | telcel          | es
            no me abre whatsapp                  | whatsapp        | es
            spotify no me deja reproducir nada   | spotify         | es
            tô sem internet da vivo desde ontem  | vivo            | pt
            whatsapp não envia mensagem          | whatsapp        | pt
            plus de réseau bouygues depuis ce matin | bouygues     | fr
            je n'ai plus internet avec sfr       | sfr             | fr
            youtube beug de ouf chez moi         | youtube         | fr
            WhatsApp geht bei mir nicht mehr, bei euch auch? | whatsapp | de
            kein internet bei vodafone seit heute morgen | vodafone | de
            telekom kein netz hier               | deutsche-telekom | de
            no jala whatsapp, alguien más?       | whatsapp        | es
            twitter est mort ce soir, rien ne charge | twitter      | fr
            spotify stürzt ständig ab, geht bei euch auch nicht? | spotify | de
            Twitter落ちてる                       | twitter         | ja
            LINE繋がらない                        | line            | ja
            ツイッター落ちた？                     | twitter         | ja
            Twitter重すぎて見れない               | twitter         | ja
            微信挂了                              | wechat          | zh
            B站崩了                               | bilibili        | zh
            淘宝打不开                            | taobao          | zh
            """)
    void readsOutageReportsInEveryLanguage(String text, String service, String lang) {
        Verdict verdict = language.classify(text, null);
        assertThat(verdict.outage()).as(text).isTrue();
        assertThat(verdict.service()).as(text).isEqualTo(service);
        assertThat(verdict.language()).as(text).isEqualTo(lang);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            estoy caído de sueño                 | es
            o preço caiu 10%                     | pt
            la bolsa cayó 3% hoy                 | es
            je suis tombé dans l'escalier        | fr
            ich bin heute total kaputt           | de
            me caí de risa                       | es
            ayer se cayó instagram pero hoy anda bien | es
            caiu a ficha                         | pt
            caiu a minha ficha agora             | pt
            ma voiture est en panne sur l'autoroute | fr
            mein handy ist kaputt                | de
            kein bock auf arbeit heute           | de
            o real caiu frente ao dólar          | pt
            je suis mort de fatigue              | fr
            die aktie ist abgestürzt             | de
            je suis tombé en panne sèche         | fr
            株価が落ちた                          | ja
            我的成绩下降了                        | zh
            """)
    void ignoresOtherSensesInEveryLanguage(String text, String lang) {
        Verdict verdict = language.classify(text, lang);
        assertThat(verdict.outage()).as(text).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Twitter is down | en-US | en
            Twitter is down | pt-BR | pt
            Twitter is down | it    | en
            """)
    void takesThePostsLanguageFieldWhenItIsOneItReads(String text, String lang, String expected) {
        assertThat(language.classify(text, lang).language()).isEqualTo(expected);
    }
}
