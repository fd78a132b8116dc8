package org.tehai.part;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.tehai.platform.api.TextLimits;
import org.tehai.platform.error.ApiProblem;

/** A number of pieces of a part, the part named by its catalogue code. */
public record PartQuantityRequest(@NotBlank @Size(max = TextLimits.CODE) String partCode, @Min(0) @Max(10_000) int quantity) {

    /** Resolves the part codes; an unknown or repeated code is reported against {@code field[i].partCode}. */
    public static List<PartQuantity> resolve(String field, List<PartQuantityRequest> lines) {
        List<PartQuantity> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            PartQuantityRequest line = lines.get(i);
            String lineField = field + "[" + i + "].partCode";
            Part part = Part.findByCode(line.partCode());
            if (part == null) {
                throw ApiProblem.unknownReference(lineField, "part", line.partCode());
            }
            if (!seen.add(part.code)) {
                throw ApiProblem.invalid(lineField, "The part (" + part.code + ") is listed twice; give one line per part.");
            }
            resolved.add(new PartQuantity(part, line.quantity()));
        }
        return resolved;
    }
}
