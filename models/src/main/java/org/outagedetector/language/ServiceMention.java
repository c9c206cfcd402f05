package org.outagedetector.language;

/** A service named in a post: which entry, or an open-world name, and which tokens name it. */
record ServiceMention(String name, ServiceEntry entry, int firstToken, int lastToken) {

    boolean verified() {
        return entry != null;
    }
}
