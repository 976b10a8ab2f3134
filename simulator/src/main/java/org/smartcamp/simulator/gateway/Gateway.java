package org.smartcamp.simulator.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.simulator.scenario.GatewaySpec;
import org.smartcamp.simulator.truth.OutageWindow;

/**
 * A camp gateway's store-and-forward behaviour: it buffers its assets' readings and sends them every uplink
 * interval in messages within the wire limits. While its link is down it keeps buffering; when the link comes
 * back it sends the backlog in batches with the readings' original event times. It can resend its last
 * messages (same sequence numbers and readings), as a gateway does after a lost acknowledgement.
 */
public final class Gateway {
    private final GatewaySpec spec;
    private final TopicAddress address;
    private final Instant start;
    private final WireLimits limits;
    private final List<Window> outages;
    private final List<Resend> resends;
    private final int history;
    private final Deque<OutgoingMessage> sent = new ArrayDeque<>();
    private final List<OutageWindow> reports = new ArrayList<>();
    private List<Reading> pending = new ArrayList<>();
    private Window down;
    private long seq;
    private long readingsSent;
    private long messagesSent;
    private long readingsResent;

    /** A link outage {@code [start, end)}. */
    public record Window(Instant start, Instant end) {
        boolean covers(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** At {@code at}, resend the last {@code messages} messages. */
    public record Resend(Instant at, int messages) {
    }

    public Gateway(GatewaySpec spec, TopicAddress address, Instant start, WireLimits limits, List<Window> outages,
                   List<Resend> resends) {
        this.spec = spec;
        this.address = address;
        this.start = start;
        this.limits = limits;
        this.outages = List.copyOf(outages);
        this.resends = new ArrayList<>(resends);
        this.history = resends.stream().mapToInt(Resend::messages).max().orElse(0);
    }

    /** Buffers a reading taken by one of the gateway's sensors. */
    public void offer(Reading reading) {
        pending.add(reading);
    }

    /** The messages the gateway sends at {@code t}: nothing while its link is down. */
    public List<OutgoingMessage> tick(Instant t) {
        Window outage = outages.stream().filter(w -> w.covers(t)).findFirst().orElse(null);
        if (outage != null) {
            down = outage;
            return List.of();
        }
        List<OutgoingMessage> out = new ArrayList<>();
        if (down != null) {
            reports.add(new OutageWindow(address.gateway(), down.start(), down.end(), pending.size(), t));
            down = null;
            out.addAll(drain(t, true));
        } else if (Duration.between(start, t).toMillis() % spec.uplinkInterval().toMillis() == 0) {
            out.addAll(drain(t, false));
        }
        out.addAll(resendsDue(t));
        return out;
    }

    /** Sends everything still buffered at the end of a run, even if the link is down (the run is over). */
    public List<OutgoingMessage> flush(Instant t) {
        boolean backlog = down != null;
        if (down != null) {
            Instant until = down.end().isAfter(t) ? t : down.end();
            reports.add(new OutageWindow(address.gateway(), down.start(), until, pending.size(), t));
            down = null;
        }
        return drain(t, backlog);
    }

    /** Sends what is buffered; {@code backlog}: it was held back by an outage. */
    private List<OutgoingMessage> drain(Instant t, boolean backlog) {
        List<OutgoingMessage> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i += spec.maxBatchReadings()) {
            split(pending.subList(i, Math.min(pending.size(), i + spec.maxBatchReadings())), t, backlog, out);
        }
        pending = new ArrayList<>();
        return out;
    }

    /** Encodes {@code readings} as one message, or halves them until every message is within the payload limit. */
    private void split(List<Reading> readings, Instant t, boolean backlog, List<OutgoingMessage> out) {
        TelemetryBatch batch = new TelemetryBatch(seq, t, readings);
        byte[] payload = TelemetryEncoder.encode(batch);
        if (payload.length > limits.maxPayloadBytes() && readings.size() > 1) {
            int half = readings.size() / 2;
            split(readings.subList(0, half), t, backlog, out);
            split(readings.subList(half, readings.size()), t, backlog, out);
            return;
        }
        seq++;
        OutgoingMessage message = new OutgoingMessage(address, batch, payload, false, backlog);
        out.add(message);
        readingsSent += readings.size();
        messagesSent++;
        if (history > 0) {
            sent.addLast(message);
            while (sent.size() > history) {
                sent.removeFirst();
            }
        }
    }

    private List<OutgoingMessage> resendsDue(Instant t) {
        List<OutgoingMessage> out = new ArrayList<>();
        resends.removeIf(r -> {
            if (r.at().isAfter(t)) {
                return false;
            }
            List<OutgoingMessage> last = new ArrayList<>(sent);
            for (OutgoingMessage m : last.subList(Math.max(0, last.size() - r.messages()), last.size())) {
                out.add(new OutgoingMessage(m.address(), m.batch(), m.payload(), true, m.backlog()));
                readingsResent += m.batch().readings().size();
            }
            return true;
        });
        return out;
    }

    public TopicAddress address() {
        return address;
    }

    /** Readings sent once (not counting resends). */
    public long readingsSent() {
        return readingsSent;
    }

    /** Messages sent once (not counting resends). */
    public long messagesSent() {
        return messagesSent;
    }

    /** Readings sent again by duplicate resends. */
    public long readingsResent() {
        return readingsResent;
    }

    /** The outages the gateway went through, with their backlogs. */
    public List<OutageWindow> outageReports() {
        return List.copyOf(reports);
    }
}
