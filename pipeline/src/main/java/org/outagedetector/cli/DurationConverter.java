package org.outagedetector.cli;

import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.ITypeConverter;

import java.time.Duration;

/** Durations as people write them (30s, 2m, 1h) or ISO-8601 (PT30S). */
public class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return value.startsWith("P") || value.startsWith("p") ? Duration.parse(value) : TimeUtils.parseDuration(value);
    }
}
