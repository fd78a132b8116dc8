package org.tehai.ticket;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Response time promised per priority: the SLA due time is the opening instant plus this. */
@ConfigMapping(prefix = "tehai.sla")
public interface ServiceLevels {

    /** Response time of a P1 ticket. */
    @WithDefault("PT4H")
    Duration p1();

    /** Response time of a P2 ticket. */
    @WithDefault("PT8H")
    Duration p2();

    /** Response time of a P3 ticket. */
    @WithDefault("PT24H")
    Duration p3();

    /** Response time of a P4 ticket. */
    @WithDefault("PT72H")
    Duration p4();

    default Duration responseTime(Priority priority) {
        return switch (priority) {
            case P1 -> p1();
            case P2 -> p2();
            case P3 -> p3();
            case P4 -> p4();
        };
    }
}
