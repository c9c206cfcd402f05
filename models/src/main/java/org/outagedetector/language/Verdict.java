package org.outagedetector.language;

/**
 * What the language step made of one post.
 *
 * @param outage      whether the post reports that a service is not working for people now
 * @param service     normalized lowercase canonical name (catalog name, or an open-world normalized name
 *                    when {@code verified} is false); null when not an outage or no service is named
 * @param verified    whether {@code service} is a catalog entry
 * @param problemKind login|app|website|payments|messaging|connectivity, or null when the post does not say
 * @param confidence  probability in [0,1] that the post is an outage report
 * @param language    the language the post was read as (en, es, pt, fr, de, ja, zh)
 */
public record Verdict(boolean outage, String service, boolean verified, String problemKind,
                      double confidence, String language) implements java.io.Serializable {

    static Verdict notOutage(double confidence, String language) {
        return new Verdict(false, null, false, null, confidence, language);
    }
}
