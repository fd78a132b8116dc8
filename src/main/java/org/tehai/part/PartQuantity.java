package org.tehai.part;

import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A number of pieces of one part: a line of van or depot stock, or what a visit needs. */
@Embeddable
public class PartQuantity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "part_id")
    public Part part;

    public int quantity;

    public PartQuantity() {
    }

    public PartQuantity(Part part, int quantity) {
        this.part = part;
        this.quantity = quantity;
    }
}
