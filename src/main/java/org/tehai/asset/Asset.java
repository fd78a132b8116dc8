package org.tehai.asset;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.tehai.platform.TrackedEntity;
import org.tehai.site.Site;

/**
 * A piece of equipment at a site. The optional parent is the equipment it depends on: a flat's TV outlet hangs
 * off the building's booster, so faults reported on several children point at the parent.
 */
@Entity
@Table(name = "asset")
public class Asset extends TrackedEntity {

    @ManyToOne(optional = false)
    public Site site;

    @ManyToOne
    @JoinColumn(name = "parent_asset_id")
    public Asset parent;

    public String model;
    public String kind;
    public String serialNumber;
    public LocalDate installedOn;

    /** True if making {@code candidate} this asset's parent would close a loop in the equipment tree. */
    public boolean wouldLoopWith(Asset candidate) {
        for (Asset a = candidate; a != null; a = a.parent) {
            if (a == this || (id != null && id.equals(a.id))) {
                return true;
            }
        }
        return false;
    }
}
