package org.outagedetector.language;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.outagedetector.ingest.Post;

/**
 * Keeps the posts that report a service as down, as mentions of that service. Every other post goes to
 * {@link #OTHER_POSTS}: what the stream's load counts, so that a flood of one service's outage reports is
 * that service's spike and never a surge of the whole stream.
 */
public class ExtractMentions extends ProcessFunction<Post, Mention> {

    /** The posts that report no outage (chatter, news, everything else people say). */
    public static final OutputTag<Post> OTHER_POSTS = new OutputTag<>("other-posts") {};

    private transient OutageLanguage language;
    private transient Counter mentions;

    @Override
    public void open(OpenContext ctx) {
        // One shared, thread-safe instance per TaskManager JVM: the models load once, not per slot or record.
        language = OutageLanguage.shared();
        mentions = getRuntimeContext().getMetricGroup().counter("mentions");
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<Mention> out) {
        Verdict verdict = language.classify(post.text, post.lang);
        if (!verdict.outage()) {
            ctx.output(OTHER_POSTS, post);
        } else if (verdict.service() != null) {
            mentions.inc();
            out.collect(new Mention(verdict.service(), verdict.verified(), post.authorKey(), post.createdAt,
                    verdict.language(), verdict.problemKind(), verdict.confidence(), post.text));
        }
    }
}
