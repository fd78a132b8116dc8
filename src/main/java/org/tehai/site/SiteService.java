package org.tehai.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.customer.CustomerService;
import org.tehai.platform.Records;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.region.RegionService;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SiteService {

    @Inject
    Audit audit;

    /**
     * Per region code, the box holding the region's sites that have coordinates, as "south,west,north,east": where a
     * map of the region opens before anything is planned on it.
     */
    public Map<String, String> extents() {
        Map<String, String> extents = new LinkedHashMap<>();
        Site.getEntityManager().createQuery("select s.region.code, min(s.latitude), min(s.longitude), max(s.latitude), "
                + "max(s.longitude) from Site s where s.latitude is not null and s.longitude is not null "
                + "group by s.region.code", Object[].class).getResultList()
                .forEach(row -> extents.put((String) row[0], row[1] + "," + row[2] + "," + row[3] + "," + row[4]));
        return extents;
    }

    public Page<SiteView> search(Long customerId, Long regionId, String building, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (customerId != null) {
            conditions.add("customer.id = :customer");
            parameters.and("customer", customerId);
        }
        if (regionId != null) {
            conditions.add("region.id = :region");
            parameters.and("region", regionId);
        }
        if (building != null && !building.isBlank()) {
            conditions.add("lower(building) = :building");
            parameters.and("building", building.trim().toLowerCase());
        }
        String where = String.join(" and ", conditions);
        var query = conditions.isEmpty() ? Site.<Site>findAll(Sort.by("id"))
                : Site.<Site>find(where, Sort.by("id"), parameters);
        return Page.of(query, page, SiteView::of);
    }

    public Site get(long id) {
        return Records.require(Site.class, id, "site");
    }

    public static Site reference(String field, Long id) {
        return Records.reference(Site.class, field, id, "site");
    }

    @Transactional
    public SiteView create(SiteRequest request) {
        var site = new Site();
        apply(site, request);
        site.persist();
        audit.record("SITE_CREATED", "site", site.id, site.addressLine());
        return SiteView.of(site);
    }

    @Transactional
    public SiteView update(long id, SiteRequest request) {
        Site site = get(id);
        site.requireVersion("site", request.version());
        apply(site, request);
        site.flush();
        audit.record("SITE_UPDATED", "site", site.id, site.addressLine());
        return SiteView.of(site);
    }

    private static void apply(Site site, SiteRequest request) {
        if ((request.latitude() == null) != (request.longitude() == null)) {
            String missing = request.latitude() == null ? "latitude" : "longitude";
            throw ApiProblem.invalid(missing, "Coordinates come in pairs: give both latitude and longitude, or neither.");
        }
        site.customer = CustomerService.reference("customerId", request.customerId());
        site.region = RegionService.reference("regionId", request.regionId());
        site.street = request.street().trim();
        site.postalCode = request.postalCode();
        site.city = request.city();
        site.building = blankToNull(request.building());
        site.unit = blankToNull(request.unit());
        site.floor = blankToNull(request.floor());
        site.latitude = request.latitude();
        site.longitude = request.longitude();
        site.accessNotes = request.accessNotes();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
