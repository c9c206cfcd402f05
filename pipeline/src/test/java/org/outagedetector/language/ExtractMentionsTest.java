package org.outagedetector.language;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.outagedetector.ingest.Post;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The language step splits the stream: outage reports become mentions, every other post feeds the stream's load. */
class ExtractMentionsTest {

    private static List<String> run(String... texts) throws Exception {
        try (OneInputStreamOperatorTestHarness<Post, Mention> h =
                     ProcessFunctionTestHarnesses.forProcessFunction(new ExtractMentions())) {
            long t = 0;
            for (String text : texts) {
                h.processElement(new StreamRecord<>(new Post(null, "alice", text, t, "en"), t++));
            }
            var other = h.getSideOutput(ExtractMentions.OTHER_POSTS);
            return java.util.stream.Stream.concat(
                    h.extractOutputValues().stream().map(m -> "mention " + m.service + ": " + m.text),
                    (other == null ? List.<StreamRecord<Post>>of() : List.copyOf(other)).stream()
                            .map(r -> "other: " + r.getValue().text)).toList();
        }
    }

    @Test
    void outageReportsAreMentionsAndEverythingElseIsTheStreamsLoad() throws Exception {
        assertThat(run("is netflix down?", "I'm down for pizza tonight", "Netflix shares down 8% after earnings",
                "what a goal!!", "netflix not loading for me"))
                .containsExactlyInAnyOrder("mention netflix: is netflix down?",
                        "mention netflix: netflix not loading for me",
                        "other: I'm down for pizza tonight", "other: Netflix shares down 8% after earnings",
                        "other: what a goal!!");
    }

    @Test
    void aFloodOfOneServicesReportsAddsNothingToTheLoad() throws Exception {
        String[] flood = new String[200];
        for (int i = 0; i < flood.length; i++) {
            flood[i] = i % 2 == 0 ? "is netflix down?" : "#netflixdown";
        }
        assertThat(run(flood)).hasSize(200).allMatch(s -> s.startsWith("mention netflix"));
    }
}
