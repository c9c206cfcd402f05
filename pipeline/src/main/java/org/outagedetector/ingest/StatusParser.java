package org.outagedetector.ingest;

import org.outagedetector.language.ServiceCatalog;

import java.util.Locale;
import java.util.Set;

/** A status update (CONTRACT.md): {@code service}, {@code time}, {@code status}, {@code text}; the service is normalized. */
public final class StatusParser implements RecordParser<StatusUpdate> {

    private static final Set<String> FIELDS = Set.of("service", "time", "status", "text");
    private static final Set<String> STATUSES = Set.of(StatusUpdate.INVESTIGATING, StatusUpdate.IDENTIFIED,
            StatusUpdate.MONITORING, StatusUpdate.RESOLVED);

    @Override
    public StatusUpdate parse(byte[] raw) throws InvalidRecordException {
        FlatJsonObject json = FlatJsonObject.read(raw, FIELDS);
        String service = ServiceCatalog.shared().normalize(json.requiredString("service"));
        if (service == null || service.isEmpty()) {
            throw new InvalidRecordException("field 'service' names no service");
        }
        long time = PostParser.plausibleTime(json, "time");
        String status = json.requiredString("status").toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new InvalidRecordException("field 'status' must be one of " + STATUSES + ", not '" + status + "'");
        }
        return new StatusUpdate(service, time, status, json.optionalString("text"));
    }
}
