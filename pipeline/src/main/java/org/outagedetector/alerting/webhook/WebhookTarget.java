package org.outagedetector.alerting.webhook;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --webhook [FORMAT=]URL}. The URL itself may carry a secret (Slack and many others put the
 * token in the path), so {@link #toString()} shows only scheme, host and port.
 */
public record WebhookTarget(WebhookFormat format, URI uri) implements Serializable {

    /** A bare word before '=' names the format; a URL's own '=' always comes after "scheme:". */
    private static final Pattern FORMAT_PREFIX = Pattern.compile("([A-Za-z]+)=(.*)", Pattern.DOTALL);

    public WebhookTarget {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("a webhook URL must start with http:// or https://: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("a webhook URL needs a host: " + uri);
        }
    }

    public static WebhookTarget parse(String flag) {
        if (flag == null || flag.isBlank()) {
            throw new IllegalArgumentException(
                    "--webhook needs [FORMAT=]URL, FORMAT one of " + WebhookFormat.choices());
        }
        String value = flag.strip();
        Matcher m = FORMAT_PREFIX.matcher(value);
        if (!m.matches()) {
            return new WebhookTarget(WebhookFormat.GENERIC, uri(value));
        }
        return new WebhookTarget(WebhookFormat.named(m.group(1)), uri(m.group(2).strip()));
    }

    private static URI uri(String url) {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("--webhook is missing the URL after FORMAT=");
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid webhook URL '" + url + "': " + e.getReason(), e);
        }
    }

    /**
     * The operator id of this webhook, the {@code ordinal}-th (from 1) of the webhooks with its format, host and
     * port. Its state (the deliveries still pending) is restored by this id, so the id leaves out the URL's path
     * and query: rotating a token there (Slack, Teams and Discord keep theirs in the path) keeps the pending
     * deliveries, and they go to the new URL. Moving a webhook to another host, or another format, is another
     * webhook (a restore then needs {@code --allowNonRestoredState}).
     */
    String operatorId(int ordinal) {
        String port = port() == defaultPort() ? "" : "-" + port();
        return "webhook-" + format.flagName() + "-" + uri.getHost().toLowerCase(Locale.ROOT) + port
                + (ordinal == 1 ? "" : "-" + ordinal);
    }

    /** Same format, host and port: told apart in {@link #operatorId(int)} by their order only. */
    boolean sharesOperatorIdWith(WebhookTarget other) {
        return format == other.format && uri.getHost().equalsIgnoreCase(other.uri.getHost()) && port() == other.port();
    }

    /** The port the URL reaches, written or not (https://h and https://h:443 are one webhook). */
    private int port() {
        return uri.getPort() == -1 ? defaultPort() : uri.getPort();
    }

    private int defaultPort() {
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    @Override
    public String toString() {
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String rest = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null ? "" : "/...";
        return format.flagName() + "=" + uri.getScheme() + "://" + uri.getHost() + port + rest;
    }
}
