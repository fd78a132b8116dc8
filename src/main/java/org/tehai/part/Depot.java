package org.tehai.part;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.platform.TrackedEntity;
import org.tehai.region.Region;

/** A parts depot of a region, where technicians restock on the way. */
@Entity
@Table(name = "depot")
public class Depot extends TrackedEntity {

    @ManyToOne(optional = false)
    public Region region;

    public String code;
    public String name;
    public String address;
    public double latitude;
    public double longitude;

    @ElementCollection
    @CollectionTable(name = "depot_stock", joinColumns = @JoinColumn(name = "depot_id"))
    public List<PartQuantity> stock = new ArrayList<>();
}
