package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A camp's fuel burned: the sum of its generators' and vehicles' buckets. A member with no data in a bucket adds
 * nothing to the litres and lowers the coverage (the mean of the members' coverages); the source is the weakest
 * one any member used.
 */
public final class CampConsumption {
    private CampConsumption() {
    }

    /** The camp's litres per bucket of {@code size} over {@code [from, to)}. */
    public static List<ConsumptionBucket> buckets(List<FuelUse> members, Instant from, Instant to, BucketSize size) {
        List<ConsumptionBucket> out = new ArrayList<>();
        for (Instant b = size.floor(from); b.isBefore(to); b = size.next(b)) {
            Instant end = size.next(b);
            double litres = 0;
            double coverage = 0;
            boolean any = false;
            ConsumptionSource weakest = ConsumptionSource.FLOW_METER;
            for (FuelUse m : members) {
                ConsumptionBucket one = m.bucket(b, end);
                coverage += one.coverage();
                if (!Double.isNaN(one.litres())) {
                    litres += one.litres();
                    any = true;
                    weakest = one.source().ordinal() > weakest.ordinal() ? one.source() : weakest;
                }
            }
            out.add(new ConsumptionBucket(b, end, any ? litres : Double.NaN,
                members.isEmpty() ? 0 : coverage / members.size(), any ? weakest : ConsumptionSource.NONE));
        }
        return out;
    }
}
