package org.tehai.planning;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a technician brings to any route: skills with levels (1 = basic and up), tools, the parts stocked in
 * the van at the start of the shift, and the home base where routes start and end.
 * <p>
 * The solver's copy of a {@link org.tehai.technician.Technician}, built from it by the dispatch package: plain
 * values, no JPA. It carries the package's name so that code which builds a plan from the database (and uses both)
 * never meets two types called {@code Technician}.
 */
public final class PlanningTechnician {

    private final String id;
    private final Location home;
    private final Map<String, Integer> skillLevels;
    private final Set<String> tools;
    private final Map<String, Integer> vanStock;

    public PlanningTechnician(String id, Location home, Map<String, Integer> skillLevels, Set<String> tools,
            Map<String, Integer> vanStock) {
        this.id = Objects.requireNonNull(id, "id");
        this.home = Objects.requireNonNull(home, "home");
        this.skillLevels = Map.copyOf(Objects.requireNonNull(skillLevels, "skillLevels"));
        this.tools = Set.copyOf(Objects.requireNonNull(tools, "tools"));
        this.vanStock = Map.copyOf(Objects.requireNonNull(vanStock, "vanStock"));
    }

    /** True when every required skill is present at least at the required level. */
    public boolean masters(Map<String, Integer> requiredSkillLevels) {
        for (Map.Entry<String, Integer> required : requiredSkillLevels.entrySet()) {
            Integer level = skillLevels.get(required.getKey());
            if (level == null || level < required.getValue()) {
                return false;
            }
        }
        return true;
    }

    public boolean carriesAll(Set<String> requiredTools) {
        return tools.containsAll(requiredTools);
    }

    public String getId() {
        return id;
    }

    public Location getHome() {
        return home;
    }

    public Map<String, Integer> getSkillLevels() {
        return skillLevels;
    }

    public Set<String> getTools() {
        return tools;
    }

    public Map<String, Integer> getVanStock() {
        return vanStock;
    }

    @Override
    public String toString() {
        return id;
    }
}
