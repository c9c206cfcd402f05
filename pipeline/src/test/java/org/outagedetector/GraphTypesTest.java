package org.outagedetector;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.aggregation.MinutePeople;
import org.outagedetector.aggregation.MinuteTally;
import org.outagedetector.aggregation.ServiceMinute;
import org.outagedetector.alerting.ConsoleAlertOutput;
import org.outagedetector.alerting.JsonLinesAlertOutput;
import org.outagedetector.alerting.webhook.WebhookOutput;
import org.outagedetector.alerting.webhook.WebhookSettings;
import org.outagedetector.alerting.webhook.WebhookTarget;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.detection.ServiceState;
import org.outagedetector.detection.StreamLoad;
import org.outagedetector.detection.StreamLoadState;
import org.outagedetector.ingest.Sources;
import org.outagedetector.ingest.StatusUpdate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record and state type in the job graph has a Flink serializer (POJO, primitive, string, list), never
 * the Kryo fallback, which is several times slower and breaks savepoints when a class changes.
 */
class GraphTypesTest {

    @Test
    void noRecordBetweenOperatorsFallsBackToKryo(@TempDir Path dir) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        OutageDetectorJob.build(env,
                new OutageDetectorJob.Inputs(Sources.lines(List.of()), Sources.lines(List.of())),
                new OutageDetectorJob.Outputs(List.of(new ConsoleAlertOutput(),
                        new JsonLinesAlertOutput(dir.resolve("alerts.jsonl")),
                        new WebhookOutput(List.of(WebhookTarget.parse("http://127.0.0.1:9/")),
                                WebhookSettings.defaults())),
                        new DiscardingSink<>(), new DiscardingSink<>()),
                OutageDetectorJob.Timing.replay(), DetectorConfig.defaults());

        // Building the stream graph creates every operator's serializers; a generic type would already fail here.
        StreamGraph graph = env.getStreamGraph();
        List<String> checked = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            List<TypeSerializer<?>> serializers = new ArrayList<>(List.of(node.getTypeSerializersIn()));
            serializers.add(node.getTypeSerializerOut());
            for (TypeSerializer<?> s : serializers) {
                if (s != null) {
                    assertThat(s).as("a serializer of %s", node.getOperatorName()).isNotInstanceOf(KryoSerializer.class);
                    checked.add(node.getOperatorName());
                }
            }
            for (StreamEdge edge : node.getOutEdges()) {
                if (edge.getOutputTag() != null) {
                    assertFlinkSerialized(edge.getOutputTag().getTypeInfo(), "side output " + edge.getOutputTag().getId());
                }
            }
        }
        assertThat(checked).anyMatch(name -> name.contains("extract-mentions"))
                .anyMatch(name -> name.contains("tally-per-minute")).anyMatch(name -> name.contains("detect-spikes"));
    }

    @Test
    void keyedStateHasFlinkSerializers() {
        // The types behind the window's accumulator, the detector's keyed and list state, and the stream load's
        // operator, keyed and broadcast state.
        for (Class<?> type : List.of(MinuteTally.class, ServiceState.class, StatusUpdate.class, MinutePeople.class,
                StreamLoadState.class, ServiceMinute.class, StreamLoad.class)) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as("%s", type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            assertFlinkSerialized(info, type.getSimpleName());
        }
    }

    /** Fails when {@code info} or any field below it is a generic (Kryo) type. */
    private static void assertFlinkSerialized(TypeInformation<?> info, String where) {
        assertThat(info).as(where).isNotInstanceOf(GenericTypeInfo.class);
        if (info instanceof PojoTypeInfo<?> pojo) {
            for (int i = 0; i < pojo.getArity(); i++) {
                assertFlinkSerialized(pojo.getTypeAt(i), where + "." + pojo.getPojoFieldAt(i).getField().getName());
            }
        }
        for (TypeInformation<?> generic : info.getGenericParameters().values()) {
            assertFlinkSerialized(generic, where + "<>");
        }
        assertThat(info.createSerializer(new SerializerConfigImpl())).as(where).isNotInstanceOf(KryoSerializer.class);
    }
}
