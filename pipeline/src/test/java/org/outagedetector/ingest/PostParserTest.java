package org.outagedetector.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostParserTest {

    private final PostParser parser = new PostParser();

    private Post parse(String json) throws InvalidRecordException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAValidPostWithRfc3339Time() throws Exception {
        Post p = parse("{\"id\":\"7\",\"author_id\":\"u1\",\"text\":\"is twitter down?\","
                + "\"created_at\":\"2012-06-21T16:01:05.000Z\",\"lang\":\"en\",\"extra\":{\"x\":[1,2]}}");
        assertThat(p.id).isEqualTo("7");
        assertThat(p.authorId).isEqualTo("u1");
        assertThat(p.text).isEqualTo("is twitter down?");
        assertThat(p.createdAt).isEqualTo(Instant.parse("2012-06-21T16:01:05Z").toEpochMilli());
        assertThat(p.lang).isEqualTo("en");
    }

    @Test
    void acceptsEpochMillisNumericIdsOffsetsAndMissingOptionals() throws Exception {
        Post p = parse("{\"id\":123,\"text\":\"gmail not loading\",\"created_at\":1340294465000}");
        assertThat(p.id).isEqualTo("123");
        assertThat(p.authorId).isNull();
        assertThat(p.authorKey()).isEqualTo("post:123");
        assertThat(p.createdAt).isEqualTo(1340294465000L);
        Post offset = parse("{\"text\":\"x\",\"created_at\":\"2012-06-21T18:01:05+02:00\"}");
        assertThat(offset.createdAt).isEqualTo(Instant.parse("2012-06-21T16:01:05Z").toEpochMilli());
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of("", "empty record"),
                Arguments.of("{\"text\":\"is x down\",\"created_at\":\"2012-06-21T16:01:05Z\"", "malformed JSON"),
                Arguments.of("not json at all", "malformed JSON"),
                Arguments.of("[1,2,3]", "not a JSON object (starts with an array)"),
                Arguments.of("\"just a string\"", "not a JSON object (starts with a string)"),
                Arguments.of("42", "not a JSON object (starts with a number)"),
                Arguments.of("null", "not a JSON object (starts with null)"),
                Arguments.of("{\"created_at\":\"2012-06-21T16:01:05Z\"}", "missing required field 'text'"),
                Arguments.of("{\"text\":\"is x down\"}", "missing required field 'created_at'"),
                Arguments.of("{\"text\":42,\"created_at\":\"2012-06-21T16:01:05Z\"}", "field 'text' must be a string"),
                Arguments.of("{\"text\":{\"a\":1},\"created_at\":\"2012-06-21T16:01:05Z\"}", "field 'text' must be a string"),
                Arguments.of("{\"text\":\"  \",\"created_at\":\"2012-06-21T16:01:05Z\"}", "field 'text' is empty"),
                Arguments.of("{\"text\":\"x\",\"created_at\":true}", "field 'created_at' must be an RFC 3339 string"),
                Arguments.of("{\"text\":\"x\",\"created_at\":\"yesterday\"}", "field 'created_at' is not an RFC 3339 time"),
                Arguments.of("{\"text\":\"x\",\"created_at\":\"1970-01-01T00:00:00Z\"}", "field 'created_at' is out of range"),
                Arguments.of("{\"text\":\"x\",\"created_at\":0}", "field 'created_at' is out of range"),
                Arguments.of("{\"text\":\"x\",\"created_at\":\"2099-01-01T00:00:00Z\"}", "field 'created_at' is out of range"),
                // java.time reads this year, but its epoch milliseconds overflow a long
                Arguments.of("{\"text\":\"x\",\"created_at\":\"+300000000-01-01T00:00:00Z\"}", "field 'created_at' is out of range"),
                Arguments.of("{\"text\":\"x\",\"created_at\":\"2012-06-21T16:01:05Z\",\"author_id\":[1]}",
                        "field 'author_id' must be a string or an integer"),
                Arguments.of("{\"text\":\"x\",\"created_at\":\"2012-06-21T16:01:05Z\",\"lang\":5}", "field 'lang' must be a string"),
                Arguments.of("{\"text\":\"x\",\"created_at\":\"2012-06-21T16:01:05Z\"} {\"a\":1}", "trailing content"),
                Arguments.of("{\"text\":\"x\",\"created_at\":\"2012-06-21T16:01:05Z\"} garbage", "malformed JSON"),
                Arguments.of("{\"text\":\"a\u0001b\",\"created_at\":\"2012-06-21T16:01:05Z\"}", "malformed JSON"),
                Arguments.of("{\"x\":" + "[".repeat(200) + "]".repeat(200) + ",\"text\":\"x\",\"created_at\":0}",
                        "malformed JSON"));
    }

    @ParameterizedTest
    @MethodSource("badRecords")
    void rejectsBadRecordsWithAReason(String raw, String reason) {
        assertThatThrownBy(() -> parse(raw)).isInstanceOf(InvalidRecordException.class).hasMessageContaining(reason);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] raw = "{\"text\":\"is x down \u00e9\",\"created_at\":\"2012-06-21T16:01:05Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = raw.clone();
        for (int i = 0; i < broken.length; i++) {
            if (broken[i] == (byte) 0xc3) {
                broken[i + 1] = (byte) 0x28; // a lead byte followed by ASCII: not UTF-8
            }
        }
        assertThatThrownBy(() -> parser.parse(broken)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("malformed JSON").hasMessageContaining("UTF-8");
    }

    @Test
    void rejectsOversizedRecordsAndTexts() {
        String huge = "{\"text\":\"" + "a".repeat(FlatJsonObject.MAX_RECORD_BYTES) + "\",\"created_at\":0}";
        assertThatThrownBy(() -> parse(huge)).hasMessageContaining("longer than the limit");
        String longText = "{\"text\":\"" + "b".repeat(PostParser.MAX_TEXT_CHARS + 1)
                + "\",\"created_at\":\"2012-06-21T16:01:05Z\"}";
        assertThatThrownBy(() -> parse(longText)).hasMessageContaining("more than " + PostParser.MAX_TEXT_CHARS);
    }
}
