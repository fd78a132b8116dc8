package org.tehai.part;

import java.util.List;

/** A stock or requirement line as the API shows it. */
public record PartQuantityView(String partCode, String partName, int quantity) {

    public static List<PartQuantityView> of(List<PartQuantity> lines) {
        return lines.stream().map(l -> new PartQuantityView(l.part.code, l.part.name, l.quantity)).toList();
    }
}
