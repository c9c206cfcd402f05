package org.outagedetector.language;

/**
 * One outage phrase found in a post: how strongly it signals an outage, and the words where the post
 * puts the name of what is broken (first and last normalized word, inclusive; -1 when the phrase has none).
 */
record PhraseHit(Strength strength, String rule, int subjectFirst, int subjectLast, boolean subjectBefore) {

    enum Strength {
        /** "X is down", "is X down?", "#Xdown": an outage claim by itself. */
        STRONG,
        /** "X not loading", "can't log in to X", "X keeps crashing": a malfunction, an outage when X is a service. */
        MEDIUM,
        /** "error 503", "anyone else?", "servers": needs a named service to mean anything. */
        WEAK
    }

    boolean hasSubject() {
        return subjectFirst >= 0;
    }
}
