package org.tehai.technician;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tehai.part.PartQuantityRequest;
import org.tehai.platform.api.Page;
import org.tehai.platform.api.PageRequest;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.region.RegionService;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TechnicianService {

    @Inject
    Audit audit;

    public Page<TechnicianView> search(Long regionId, String skill, Boolean active, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (regionId != null) {
            conditions.add("t.region.id = :region");
            parameters.and("region", regionId);
        }
        if (skill != null && !skill.isBlank()) {
            conditions.add("exists (select 1 from Technician u join u.skills s where u = t and s.skill = :skill)");
            parameters.and("skill", skill.trim());
        }
        if (active != null) {
            conditions.add("t.active = :active");
            parameters.and("active", active);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        var query = Technician.<Technician>find("from Technician t" + where, Sort.by("code"), parameters);
        return Page.of(query, page, TechnicianView::of);
    }

    public Technician get(long id) {
        Technician technician = Technician.findById(id);
        if (technician == null) {
            throw ApiProblem.notFound("technician", id);
        }
        return technician;
    }

    @Transactional
    public TechnicianView create(TechnicianRequest request) {
        var technician = new Technician();
        apply(technician, request);
        technician.persist();
        audit.record("TECHNICIAN_CREATED", "technician", technician.id, technician.code);
        return TechnicianView.of(technician);
    }

    @Transactional
    public TechnicianView update(long id, TechnicianRequest request) {
        Technician technician = get(id);
        technician.requireVersion("technician", request.version());
        apply(technician, request);
        technician.flush();
        audit.record("TECHNICIAN_UPDATED", "technician", technician.id, technician.code);
        return TechnicianView.of(technician);
    }

    public List<ShiftView> shifts(long technicianId, LocalDate from, LocalDate to) {
        get(technicianId);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalid("to", "The end date (" + to + ") is before the start date (" + from + ").");
        }
        // Open ends are left out of the query: LocalDate.MIN/MAX are outside PostgreSQL's date range.
        String query = "technician.id = :technician";
        Parameters parameters = Parameters.with("technician", technicianId);
        if (from != null) {
            query += " and workDate >= :from";
            parameters.and("from", from);
        }
        if (to != null) {
            query += " and workDate <= :to";
            parameters.and("to", to);
        }
        return Shift.<Shift>list(query, Sort.by("workDate"), parameters).stream().map(ShiftView::of).toList();
    }

    /** Creates or replaces the shift of a work date (times in the region's local time). */
    @Transactional
    public ShiftView saveShift(long technicianId, LocalDate date, ShiftRequest request) {
        Technician technician = get(technicianId);
        ZoneId zone = technician.region.zone();
        if (!request.end().isAfter(request.start())) {
            throw ApiProblem.invalid("end", "The shift ends (" + request.end() + ") before it starts ("
                    + request.start() + ").");
        }
        Shift shift = Shift.find(technicianId, date);
        boolean created = shift == null;
        if (created) {
            shift = new Shift();
            shift.technician = technician;
            shift.workDate = date;
        } else {
            shift.requireVersion("shift", request.version());
        }
        shift.startsAt = instant(date, request.start(), zone);
        shift.endsAt = instant(date, request.end(), zone);
        shift.maxOvertimeMinutes = request.maxOvertimeMinutes();
        shift.breaks.clear();
        for (int i = 0; i < request.breaks().size(); i++) {
            ShiftRequest.Break b = request.breaks().get(i);
            String field = "breaks[" + i + "]";
            if (!b.latestEnd().isAfter(b.earliestStart())
                    || b.earliestStart().plusMinutes(b.durationMinutes()).isAfter(b.latestEnd())) {
                throw ApiProblem.invalid(field + ".latestEnd", "A break of " + b.durationMinutes() + " minutes does "
                        + "not fit between " + b.earliestStart() + " and " + b.latestEnd() + ".");
            }
            if (b.earliestStart().isBefore(request.start()) || b.latestEnd().isAfter(request.end())) {
                throw ApiProblem.invalid(field + ".earliestStart", "The break must lie inside the shift ("
                        + request.start() + "-" + request.end() + ").");
            }
            shift.breaks.add(new ShiftBreak(instant(date, b.earliestStart(), zone), instant(date, b.latestEnd(), zone),
                    b.durationMinutes()));
        }
        if (created) {
            shift.persist();
        }
        shift.flush();
        audit.record(created ? "SHIFT_CREATED" : "SHIFT_UPDATED", "shift", shift.id, technician.code + " " + date);
        return ShiftView.of(shift);
    }

    @Transactional
    public void deleteShift(long technicianId, LocalDate date) {
        Shift shift = Shift.find(technicianId, date);
        if (shift == null) {
            throw ApiProblem.notFound("shift of technician " + technicianId + " on", date);
        }
        shift.delete();
        audit.record("SHIFT_DELETED", "shift", shift.id, technicianId + " " + date);
    }

    private static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    private static void apply(Technician technician, TechnicianRequest request) {
        Long sameCode = Technician.find("select t.id from Technician t where t.code = ?1", request.code())
                .project(Long.class).firstResult();
        if (sameCode != null && !sameCode.equals(technician.id)) {
            throw ApiProblem.conflict("code", "A technician with the code (" + request.code() + ") already exists.");
        }
        Long sameLogin = Technician.idForLogin(request.login());
        if (sameLogin != null && !sameLogin.equals(technician.id)) {
            throw ApiProblem.conflict("login", "The login (" + request.login() + ") is taken by another technician.");
        }
        List<SkillLevel> skills = new ArrayList<>();
        for (int i = 0; i < request.skills().size(); i++) {
            TechnicianRequest.Skill skill = request.skills().get(i);
            int index = i;
            if (skills.stream().anyMatch(s -> s.skill.equals(skill.skill()))) {
                throw ApiProblem.invalid("skills[" + index + "].skill", "The skill (" + skill.skill()
                        + ") is listed twice.");
            }
            skills.add(new SkillLevel(skill.skill(), skill.level()));
        }
        technician.code = request.code();
        technician.login = request.login();
        technician.firstName = request.firstName();
        technician.lastName = request.lastName();
        technician.phone = request.phone();
        technician.region = RegionService.reference("regionId", request.regionId());
        technician.homeAddress = request.homeAddress();
        technician.homeLatitude = request.homeLatitude();
        technician.homeLongitude = request.homeLongitude();
        technician.active = request.active() == null || request.active();
        technician.skills.clear();
        technician.skills.addAll(skills);
        technician.tools.clear();
        technician.tools.addAll(request.tools());
        technician.vanStock.clear();
        technician.vanStock.addAll(PartQuantityRequest.resolve("vanStock", request.vanStock()));
    }
}
