package org.tehai.customer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The telephone numbering plan national numbers belong to. Inject it wherever a typed number is normalised: it
 * applies the rule of {@link PhoneNumber} with the configured country code, so the rule itself stays a static
 * value helper that reads no configuration.
 */
@ConfigMapping(prefix = "tehai.phone")
public interface NumberingPlan {

    /** Country code given to national numbers (leading trunk 0) when normalising phone numbers. */
    @WithDefault("81")
    String countryCode();

    /** See {@link PhoneNumber#normalize(String, String)}. */
    default String normalize(String typed) {
        return PhoneNumber.normalize(typed, countryCode());
    }

    /** See {@link PhoneNumber#normalizeOrNull(String, String)}. */
    default String normalizeOrNull(String typed) {
        return PhoneNumber.normalizeOrNull(typed, countryCode());
    }

    /** See {@link PhoneNumber#require(String, String, String)}. */
    default String require(String field, String typed) {
        return PhoneNumber.require(field, typed, countryCode());
    }
}
