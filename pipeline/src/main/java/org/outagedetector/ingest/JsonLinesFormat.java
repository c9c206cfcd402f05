package org.outagedetector.ingest;

import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON-lines file as raw bytes per line, so that invalid UTF-8 reaches the parser (and the dead
 * letters) instead of being silently replaced while decoding. Blank lines are skipped.
 */
public class JsonLinesFormat extends SimpleStreamFormat<byte[]> {

    @Override
    public StreamFormat.Reader<byte[]> createReader(Configuration config, FSDataInputStream stream) {
        InputStream in = new BufferedInputStream(stream, 64 * 1024);
        return new StreamFormat.Reader<>() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

            @Override
            public byte[] read() throws IOException {
                while (true) {
                    line.reset();
                    int b;
                    while ((b = in.read()) != -1 && b != '\n') {
                        line.write(b);
                    }
                    int length = line.size();
                    byte[] bytes = line.toByteArray();
                    if (length > 0 && bytes[length - 1] == '\r') {
                        bytes = java.util.Arrays.copyOf(bytes, length - 1);
                    }
                    if (bytes.length > 0 && !isBlank(bytes)) {
                        return bytes;
                    }
                    if (b == -1) {
                        return null;
                    }
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public TypeInformation<byte[]> getProducedType() {
        return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
    }
}
