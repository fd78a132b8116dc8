package org.tehai.technician;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.tehai.part.PartQuantityView;

/** A technician as the API shows it. */
public record TechnicianView(long id, String code, String login, String firstName, String lastName, String phone,
        long regionId, String homeAddress, double homeLatitude, double homeLongitude, boolean active,
        List<TechnicianRequest.Skill> skills, Set<String> tools, List<PartQuantityView> vanStock,
        Position lastPosition, long version) {

    public record Position(double latitude, double longitude, Instant at) {
    }

    public static TechnicianView of(Technician t) {
        Position position = t.lastLatitude == null ? null
                : new Position(t.lastLatitude, t.lastLongitude, t.lastPositionAt);
        return new TechnicianView(t.id, t.code, t.login, t.firstName, t.lastName, t.phone, t.region.id, t.homeAddress,
                t.homeLatitude, t.homeLongitude, t.active,
                t.skills.stream().map(s -> new TechnicianRequest.Skill(s.skill, s.level)).toList(), Set.copyOf(t.tools),
                PartQuantityView.of(t.vanStock), position, t.version);
    }
}
