package org.outagedetector.language;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.outagedetector.ingest.Post;

/** Keeps the posts that report a service as down, as mentions of that service. */
public class ExtractMentions extends RichFlatMapFunction<Post, Mention> {

    private transient OutageLanguage language;
    private transient Counter mentions;

    @Override
    public void open(OpenContext ctx) {
        // One shared, thread-safe instance per TaskManager JVM: the models load once, not per slot or record.
        language = OutageLanguage.shared();
        mentions = getRuntimeContext().getMetricGroup().counter("mentions");
    }

    @Override
    public void flatMap(Post post, Collector<Mention> out) {
        Verdict verdict = language.classify(post.text, post.lang);
        if (verdict.outage() && verdict.service() != null) {
            mentions.inc();
            out.collect(new Mention(verdict.service(), verdict.verified(), post.authorKey(), post.createdAt,
                    verdict.language(), verdict.problemKind(), verdict.confidence(), post.text));
        }
    }
}
