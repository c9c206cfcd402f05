package org.outagedetector.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The scalar top-level fields of one JSON object, read with Jackson's streaming parser: no tree is built,
 * and only the fields a record needs are kept. Strict UTF-8 and strict JSON: anything else is an
 * {@link InvalidRecordException} whose message says what is wrong.
 */
public final class FlatJsonObject {

    /** Longest raw record accepted: room for the longest text in 4-byte characters; a megabyte line is an error upstream. */
    public static final int MAX_RECORD_BYTES = 256 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    /** Marks a field that holds an object or array where a scalar was expected. */
    private static final Object NESTED = new Object();

    private final Map<String, Object> fields;

    private FlatJsonObject(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** Reads {@code raw}, keeping the fields named in {@code wanted}. */
    public static FlatJsonObject read(byte[] raw, Set<String> wanted) throws InvalidRecordException {
        if (raw.length > MAX_RECORD_BYTES) {
            throw new InvalidRecordException("record is " + raw.length + " bytes, longer than the limit of "
                    + MAX_RECORD_BYTES);
        }
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(raw)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidRecordException("empty record");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidRecordException("not a JSON object (starts with " + describe(first) + ")");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!wanted.contains(name)) {
                    p.skipChildren();
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    fields.put(name, NESTED);
                } else {
                    fields.put(name, scalar(p, value));
                }
            }
            if (p.nextToken() != null) {
                throw new InvalidRecordException("trailing content after the JSON object");
            }
        } catch (IOException e) {
            throw new InvalidRecordException("malformed JSON: " + firstLine(e.getMessage()));
        }
        return new FlatJsonObject(fields);
    }

    /** A required non-blank string field. */
    public String requiredString(String name) throws InvalidRecordException {
        Object v = fields.get(name);
        if (v == null) {
            throw new InvalidRecordException("missing required field '" + name + "'");
        }
        if (!(v instanceof String s)) {
            throw new InvalidRecordException("field '" + name + "' must be a string");
        }
        if (s.isBlank()) {
            throw new InvalidRecordException("field '" + name + "' is empty");
        }
        return s;
    }

    /** An optional string; numbers are accepted and written out (ids are often numeric). */
    public String optionalId(String name) throws InvalidRecordException {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        if (v instanceof Long || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        throw new InvalidRecordException("field '" + name + "' must be a string or an integer");
    }

    public String optionalString(String name) throws InvalidRecordException {
        Object v = fields.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new InvalidRecordException("field '" + name + "' must be a string");
    }

    /**
     * A required timestamp: RFC 3339 (any offset, normalized to UTC) or epoch milliseconds, within
     * [{@code earliest}, {@code latest}] so that absurd times never reach the watermark.
     */
    public long requiredTime(String name, long earliest, long latest) throws InvalidRecordException {
        Object v = fields.get(name);
        long millis;
        if (v == null) {
            throw new InvalidRecordException("missing required field '" + name + "'");
        } else if (v instanceof Long l) {
            millis = l;
        } else if (v instanceof String s) {
            try {
                millis = Rfc3339.toEpochMilli(s);
            } catch (DateTimeParseException e) {
                throw new InvalidRecordException("field '" + name + "' is not an RFC 3339 time: " + s);
            } catch (DateTimeException | ArithmeticException e) {
                // A well-formed time whose year java.time accepts but epoch milliseconds cannot hold (+300000000).
                throw new InvalidRecordException("field '" + name + "' is out of range: " + s);
            }
        } else {
            throw new InvalidRecordException(
                    "field '" + name + "' must be an RFC 3339 string or epoch milliseconds");
        }
        if (millis < earliest || millis > latest) {
            throw new InvalidRecordException("field '" + name + "' is out of range: "
                    + Instant.ofEpochMilli(millis) + " is not between " + Instant.ofEpochMilli(earliest)
                    + " and " + Instant.ofEpochMilli(latest));
        }
        return millis;
    }

    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            // Integers beyond a long stay BigInteger: an id may be one, a time never is.
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
                    : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
            default -> null;
        };
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
