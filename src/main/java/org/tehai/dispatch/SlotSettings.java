package org.tehai.dispatch;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What slot offers to a customer may propose ({@link SlotSearch}). */
@ConfigMapping(prefix = "tehai.slots")
public interface SlotSettings {

    /** Slot offers for today start no earlier than now plus this. */
    @WithDefault("PT30M")
    Duration leadTime();
}
